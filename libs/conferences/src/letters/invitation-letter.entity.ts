import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Edition } from '../editions/edition.entity';
import { Registration } from '../registrations/registration.entity';

export enum InvitationLetterStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(InvitationLetterStatus, { name: 'InvitationLetterStatus' });

/**
 * A request for a visa invitation letter for one registration, and the letter once the
 * organizers approve it. The passport data is stored encrypted (see PassportCipher) and
 * erased PASSPORT_RETENTION_DAYS after the edition; the letter's number and verification
 * code stay, so the letter can still be verified.
 */
@ObjectType({ description: 'A visa invitation letter: requested, then approved or declined.' })
@Entity()
@Index({ properties: ['edition', 'status'] })
@Index({ properties: ['registration'] })
export class InvitationLetter {
  [OptionalProps]?: 'status' | 'requestedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Registration, ref: true, deleteRule: 'cascade' })
  registration!: Ref<Registration>;

  /** The registration's edition, kept here for the organizers' list and the erasure. */
  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  /** The account that asked: the participant, or a focal point of their delegation. */
  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<User>;

  @Field(() => InvitationLetterStatus)
  @Enum({ items: () => InvitationLetterStatus, type: 'string', length: 20 })
  status: InvitationLetterStatus = InvitationLetterStatus.REQUESTED;

  @Field({ nullable: true, description: 'Why the organizers declined it.' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string;

  @Field({ nullable: true, description: 'Once approved, e.g. TM-2026/0007.' })
  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  number?: string;

  /** Unguessable; printed on the letter with its QR code (see /verify). */
  @Property({ type: 'string', length: 32, nullable: true, unique: true })
  verificationCode?: string;

  /** Encrypted passport data (PassportCipher); null once erased. Never a GraphQL field. */
  @Property({ type: 'text', nullable: true, lazy: true })
  passportData?: string | null;

  @Field({ nullable: true, description: 'Who signs the letter.' })
  @Property({ type: 'string', length: 200, nullable: true })
  signatoryName?: string;

  @Field({ nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  signatoryPosition?: string;

  @Field()
  @Property({ type: 'datetime' })
  requestedAt: Date = new Date();

  @Field({ nullable: true, description: 'When it was approved or declined.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<User>;

  /** When it was approved: the letter bears its (UTC) date. */
  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date;

  @Field({
    nullable: true,
    description: 'When the passport data was erased (PASSPORT_RETENTION_DAYS after the edition).',
  })
  @Property({ type: 'datetime', nullable: true })
  erasedAt?: Date;
}

/** The last letter number of each edition: TM-2026/0001, /0002, … */
@Entity()
export class InvitationLetterCounter {
  @PrimaryKey({ type: 'uuid' })
  editionId!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
