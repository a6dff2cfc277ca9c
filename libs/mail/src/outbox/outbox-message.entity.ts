import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EventKind } from '@platform/core';

export enum OutboxState {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  /** Not sent because what it tells about was undone first (lastError says what). */
  CANCELLED = 'CANCELLED',
}
registerEnumType(OutboxState, {
  name: 'OutboxState',
  description:
    'QUEUED → SENDING → SENT, or FAILED; CANCELLED when what it tells about was undone before it went out (e.g. its certificate was revoked), with the reason in lastError.',
});

/**
 * A file to attach, produced when the message is sent by the source the domain that owns
 * the document registered under `kind` (see AttachmentSources).
 */
export interface AttachmentRef {
  kind: string;
  id: string;
  language?: string;
}

/**
 * A message waiting to be sent, or sent. It is stored in the same transaction as the
 * change that caused it, so a notice is never lost when the change commits and never
 * sent when it rolls back; a worker delivers it after commit.
 */
@ObjectType()
@Entity()
@Index({ properties: ['state', 'nextAttemptAt'] })
@Index({ properties: ['aboutId'] })
@Index({ properties: ['toEmail'] })
export class OutboxMessage {
  [OptionalProps]?: 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'messageId';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** What the message is about, e.g. "REGISTRATION_CONFIRMED:<registration id>": queued once. */
  @Field()
  @Property({ type: 'string', length: 200, unique: true })
  idempotencyKey!: string;

  /** The same on every attempt, so a receiving server or client can drop a duplicate. */
  @Field()
  @Property({ type: 'string', length: 200 })
  messageId: string = `<${this.id}@conference-platform>`;

  /** The name of the message (see MailMessage); the GraphQL field is mailings'. */
  @Property({ type: 'string', length: 40 })
  template!: string;

  @Field()
  @Property({ type: 'string', length: 2 })
  language!: string;

  @Field()
  @Property({ type: 'string', length: 320 })
  toEmail!: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  toName!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  personId?: string;

  /** The event the message is about, if any (an EventRef). */
  @Enum({ items: () => EventKind, type: 'string', length: 20, nullable: true })
  aboutKind?: EventKind;

  @Property({ type: 'uuid', nullable: true })
  aboutId?: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  @Property({ type: 'json' })
  attachments: AttachmentRef[] = [];

  @Field(() => OutboxState)
  @Enum({ items: () => OutboxState, type: 'string', length: 10 })
  state: OutboxState = OutboxState.QUEUED;

  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  nextAttemptAt: Date = new Date();

  /** While SENDING: after this the claim has expired (the worker died) and it is retried. */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil?: Date | null;

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
