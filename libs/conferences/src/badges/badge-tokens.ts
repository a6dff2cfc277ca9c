import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig } from '@platform/core';
import { BadgeSigningKey } from './badge.entity';

/** The format's version, in front of every token: a later format gets B2. */
const PREFIX = 'B1.';
const ID_BYTES = 16;
const VERSION_BYTES = 4;
/** HMAC-SHA256 cut to 128 bits: the tag of a 36-byte token (RFC 2104 allows half or more). */
const TAG_BYTES = 16;
const TOKEN = new RegExp(
  `^${PREFIX.replace('.', '\\.')}[A-Za-z0-9_-]{${Math.ceil(((ID_BYTES + VERSION_BYTES + TAG_BYTES) * 4) / 3)}}$`,
);
const STORED_KEY = 'badges';

/** What a token that verifies names: the badge and the version it was signed with. */
export interface BadgeTokenClaim {
  badgeId: string;
  version: number;
}

/**
 * The check-in tokens of badges: `B1.` and, in base64url, the badge id, its token version
 * and an HMAC-SHA256 tag over both (36 bytes, 51 characters). Unguessable without the key,
 * compared in constant time. The key comes from BADGE_SIGNING_KEY, or else is generated once
 * and stored in the database, so several API processes on one database sign alike.
 */
@Injectable()
export class BadgeTokens {
  private key?: Promise<Buffer>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orm: MikroORM,
  ) {}

  async sign(badge: { id: string; tokenVersion: number }): Promise<string> {
    const body = Buffer.alloc(ID_BYTES + VERSION_BYTES);
    Buffer.from(badge.id.replace(/-/g, ''), 'hex').copy(body, 0);
    body.writeUInt32BE(badge.tokenVersion, ID_BYTES);
    const tag = await this.tag(body);
    return PREFIX + Buffer.concat([body, tag]).toString('base64url');
  }

  /** The badge and version a genuine token names; null for anything else. */
  async verify(token: string): Promise<BadgeTokenClaim | null> {
    if (!TOKEN.test(token)) return null;
    const bytes = Buffer.from(token.slice(PREFIX.length), 'base64url');
    if (bytes.length !== ID_BYTES + VERSION_BYTES + TAG_BYTES) return null;
    const body = bytes.subarray(0, ID_BYTES + VERSION_BYTES);
    const expected = await this.tag(body);
    if (!timingSafeEqual(expected, bytes.subarray(ID_BYTES + VERSION_BYTES))) return null;
    const hex = body.subarray(0, ID_BYTES).toString('hex');
    return {
      badgeId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
      version: body.readUInt32BE(ID_BYTES),
    };
  }

  /**
   * Makes sure the key is known. Call it before a transaction: when the key has to be made,
   * it is stored through a connection of its own.
   */
  async ready(): Promise<void> {
    await this.secret();
  }

  private async tag(body: Buffer): Promise<Buffer> {
    return createHmac('sha256', await this.secret())
      .update(body)
      .digest()
      .subarray(0, TAG_BYTES);
  }

  private secret(): Promise<Buffer> {
    const configured = this.config.badges.signingKey;
    if (configured) return Promise.resolve(configured);
    this.key ??= this.storedKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  /** The stored key, made by whichever process asks first; the others read that one. */
  private async storedKey(): Promise<Buffer> {
    const em = this.orm.em.fork();
    const found = await em.findOne(BadgeSigningKey, { name: STORED_KEY });
    if (found) return Buffer.from(found.secret);
    try {
      await em.insert(BadgeSigningKey, {
        name: STORED_KEY,
        secret: randomBytes(32),
        createdAt: new Date(),
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    const stored = await this.orm.em.fork().findOneOrFail(BadgeSigningKey, { name: STORED_KEY });
    return Buffer.from(stored.secret);
  }
}
