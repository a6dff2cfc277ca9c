import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  CommonErrorCode,
  DomainError,
  languageOr,
  RateLimits,
  RateRule,
} from '@platform/core';
import { Person } from '@platform/directory';
import { Outbox } from '@platform/mail';
import { normalizeEmail, sha256 } from './auth.service';
import { EmailChange } from './email-change.entity';
import { EMAIL_CHANGE_MESSAGE } from './email-change.email';
import { LoginLink } from './login-link.entity';
import { LINK_REDEMPTIONS_PER_CLIENT } from './login-links.service';
import { User } from './user.entity';

const VALID_MINUTES = 30;
const REQUESTS_PER_ACCOUNT: RateRule = {
  name: 'email-change-account',
  points: 3,
  windowSeconds: 15 * 60,
};

/**
 * The address is someone else's: BAD_USER_INPUT naming the `field` the client typed it
 * in, or CONFLICT when no field holds it (a confirmation whose address was taken meanwhile).
 */
const emailTaken = (email: string, field: string | undefined) =>
  field
    ? DomainError.invalid(
        field,
        `${email} is already used by another account or person`,
        CommonErrorCode.EMAIL_TAKEN,
      )
    : DomainError.conflict(
        CommonErrorCode.EMAIL_TAKEN_MEANWHILE,
        `${email} is already used by another account or person.`,
      );

/**
 * Changing an account's login email: the holder asks, a single-use link goes to the new
 * address, and following it sets the account's and its person's email at once. An
 * email is who may log in by link, so it changes only with proof of the new mailbox.
 */
@Injectable()
export class EmailChangesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: Actor, newEmail: string): Promise<void> {
    const userId = actor.requireUserId();
    await this.limits.enforce(REQUESTS_PER_ACCOUNT, userId, 'Too many email changes asked for');
    const address = normalizeEmail(newEmail);
    await this.em.transactional(async (em) => {
      const user = await em.findOneOrFail(User, userId, { populate: ['person'] });
      if (user.email === address) {
        throw DomainError.invalid('newEmail', 'this is already your email', 'SAME_EMAIL');
      }
      const person = user.person?.getEntity();
      const language = languageOr(user.language ?? person?.language);
      await assertEmailFree(em, address, user, 'newEmail');
      const token = randomBytes(32).toString('base64url');
      const change = em.create(EmailChange, {
        tokenHash: sha256(token),
        user,
        newEmail: address,
        expiresAt: new Date(Date.now() + VALID_MINUTES * 60_000),
      });
      await this.outbox.enqueue(em, {
        message: EMAIL_CHANGE_MESSAGE,
        idempotencyKey: `EMAIL_CHANGE:${change.id}`,
        to: {
          email: address,
          name: person?.nameIn(language) ?? address,
          language,
          personId: person?.id,
        },
        values: {
          confirmUrl: `${this.config.publicUrl}/email-change/${token}?lang=${language}`,
          newEmail: address,
          validMinutes: VALID_MINUTES,
        },
      });
    });
  }

  /** The token from the mail: the account (and its person) now use the new address. */
  async confirm(token: string, client: string): Promise<User> {
    await this.limits.enforce(LINK_REDEMPTIONS_PER_CLIENT, client, 'Too many links tried');
    const tokenHash = sha256(token);
    try {
      return await this.em.transactional(async (em) => {
        const now = new Date();
        const taken = await em.nativeUpdate(
          EmailChange,
          { tokenHash, usedAt: null, expiresAt: { $gt: now } },
          { usedAt: now },
        );
        if (taken !== 1) {
          throw DomainError.invalid(
            'token',
            'this link is not valid (any more); ask for a new one',
            'INVALID_TOKEN',
          );
        }
        const change = await em.findOneOrFail(EmailChange, { tokenHash }, { populate: ['user'] });
        const user = change.user.getEntity();
        // Taken meanwhile by another account or person: refused, and the link stays unused.
        await assertEmailFree(em, change.newEmail, user, undefined);
        await forgetLinksOf(em, user);
        user.email = change.newEmail;
        if (user.person) (await user.person.loadOrFail()).email = change.newEmail;
        await em.flush();
        return user;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw emailTaken('This address', undefined);
      throw error;
    }
  }
}

/**
 * Nobody else logs in with, or is reached at, this address. `field` is the input field
 * the client typed it in, if any (see emailTaken).
 */
export async function assertEmailFree(
  em: EntityManager,
  email: string,
  user: User,
  field: string | undefined,
): Promise<void> {
  const otherAccount = await em.count(User, { email, id: { $ne: user.id } });
  const otherPerson = await em.count(Person, {
    email,
    ...(user.person ? { id: { $ne: user.person.id } } : {}),
  });
  if (otherAccount || otherPerson) throw emailTaken(email, field);
}

/** Links mailed to the account's old address (logins, other changes) stop working. */
export async function forgetLinksOf(em: EntityManager, user: User): Promise<void> {
  await em.nativeDelete(EmailChange, { user, usedAt: null });
  if (user.person) await em.nativeDelete(LoginLink, { person: user.person.id, usedAt: null });
}
