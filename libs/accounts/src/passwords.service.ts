import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, RateLimits, RateRule } from '@platform/core';
import { AuthService, normalizeEmail, sha256 } from './auth.service';
import { AuthPayload } from './dto/auth-payload';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';
import { TrustedDevice } from './trusted-device.entity';
import { User } from './user.entity';

const QUARTER_HOUR = 15 * 60;

// Login throttling after OWASP's "device cookies". Attempts are counted before the
// password is checked (so concurrent guesses cannot all get in before the count) and a
// successful login is given back, so what the counters hold are failures.
/** One account from one client address. */
const ACCOUNT_FROM_ADDRESS: RateRule = {
  name: 'login-account-address',
  points: 5,
  windowSeconds: QUARTER_HOUR,
};
/** One client address, whatever the accounts it tries. */
const FROM_ADDRESS: RateRule = { name: 'login-address', points: 100, windowSeconds: 24 * 3600 };
/**
 * One account from all untrusted clients together: caps a guesser with many addresses.
 * When it is exhausted the holder still logs in from a trusted device.
 */
const ACCOUNT_UNTRUSTED: RateRule = {
  name: 'login-account-untrusted',
  points: 30,
  windowSeconds: QUARTER_HOUR,
};
/** One account from one of its trusted devices: counted for that device alone. */
const TRUSTED_DEVICE: RateRule = { name: 'login-device', points: 10, windowSeconds: QUARTER_HOUR };
/** Current-password checks when changing it, per account. */
const PASSWORD_CHECK: RateRule = {
  name: 'password-check',
  points: 5,
  windowSeconds: QUARTER_HOUR,
};

export const DEVICE_TRUST_DAYS = 90;
export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** Who is logging in: the client address (req.ip) and the device token it presents. */
export interface LoginClient {
  address: string;
  deviceToken?: string;
}

export interface PasswordLogin extends AuthPayload {
  deviceToken: string;
}

/** Logins with a password, throttled, and password changes. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
  ) {}

  async login(email: string, password: string, client: LoginClient): Promise<PasswordLogin> {
    const address = normalizeEmail(email);
    const user = await this.em.findOne(User, { email: address });
    const device =
      user && client.deviceToken
        ? await this.em.findOne(TrustedDevice, {
            user,
            tokenHash: sha256(client.deviceToken),
            expiresAt: { $gt: new Date() },
          })
        : null;
    // The first counter is this client's own; the others are shared with other clients.
    const counters: [[RateRule, string], ...[RateRule, string][]] = device
      ? [[TRUSTED_DEVICE, device.id]]
      : [
          [ACCOUNT_FROM_ADDRESS, `${address} ${client.address}`],
          [FROM_ADDRESS, client.address],
          [ACCOUNT_UNTRUSTED, address],
        ];
    for (const [rule, subject] of counters) {
      await this.limits.enforce(rule, subject, 'Too many failed logins');
    }
    // An unknown email costs the same scrypt as a wrong password: nothing to learn.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid) throw DomainError.unauthenticated('The email or the password is wrong.');

    const [[ownRule, ownSubject], ...shared] = counters;
    await this.limits.reset(ownRule, ownSubject);
    for (const [rule, subject] of shared) await this.limits.giveBack(rule, subject);
    const deviceToken = await this.trustDevice(user, client.deviceToken);
    return { ...(await this.auth.openSession(this.em, user)), deviceToken };
  }

  /** The device token to keep: the one presented (a browser may serve several accounts), or a new one. */
  private async trustDevice(user: User, presented?: string): Promise<string> {
    const token =
      presented && DEVICE_TOKEN_PATTERN.test(presented)
        ? presented
        : randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.em.upsert(
      TrustedDevice,
      {
        id: randomUUID(),
        user,
        tokenHash: sha256(token),
        createdAt: new Date(now),
        expiresAt: new Date(now + DEVICE_TRUST_DAYS * 24 * 3600 * 1000),
      },
      {
        onConflictFields: ['user', 'tokenHash'],
        onConflictAction: 'merge',
        onConflictMergeFields: ['expiresAt'],
      },
    );
    return token;
  }

  /** Changes the password and ends the account's other sessions (the current one stays). */
  async changePassword(
    actor: Actor,
    sessionToken: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.em.findOneOrFail(User, actor.requireUserId());
    await this.limits.enforce(PASSWORD_CHECK, user.id, 'Too many wrong passwords');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw DomainError.invalid(
        'currentPassword',
        'this is not the password of your account',
        'WRONG_PASSWORD',
      );
    }
    await this.limits.reset(PASSWORD_CHECK, user.id);
    const passwordHash = await hashPassword(newPassword);
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(User, { id: user.id }, { passwordHash });
      await this.auth.endSessions(em, user.id, sessionToken);
    });
  }
}
