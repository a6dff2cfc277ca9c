import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, APP_CONFIG, AppConfig, CurrentActor, RequestWithActor } from '@platform/core';
import { Language } from '@platform/directory';
import { holdsAccount } from './account-visibility';
import { AuthService } from './auth.service';
import { clientAddress, sessionToken } from './authentication.middleware';
import {
  clearSessionCookie,
  deviceTokenCookie,
  setDeviceTokenCookie,
  setSessionCookie,
} from './cookies';
import { AuthPayload } from './dto/auth-payload';
import { CreateUserInput } from './dto/create-user.input';
import { ConfirmEmailChangeInput, RequestEmailChangeInput } from './dto/email-change.input';
import { ChangePasswordInput, LoginInput } from './dto/login.input';
import { ExchangeLoginLinkInput, RequestLoginLinkInput } from './dto/login-link.input';
import { EmailChangesService } from './email-changes.service';
import { LoginLinksService } from './login-links.service';
import { PasswordsService } from './passwords.service';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordsService,
    private readonly links: LoginLinksService,
    private readonly emailChanges: EmailChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Mails a single-use login link to a participant. Always true: it does not tell whether the address is known.',
  })
  async requestLoginLink(
    @Args('input') input: RequestLoginLinkInput,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    await this.links.request(input.email, clientAddress(req));
    return true;
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges the token of a login link for a bearer token.',
  })
  async exchangeLoginLink(
    @Args('input') input: ExchangeLoginLinkInput,
    @Context('req') req: RequestWithActor,
  ): Promise<AuthPayload> {
    const payload = await this.links.exchange(input.token, clientAddress(req));
    this.startSession(req, payload);
    return payload;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchange an email and password for a bearer token. After 5 failures from one address (or 10 from a trusted device) in 15 minutes, FORBIDDEN with reason TOO_MANY_ATTEMPTS, even for the right password.',
  })
  async login(
    @Args('input') input: LoginInput,
    @Context('req') req: RequestWithActor,
  ): Promise<AuthPayload> {
    const payload = await this.passwords.login(input.email, input.password, {
      address: clientAddress(req),
      deviceToken: input.deviceToken ?? deviceTokenCookie(req),
    });
    setDeviceTokenCookie(req, payload.deviceToken, this.secure);
    this.startSession(req, payload);
    return payload;
  }

  @Mutation(() => Boolean, { description: "End this request's session (bearer token or cookie)." })
  async logout(
    @CurrentActor() actor: Actor,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    actor.requireUserId();
    const token = sessionToken(req);
    if (token) await this.auth.logout(token);
    clearSessionCookie(req);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'End every session of the logged-in account, this one included.',
  })
  async logoutEverywhere(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logoutEverywhere(actor);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Change one's password; every other session of the account ends.",
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    actor.requireUserId();
    await this.passwords.changePassword(
      actor,
      sessionToken(req)!,
      input.currentPassword,
      input.newPassword,
    );
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Asks to log in with another email: a link valid once, for 30 minutes, is mailed to the new address.',
  })
  async requestEmailChange(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestEmailChangeInput,
  ): Promise<boolean> {
    await this.emailChanges.request(actor, input.newEmail);
    return true;
  }

  @Mutation(() => User, {
    description: "The token of the mailed link: the account's (and its person's) email changes.",
  })
  async confirmEmailChange(
    @Args('input') input: ConfirmEmailChangeInput,
    @Context('req') req: RequestWithActor,
  ): Promise<User> {
    const user = await this.emailChanges.confirm(input.token, clientAddress(req));
    holdsAccount(req, user.id);
    return user;
  }

  @Query(() => User, { description: 'The logged-in account.' })
  me(@CurrentActor() actor: Actor): Promise<User> {
    return this.auth.me(actor);
  }

  @Mutation(() => User, { description: 'Remembers the language the holder reads the web app in.' })
  setMyLanguage(
    @CurrentActor() actor: Actor,
    @Args('language', { type: () => Language }) language: Language,
  ): Promise<User> {
    return this.auth.setLanguage(actor, language);
  }

  @Query(() => [User], { description: 'All accounts (admins only).' })
  users(@CurrentActor() actor: Actor): Promise<User[]> {
    return this.auth.listUsers(actor);
  }

  @Mutation(() => User, {
    description:
      'Admins only. A participant account is linked to its person and uses their email; a person has at most one account.',
  })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.auth.createUser(actor, input);
  }

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  /**
   * The payload's account is this request's from now on (its answer shows it), and a
   * browser keeps the session as an httpOnly cookie: the web app never reads a token.
   */
  private startSession(req: RequestWithActor, payload: AuthPayload): void {
    holdsAccount(req, payload.user.id);
    setSessionCookie(req, payload.token, payload.expiresAt, this.secure);
  }
}
