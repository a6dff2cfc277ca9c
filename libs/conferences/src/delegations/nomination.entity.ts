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
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person, ProfessionalCategory } from '@platform/directory';
import { Registration } from '../registrations/registration.entity';
import { Delegation } from './delegation.entity';

export enum NominationStatus {
  /** Being prepared by the focal point; counts against the seats. */
  DRAFT = 'DRAFT',
  /** Sent to the organizers with its nomination letter. */
  SUBMITTED = 'SUBMITTED',
  /** Accepted: the person has a registration. */
  APPROVED = 'APPROVED',
  /** Refused by the organizers, with a reason; frees the seat. */
  DECLINED = 'DECLINED',
}
registerEnumType(NominationStatus, { name: 'NominationStatus' });

/** Nominations that take a seat of their delegation. */
export const SEAT_TAKING_NOMINATIONS = [
  NominationStatus.DRAFT,
  NominationStatus.SUBMITTED,
  NominationStatus.APPROVED,
];

/**
 * A person a delegation's focal point puts forward for an edition, with the nomination
 * letter that backs it. The letter is read only through its download route (for the
 * edition's organizers and the delegation's focal points), never in lists.
 */
@ObjectType({ description: 'A person a delegation puts forward for an edition.' })
@Entity()
@Unique({ properties: ['delegation', 'person'] })
@Index({ properties: ['delegation', 'status'] })
export class Nomination {
  [OptionalProps]?: 'status' | 'listed' | 'createdAt' | 'updatedAt' | 'hasLetter';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Delegation, ref: true, deleteRule: 'cascade' })
  delegation!: Ref<Delegation>;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;

  /** The category whose seats it takes (Delegation.categorySeats). */
  @Field(() => ProfessionalCategory)
  @Enum({ items: () => ProfessionalCategory, type: 'string', length: 40 })
  category!: ProfessionalCategory;

  @Field({ description: 'The person agreed to appear in the public list of participants.' })
  @Property({ type: 'boolean', default: false })
  listed: boolean = false;

  @Field(() => NominationStatus)
  @Enum({ items: () => NominationStatus, type: 'string', length: 20 })
  status: NominationStatus = NominationStatus.DRAFT;

  @Field({ nullable: true, description: 'Why the organizers declined it.' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string;

  /** The nomination letter (PDF); loaded only when asked for (populate: ['letter']). */
  // BlobType (not 'blob'): it turns what libsql returns (an ArrayBuffer) into a Buffer.
  @Property({ type: BlobType, nullable: true, lazy: true })
  letter?: Buffer | null;

  @Field(() => Int, { nullable: true, description: 'Size of the nomination letter in bytes.' })
  @Property({ type: 'integer', nullable: true })
  letterSize?: number;

  @Field({ nullable: true, description: 'When the nomination letter was uploaded.' })
  @Property({ type: 'datetime', nullable: true })
  letterUploadedAt?: Date;

  @Field({ description: 'Whether a nomination letter was uploaded.' })
  get hasLetter(): boolean {
    return this.letterUploadedAt != null;
  }

  /** The registration made when it was approved. */
  @ManyToOne({ entity: () => Registration, ref: true, nullable: true, deleteRule: 'set null' })
  registration?: Ref<Registration>;

  /** The account that nominated. */
  @Property({ type: 'uuid', nullable: true })
  createdBy?: string;

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date;

  @Field({ nullable: true, description: 'When it was approved or declined.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
