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
  Unique,
} from '@mikro-orm/core';
import { registerEnumType } from '@nestjs/graphql';
import { EventKind } from '@platform/core';
import { Person } from '@platform/directory';

export enum EvaluationKind {
  /** Satisfaction, sent by the staff at the end of the event. */
  END = 'END',
  /** Application on the job, sent by itself `monthsAfter` months after the end. */
  FOLLOW_UP = 'FOLLOW_UP',
}
registerEnumType(EvaluationKind, {
  name: 'EvaluationKind',
  description: 'END: satisfaction at the end; FOLLOW_UP: application on the job, months later.',
});

export enum EvaluationQuestionType {
  RATING = 'RATING',
  TEXT = 'TEXT',
}
registerEnumType(EvaluationQuestionType, {
  name: 'EvaluationQuestionType',
  description: 'RATING: 1 to 5; TEXT: free text.',
});

/** A text in the three languages; empty while a form is drafted. */
export interface Texts {
  en: string;
  ru: string;
  uz: string;
}

/** One question of a form, as stored (in order) on the form. */
export interface QuestionData {
  id: string;
  type: EvaluationQuestionType;
  text: Texts;
  /** What 1 and 5 mean, for a rating. */
  lowLabel?: Texts;
  highLabel?: Texts;
  /** The rating the satisfaction figure reads: one per form. */
  isSatisfaction: boolean;
}

/** One answer of an answer set: a rating 1–5 or a text, by question id. */
export interface AnswerData {
  questionId: string;
  rating?: number;
  text?: string;
}

/** An evaluation of one event (a training event or a conference edition). */
@Entity()
@Unique({ properties: ['eventKind', 'eventId', 'kind'] })
@Index({ properties: ['kind', 'sentAt', 'dueOn'] })
export class EvaluationForm {
  [OptionalProps]?: 'anonymous' | 'reminderDays' | 'intro' | 'questions' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => EventKind, type: 'string', length: 20 })
  eventKind!: EventKind;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Enum({ items: () => EvaluationKind, type: 'string', length: 20 })
  kind!: EvaluationKind;

  /** FOLLOW_UP only: months after the event's last day. */
  @Property({ type: 'integer', nullable: true })
  monthsAfter?: number | null;

  /** FOLLOW_UP only: the event's last day plus monthsAfter, YYYY-MM-DD. */
  @Property({ type: 'string', length: 10, nullable: true })
  dueOn?: string | null;

  /** Fixed once sent: answers then keep no link to the person. */
  @Property({ type: 'boolean' })
  anonymous: boolean = true;

  /** Days after the invitation when those who have not answered get the one reminder. */
  @Property({ type: 'integer' })
  reminderDays: number = 7;

  @Property({ type: 'json' })
  intro: Texts = { en: '', ru: '', uz: '' };

  @Property({ type: 'json' })
  questions: QuestionData[] = [];

  /** Set once, by the staff (END) or the job (FOLLOW_UP) claiming it with one UPDATE. */
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/**
 * One person invited to answer a form. The token in their link is stored only as a hash
 * (the reminder's link carries a second token). For an anonymous form this row only
 * says that the person answered and on which day, never what.
 */
@Entity()
@Unique({ properties: ['form', 'person'] })
@Index({ properties: ['person'] })
export class EvaluationInvitation {
  [OptionalProps]?: 'answered' | 'invitedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => EvaluationForm, ref: true, deleteRule: 'cascade' })
  form!: Ref<EvaluationForm>;

  @ManyToOne({ entity: () => Person, ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Unique()
  @Property({ type: 'string', length: 64, nullable: true })
  reminderTokenHash?: string | null;

  @Property({ type: 'datetime' })
  invitedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  remindedAt?: Date | null;

  @Property({ type: 'boolean' })
  answered: boolean = false;

  /** YYYY-MM-DD: never finer than the day. */
  @Property({ type: 'string', length: 10, nullable: true })
  answeredOn?: string | null;
}

/**
 * One respondent's answers. For an anonymous form: a random id, the form and the
 * answers, nothing else (no person, no invitation, no time). A named form keeps the
 * person and the day.
 */
@Entity()
@Index({ properties: ['form'] })
export class EvaluationAnswerSet {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => EvaluationForm, ref: true, deleteRule: 'cascade' })
  form!: Ref<EvaluationForm>;

  @Property({ type: 'json' })
  answers!: AnswerData[];

  /** Named forms only. */
  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'cascade' })
  person?: Ref<Person> | null;

  /** Named forms only, YYYY-MM-DD. */
  @Property({ type: 'string', length: 10, nullable: true })
  answeredOn?: string | null;
}
