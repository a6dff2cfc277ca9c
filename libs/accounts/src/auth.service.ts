import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Actor, APP_CONFIG, AppConfig, DomainError, Role } from '@platform/core';
import { Person } from '@platform/directory';
import { AuthSession } from './auth-session.entity';
import { CreateUserInput } from './dto/create-user.input';
import { AuthPayload } from './dto/auth-payload';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';
import { User } from './user.entity';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// Failed logins per address: after MAX_FAILURES in the window, further tries wait.
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const address = email.trim().toLowerCase();
    const now = Date.now();
    const recent = (this.failures.get(address) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    if (recent.length >= MAX_FAILURES) {
      throw DomainError.forbidden(
        'Too many failed logins for this address; try again in 15 minutes.',
        'TOO_MANY_ATTEMPTS',
      );
    }
    const user = await this.em.findOne(User, { email: address });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid) {
      this.failures.set(address, [...recent, now]);
      throw DomainError.unauthenticated('The email or the password is wrong.');
    }
    this.failures.delete(address);
    return this.openSession(this.em, user);
  }

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

  /** Runs before the request's own context exists (see AuthenticationMiddleware): a fork. */
  async actorForToken(token: string): Promise<Actor | null> {
    const session = await this.em
      .fork()
      .findOne(
        AuthSession,
        { tokenHash: sha256(token), expiresAt: { $gt: new Date() } },
        { populate: ['user'] },
      );
    if (!session) return null;
    const user = session.user.getEntity();
    return new Actor(user.id, user.role, user.person?.id ?? null);
  }

  async me(actor: Actor): Promise<User> {
    return this.em.findOneOrFail(User, actor.requireUserId());
  }

  async listUsers(actor: Actor): Promise<User[]> {
    actor.require(Role.ADMIN);
    return this.em.find(User, {}, { orderBy: { email: 'asc' } });
  }

  /** Admins create any account; organizers may create participant accounts. */
  async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    actor.require(Role.ADMIN, Role.ORGANIZER);
    if (!actor.isAdmin && input.role !== Role.PARTICIPANT) {
      throw DomainError.forbidden('Organizers can only create participant accounts.');
    }
    if (input.role === Role.PARTICIPANT && !input.personId) {
      throw DomainError.invalid(
        'personId',
        'personId: a participant account must be linked to a person',
      );
    }
    if (input.personId && !(await this.em.count(Person, { id: input.personId }))) {
      throw DomainError.invalid('personId', `personId: no person with id "${input.personId}"`);
    }
    const email = input.email.trim().toLowerCase();
    if (await this.em.count(User, { email })) {
      throw DomainError.conflict('EMAIL_TAKEN', `An account for ${email} already exists.`);
    }
    const user = this.em.create(User, {
      email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      person: input.personId,
      createdAt: new Date(),
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.conflict('EMAIL_TAKEN', `An account for ${email} already exists.`);
      }
      throw error;
    }
    return user;
  }

  /** The first admin, from ADMIN_EMAIL/ADMIN_PASSWORD or `npm run cli -- create-admin`. */
  async ensureAdmin(email: string, password: string): Promise<{ created: boolean }> {
    const address = email.trim().toLowerCase();
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
