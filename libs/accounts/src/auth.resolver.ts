import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestWithActor } from '@platform/core';
import { Person } from '@platform/directory';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload';
import { CreateUserInput } from './dto/create-user.input';
import { LoginInput } from './dto/login.input';
import { ExchangeLoginLinkInput, RequestLoginLinkInput } from './dto/login-link.input';
import { LoginLinksService } from './login-links.service';
import { User } from './user.entity';

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly links: LoginLinksService,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Mails a single-use login link to a participant. Always true: it does not tell whether the address is known.',
  })
  async requestLoginLink(
    @Args('input') input: RequestLoginLinkInput,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    await this.links.request(input.email, req.ip ?? 'unknown');
    return true;
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges the token of a login link for a bearer token.',
  })
  exchangeLoginLink(@Args('input') input: ExchangeLoginLinkInput): Promise<AuthPayload> {
    return this.links.exchange(input.token);
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchange an email and password for a bearer token.',
  })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password);
  }

  @Mutation(() => Boolean, { description: 'End the session of the bearer token sent.' })
  async logout(
    @CurrentActor() actor: Actor,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    actor.requireUserId();
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token) await this.auth.logout(token);
    return true;
  }

  @Query(() => User, { description: 'The logged-in account.' })
  me(@CurrentActor() actor: Actor): Promise<User> {
    return this.auth.me(actor);
  }

  @Query(() => [User], { description: 'All accounts (admins only).' })
  users(@CurrentActor() actor: Actor): Promise<User[]> {
    return this.auth.listUsers(actor);
  }

  @Mutation(() => User)
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.auth.createUser(actor, input);
  }

  @ResolveField(() => Person, { nullable: true })
  async person(@Parent() user: User): Promise<Person | null> {
    return user.person ? user.person.loadOrFail() : null;
  }
}
