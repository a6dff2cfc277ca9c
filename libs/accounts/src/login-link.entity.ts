import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { Person } from '@platform/directory';

/**
 * A single-use, expiring login link sent by email to a participant, who may have no
 * password (and no account yet: one is made on first use). Only a SHA-256 of the
 * token is stored.
 */
@Entity()
export class LoginLink {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne({ entity: () => Person, ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
