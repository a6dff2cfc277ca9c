import { randomUUID } from 'node:crypto';
import {
  BlobType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Registration } from '../registrations/registration.entity';

export enum BadgeRole {
  DELEGATE = 'DELEGATE',
  SPEAKER = 'SPEAKER',
  ORGANIZER = 'ORGANIZER',
  PRESS = 'PRESS',
  STAFF = 'STAFF',
}
registerEnumType(BadgeRole, {
  name: 'BadgeRole',
  description: "The role a badge's colour band shows.",
});

/**
 * A registration's accreditation badge, made on first need (a download, a photo, a role).
 * Its QR code carries a signed token of the badge and its token version: revoking the badge
 * raises the version, so a lost badge's QR no longer checks anyone in.
 */
@Entity()
export class Badge {
  [OptionalProps]?: 'tokenVersion' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @ManyToOne({ entity: () => Registration, ref: true, deleteRule: 'cascade' })
  registration!: Ref<Registration>;

  /** Set by the organizers; when unset the badge says SPEAKER for a speaker, else DELEGATE. */
  @Enum({ items: () => BadgeRole, type: 'string', length: 20, nullable: true })
  role?: BadgeRole | null;

  /** JPEG or PNG, at most 2 MB; loaded only when asked for (populate: ['photo']). */
  // BlobType (not 'blob'): it turns what libsql returns (an ArrayBuffer) into a Buffer.
  @Property({ type: BlobType, nullable: true, lazy: true })
  photo?: Buffer | null;

  /** The photo's MIME type, read from its bytes; null without a photo. */
  @Property({ type: 'string', length: 20, nullable: true })
  photoType?: string | null;

  /** Signed into the QR's token; raised by a revocation. */
  @Property({ type: 'integer', default: 1 })
  tokenVersion: number = 1;

  /** When the badge was last revoked (and its token replaced). */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One printing of a badge (a PDF downloaded by the organizers or a focal point). */
@Entity()
@Index({ properties: ['badge', 'printedAt'] })
export class BadgePrint {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Badge, ref: true, deleteRule: 'cascade' })
  badge!: Ref<Badge>;

  @Property({ type: 'datetime' })
  printedAt!: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  printedBy?: Ref<User> | null;

  /** False for the badge's first print, true for every reprint. */
  @Property({ type: 'boolean' })
  reprint!: boolean;
}

/** The key that signs badge tokens when BADGE_SIGNING_KEY is not set: made once, shared. */
@Entity()
export class BadgeSigningKey {
  @PrimaryKey({ type: 'string', length: 20 })
  name!: string;

  @Property({ type: BlobType })
  secret!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
