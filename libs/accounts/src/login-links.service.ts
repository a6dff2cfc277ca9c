import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig, DomainError, RateLimits, RateRule, Role } from '@platform/core';
import { Person } from '@platform/directory';
import { Outbox } from '@platform/mail';
import { AuthService, normalizeEmail, sha256 } from './auth.service';
import { AuthPayload } from './dto/auth-payload';
import { LoginLink } from './login-link.entity';
import { LOGIN_LINK_MESSAGE } from './login-link.email';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';

const VALID_MINUTES = 30;
const QUARTER_HOUR = 15 * 60;
const REQUESTS_PER_ADDRESS: RateRule = {
  name: 'login-link-address',
  points: 3,
  windowSeconds: QUARTER_HOUR,
};
const REQUESTS_PER_CLIENT: RateRule = {
  name: 'login-link-client',
  points: 20,
  windowSeconds: QUARTER_HOUR,
};
/** Tokens tried per client address, also those of email-change links. */
export const LINK_REDEMPTIONS_PER_CLIENT: RateRule = {
  name: 'link-redemption-client',
  points: 30,
  windowSeconds: QUARTER_HOUR,
};

const invalidLink = () =>
  DomainError.unauthenticated('This login link is not valid (any more); ask for a new one.');

/** The roles that may sign in by link: participants, and focal points invited by mail. */
const LINK_ROLES: readonly Role[] = [Role.PARTICIPANT, Role.FOCAL_POINT];

/**
 * Login by email link for participants and focal points. Asking always gets the same answer, whether
 * or not the address is known, and is rate limited per address and per client.
 */
@Injectable()
export class LoginLinksService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly outbox: Outbox,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(email: string, client: string): Promise<void> {
    const address = normalizeEmail(email);
    const what = 'Too many login links asked for';
    await this.limits.enforce(REQUESTS_PER_CLIENT, client, what);
    await this.limits.enforce(REQUESTS_PER_ADDRESS, address, what);
    await this.em.transactional(async (em) => {
      const person = await this.recipient(em, address);
      // Staff log in with a password; for them, as for unknown addresses, nothing is sent.
      if (!person) return;
      const { link, url } = this.issue(em, person, VALID_MINUTES);
      await this.outbox.enqueue(em, {
        message: LOGIN_LINK_MESSAGE,
        idempotencyKey: `LOGIN_LINK:${link.id}`,
        to: {
          email: address,
          name: person.nameIn(person.language),
          language: person.language,
          personId: person.id,
        },
        values: { loginUrl: url, validMinutes: VALID_MINUTES },
      });
    });
  }

  /**
   * A new one-time link that signs in the account of `person` (or makes a participant
   * account for them), valid for `validMinutes`, in the caller's transaction: the mail
   * that carries it (a login link, a focal point's invitation) is queued in it too.
   */
  issue(em: EntityManager, person: Person, validMinutes: number): { link: LoginLink; url: string } {
    const token = randomBytes(32).toString('base64url');
    const link = em.create(LoginLink, {
      tokenHash: sha256(token),
      person,
      expiresAt: new Date(Date.now() + validMinutes * 60_000),
    });
    // The page of the web app it opens speaks the language the mail is written in.
    const url = `${this.config.publicUrl}/login-link/${token}?lang=${person.language}`;
    return { link, url };
  }

  /** The token from the mail → a bearer token with the participant role; works once. */
  async exchange(token: string, client: string): Promise<AuthPayload> {
    await this.limits.enforce(LINK_REDEMPTIONS_PER_CLIENT, client, 'Too many links tried');
    try {
      return await this.em.transactional((em) => this.redeem(em, token));
    } catch (error) {
      // Two first logins of one person at once (two links): the other one made the
      // account, and this transaction, link included, was rolled back. Again, it logs in.
      if (error instanceof UniqueConstraintViolationException) {
        return this.em.transactional((em) => this.redeem(em, token));
      }
      throw error;
    }
  }

  private async redeem(em: EntityManager, token: string): Promise<AuthPayload> {
    const now = new Date();
    const tokenHash = sha256(token);
    // One conditional UPDATE: of concurrent redemptions, the database lets one through.
    const taken = await em.nativeUpdate(
      LoginLink,
      { tokenHash, usedAt: null, expiresAt: { $gt: now } },
      { usedAt: now },
    );
    // One answer for unknown, used and expired tokens: nothing to learn by trying.
    if (taken !== 1) throw invalidLink();
    const link = await em.findOneOrFail(LoginLink, { tokenHash }, { populate: ['person'] });
    const person = link.person.getEntity();
    const user = await em.findOne(User, { person });
    if (user) {
      if (!LINK_ROLES.includes(user.role)) throw invalidLink();
      return this.auth.openSession(em, user);
    }
    if (!person.email) throw invalidLink();
    const account = em.create(User, {
      email: person.email,
      role: Role.PARTICIPANT,
      person,
      // No password: this account logs in by link until one is set.
      passwordHash: await hashPassword(randomBytes(32).toString('hex')),
    });
    return this.auth.openSession(em, account);
  }

  /** The person a link may go to: a participant's or focal point's, or a person with no account. */
  private async recipient(em: EntityManager, address: string): Promise<Person | null> {
    const user = await em.findOne(User, { email: address }, { populate: ['person'] });
    if (user) return LINK_ROLES.includes(user.role) && user.person ? user.person.getEntity() : null;
    const person = await em.findOne(Person, { email: address });
    if (!person || (await em.count(User, { person }))) return null;
    return person;
  }
}
