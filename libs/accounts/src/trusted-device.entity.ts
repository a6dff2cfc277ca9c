import { randomUUID } from 'node:crypto';
import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * A browser or app that has logged in to this account with its password before
 * (OWASP "device cookies"): its failed logins are counted for it alone, so a stranger's
 * failures elsewhere cannot lock the holder out. One device token may be trusted by
 * several accounts (one browser, several people); only its SHA-256 is stored.
 */
@Entity()
@Unique({ properties: ['user', 'tokenHash'] })
export class TrustedDevice {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Trust lapses this long after the last successful login from the device. */
  @Index()
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
