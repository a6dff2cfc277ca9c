import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  CommonErrorCode,
  DomainError,
  readRows,
  Role,
} from '@platform/core';
import { Language, Person } from '@platform/directory';
import { AuthSession } from './auth-session.entity';
import { CreateUserInput } from './dto/create-user.input';
import { AuthPayload } from './dto/auth-payload';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';

/** The email typed for a new account is some account's login already. */
const emailTaken = (email: string) =>
  DomainError.invalid(
    'email',
    `an account for ${email} already exists`,
    CommonErrorCode.EMAIL_TAKEN,
  );

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Emails are stored and compared lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Accounts and their sessions (bearer tokens). Logins with a password: PasswordsService. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new bearer token for the user (stored only as its SHA-256). */
  async openSession(em: EntityManager, user: User): Promise<AuthPayload> {
    const now = Date.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.config.auth.tokenTtlHours * 3600 * 1000);
    em.create(AuthSession, { tokenHash: sha256(token), user, expiresAt, createdAt: new Date(now) });
    user.lastLoginAt = new Date(now);
    await em.flush();
    return { token, expiresAt, user };
  }

  async logout(token: string): Promise<void> {
    await this.em.nativeDelete(AuthSession, { tokenHash: sha256(token) });
  }

  /** Ends every session of the user, but the one of `keepToken` if given. */
  async endSessions(em: EntityManager, userId: string, keepToken?: string): Promise<number> {
    return em.nativeDelete(AuthSession, {
      user: userId,
      ...(keepToken ? { tokenHash: { $ne: sha256(keepToken) } } : {}),
    });
  }

  async setLanguage(actor: Actor, language: Language): Promise<User> {
    const user = await this.em.findOneOrFail(User, actor.requireUserId());
    user.language = language;
    await this.em.flush();
    return user;
  }

  async logoutEverywhere(actor: Actor): Promise<void> {
    await this.endSessions(this.em, actor.requireUserId());
  }

  /**
   * The actor of a live session. Runs on every request, before the request's own
   * context exists (see AuthenticationMiddleware): one plain row, with no entity
   * hydrated and no identity map to fork.
   */
  async actorForToken(token: string): Promise<Actor | null> {
    const [row] = await readRows(
      this.em,
      `select u.id, u.role, u.person_id from auth_session s join "user" u on u.id = s.user_id
       where s.token_hash = ? and s.expires_at > ?`,
      [sha256(token), new Date()],
    );
    if (!row) return null;
    return new Actor(row.id as string, row.role as Role, (row.person_id as string | null) ?? null);
  }

  async me(actor: Actor): Promise<User> {
    return this.em.findOneOrFail(User, actor.requireUserId());
  }

  async listUsers(actor: Actor): Promise<User[]> {
    actor.require(Role.ADMIN);
    return this.em.find(User, {}, { orderBy: { email: 'asc' } });
  }

  /**
   * Only admins create accounts: whoever chooses an account's password can log in as
   * its person and read their registrations, marks and certificates. Participants get
   * theirs on first use of an email login link.
   */
  async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    actor.require(Role.ADMIN);
    const email = normalizeEmail(input.email);
    if (input.role === Role.PARTICIPANT && !input.personId) {
      throw DomainError.invalid('personId', 'a participant account must be linked to a person');
    }
    const person = input.personId ? await this.em.findOne(Person, input.personId) : null;
    if (input.personId && !person) {
      throw DomainError.invalid('personId', `no person with id "${input.personId}"`);
    }
    if (person) await this.assertNoAccount(person);
    const participant = person && input.role === Role.PARTICIPANT;
    if (participant) await this.assertPersonEmail(person, email);
    if (await this.em.count(User, { email })) {
      throw emailTaken(email);
    }
    if (participant) person.email = email;
    const user = this.em.create(User, {
      email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      person,
      createdAt: new Date(),
    });
    try {
      await this.em.flush();
    } catch (error) {
      // Someone made the same account meanwhile: the unique indexes say which.
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        if (person) await this.assertNoAccount(person);
        throw emailTaken(email);
      }
      throw error;
    }
    return user;
  }

  private async assertNoAccount(person: Person): Promise<void> {
    const existing = await this.em.findOne(User, { person: person.id });
    if (existing) {
      throw DomainError.conflict(
        'PERSON_HAS_ACCOUNT',
        `${person.fullName} already has an account (${existing.email}); a person has at most one.`,
      );
    }
  }

  /** A participant logs in with their person's email: the same one, or it becomes theirs. */
  private async assertPersonEmail(person: Person, email: string): Promise<void> {
    if (person.email) {
      if (person.email !== email) {
        throw DomainError.invalid(
          'email',
          `a participant account uses its person's email, ${person.email}`,
          'EMAIL_MISMATCH',
        );
      }
      return;
    }
    if (await this.em.count(Person, { email })) {
      throw DomainError.invalid(
        'email',
        `${email} already belongs to another person`,
        CommonErrorCode.EMAIL_TAKEN,
      );
    }
  }

  /** The first admin, from ADMIN_EMAIL/ADMIN_PASSWORD or `npm run cli -- create-admin`. */
  async ensureAdmin(email: string, password: string): Promise<{ created: boolean }> {
    const address = normalizeEmail(email);
    if (await this.em.count(User, { email: address })) return { created: false };
    this.em.create(User, {
      email: address,
      role: Role.ADMIN,
      passwordHash: await hashPassword(password),
      createdAt: new Date(),
    });
    await this.em.flush();
    this.logger.log(`Created admin account ${address}`);
    return { created: true };
  }
}
