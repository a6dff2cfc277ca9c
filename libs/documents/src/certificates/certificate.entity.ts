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
  Rel,
} from '@mikro-orm/core';
import { Field, FieldMiddleware, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { EventKind, EventRef, readerLanguage } from '@platform/core';
import { Language, Person } from '@platform/directory';
import { CertificateContent, certificateTexts } from '../rendering/document-content';

/** The event's title as issued, in the reader's language (English where not translated). */
const eventTitleInReaderLanguage: FieldMiddleware<Certificate> = ({ source, context }) =>
  certificateTexts(source.content, readerLanguage(context)).eventTitle;

export enum CertificateKind {
  CONFERENCE_ATTENDANCE = 'CONFERENCE_ATTENDANCE',
  SPEAKER = 'SPEAKER',
  TRAINING_COMPLETION = 'TRAINING_COMPLETION',
}
registerEnumType(CertificateKind, {
  name: 'CertificateKind',
  valuesMap: {
    CONFERENCE_ATTENDANCE: { description: 'Checked in on at least one day of an edition.' },
    SPEAKER: { description: 'Spoke in a session of an edition.' },
    TRAINING_COMPLETION: { description: 'Completed a training event under its rule.' },
  },
});

export enum CertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  REPLACED = 'REPLACED',
}
registerEnumType(CertificateStatus, { name: 'CertificateStatus' });

/**
 * An issued certificate. What it prints is frozen in `content` when it is issued, so
 * the PDF and the public verification page always tell the same story, even if the
 * event or the person is edited later; a correction is a reissue.
 */
@ObjectType()
@Entity()
@Index({ properties: ['eventId', 'kind'] })
@Index({ properties: ['person'] })
export class Certificate {
  [OptionalProps]?: 'status' | 'issuedAt' | 'holderName' | 'eventTitle' | 'event';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => CertificateKind)
  @Enum({ items: () => CertificateKind, type: 'string', length: 30 })
  kind!: CertificateKind;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;

  /** The event it is for (see `event`). */
  @Enum({ items: () => EventKind, type: 'string', length: 20 })
  eventKind!: EventKind;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Field({
    description: 'Human-readable and sequential per prefix and year, e.g. TIP-2022-000123.',
  })
  @Property({ type: 'string', length: 40, unique: true })
  serial!: string;

  /** Unguessable; shown only to the holder and the event's staff. */
  @Property({ type: 'string', length: 32, unique: true })
  verificationCode!: string;

  /**
   * "kind:event:person" while this is the current certificate of that person for that
   * event; null once replaced. Unique, so issuing twice never makes a duplicate.
   */
  @Property({ type: 'string', length: 120, nullable: true, unique: true })
  currentKey?: string | null;

  @Field(() => [Language], { description: 'One language, or two for a bilingual layout.' })
  @Property({ type: 'json' })
  languages!: Language[];

  @Property({ type: 'json' })
  content!: CertificateContent;

  @Field(() => CertificateStatus)
  @Enum({ items: () => CertificateStatus, type: 'string', length: 20 })
  status: CertificateStatus = CertificateStatus.VALID;

  @Field()
  @Property({ type: 'datetime' })
  issuedAt: Date = new Date();

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  issuedBy?: Ref<User>;

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  revokedReason?: string;

  @Field({ nullable: true, description: 'When it was replaced by a reissued certificate.' })
  @Property({ type: 'datetime', nullable: true })
  replacedAt?: Date;

  @ManyToOne({ entity: () => Certificate, ref: true, nullable: true, deleteRule: 'set null' })
  replacedBy?: Ref<Rel<Certificate>>;

  /** The rendered PDF; loaded only when asked for (populate: ['pdf']). */
  // BlobType (not 'blob'): it turns what libsql returns (an ArrayBuffer) into a Buffer.
  @Property({ type: BlobType, nullable: true, lazy: true })
  pdf?: Buffer | null;

  get event(): EventRef {
    return { kind: this.eventKind, id: this.eventId };
  }

  @Field({
    description:
      "The holder's name as entered in the directory when it was issued; the PDF prints it in the script of each of its languages (Person.nameLatin, nameCyrillic).",
  })
  get holderName(): string {
    return this.content.holderName;
  }

  @Field({
    description: "The edition or training event, as printed, in the reader's language.",
    middleware: [eventTitleInReaderLanguage],
  })
  get eventTitle(): string {
    return this.content.eventTitle;
  }
}

/** Sequence of serial numbers per prefix and year (TIP-2022-000001, …). */
@Entity()
export class CertificateSerial {
  @PrimaryKey({ type: 'string', length: 12 })
  prefix!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
