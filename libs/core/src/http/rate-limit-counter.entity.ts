import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One rate-limit window of one subject (e.g. failed logins of one address from one
 * client), shared by every API process on the database. Written only by the atomic
 * upsert in SqlRateLimitStore; this entity is here so migrations create the table.
 */
@Entity()
export class RateLimitCounter {
  /** The rule's name and a SHA-256 of the subject: no email or IP address is stored. */
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'integer' })
  hits!: number;

  /** End of the window, in milliseconds since 1970 (compared as a plain number). */
  @Index()
  @Property({ type: new BigIntType('number') })
  resetsAt!: number;
}
