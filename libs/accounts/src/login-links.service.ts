import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig, DomainError, RateLimiter, Role } from '@platform/core';
import { Person } from '@platform/directory';
import { MailTemplate, Outbox } from '@platform/mail';
import { AuthService, sha256 } from './auth.service';
import { AuthPayload } from './dto/auth-payload';
import { LoginLink } from './login-link.entity';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';

const VALID_MINUTES = 30;

/**
 * Login by email link for participants. Asking always gets the same answer, whether
 * or not the address is known, and is rate limited per address and per client.
 */
@Injectable()
export class LoginLinksService {
  private readonly perAddress = new RateLimiter(3, 15 * 60_000);
  private readonly perClient = new RateLimiter(20, 15 * 60_000);

  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(email: string, client: string): Promise<void> {
    const address = email.trim().toLowerCase();
    if (this.perClient.take(client) > 0 || this.perAddress.take(address) > 0) {
      throw DomainError.forbidden(
        'Too many login links asked for; try again in 15 minutes.',
        'TOO_MANY_ATTEMPTS',
      );
    }
    await this.em.transactional(async (em) => {
      const person = await this.recipient(em, address);
      // Staff log in with a password; for them, as for unknown addresses, nothing is sent.
      if (!person) return;
      const token = randomBytes(32).toString('base64url');
      const link = em.create(LoginLink, {
        tokenHash: sha256(token),
        person,
        expiresAt: new Date(Date.now() + VALID_MINUTES * 60_000),
      });
      await this.outbox.enqueue(em, {
        template: MailTemplate.LOGIN_LINK,
        idempotencyKey: `LOGIN_LINK:${link.id}`,
        to: {
          email: address,
          name: person.fullName,
          language: person.language,
          personId: person.id,
        },
        values: {
          loginUrl: `${this.config.publicUrl}/login-link/${token}`,
          validMinutes: VALID_MINUTES,
        },
      });
    });
  }

  /** The token from the mail → a bearer token with the participant role; works once. */
  async exchange(token: string): Promise<AuthPayload> {
    return this.em.transactional(async (em) => {
      const link = await em.findOne(LoginLink, { tokenHash: sha256(token) });
      const now = new Date();
      // One answer for unknown, used and expired tokens: nothing to learn by trying.
      if (!link || link.usedAt || link.expiresAt <= now) {
        throw DomainError.unauthenticated(
          'This login link is not valid (any more); ask for a new one.',
        );
      }
      link.usedAt = now;
      const person = await link.person.loadOrFail();
      const user =
        (await em.findOne(User, { person })) ??
        em.create(User, {
          email: person.email!.toLowerCase(),
          role: Role.PARTICIPANT,
          person,
          // No password: this account logs in by link until one is set.
          passwordHash: await hashPassword(randomBytes(32).toString('hex')),
        });
      if (user.role !== Role.PARTICIPANT) {
        throw DomainError.unauthenticated(
          'This login link is not valid (any more); ask for a new one.',
        );
      }
      return this.auth.openSession(em, user);
    });
  }

  /** The person a link may go to: a participant account's person, or a person with no account. */
  private async recipient(em: EntityManager, address: string): Promise<Person | null> {
    const user = await em.findOne(User, { email: address }, { populate: ['person'] });
    if (user) return user.role === Role.PARTICIPANT && user.person ? user.person.getEntity() : null;
    const person = await em.findOne(Person, { email: address });
    if (!person || (await em.count(User, { person }))) return null;
    return person;
  }
}
