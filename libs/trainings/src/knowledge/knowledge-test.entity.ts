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
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  listTexts,
  TextVersions,
  textVersions,
  TranslatableTexts,
  Translations,
} from '@platform/core';
import { Enrollment } from '../enrollments/enrollment.entity';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingProgramme } from '../programmes/training-programme.entity';

export enum KnowledgeQuestionType {
  SINGLE = 'SINGLE',
  MULTIPLE = 'MULTIPLE',
  TRUE_FALSE = 'TRUE_FALSE',
}
registerEnumType(KnowledgeQuestionType, {
  name: 'KnowledgeQuestionType',
  description:
    'SINGLE: one right option; MULTIPLE: a set of right options, scored all-or-nothing; TRUE_FALSE: option 0 is "true", 1 is "false" (no option texts).',
});

export enum KnowledgeTestKind {
  PRE = 'PRE',
  POST = 'POST',
}
registerEnumType(KnowledgeTestKind, {
  name: 'KnowledgeTestKind',
  description: 'PRE: taken from the first day of the event; POST: from its last day.',
});

export enum KnowledgeAttemptSource {
  ONLINE = 'ONLINE',
  PAPER = 'PAPER',
}
registerEnumType(KnowledgeAttemptSource, {
  name: 'KnowledgeAttemptSource',
  description:
    'ONLINE: taken in the web app and scored by the server; PAPER: a score entered by staff.',
});

/**
 * A knowledge test of a programme (for all its events) or of one event (which wins over
 * its programme's). Either `programme` or `event` is set, never both.
 */
@ObjectType({ description: 'A pre/post knowledge test of a training programme or of one event.' })
@Entity()
@Unique({ properties: ['programme'] })
@Unique({ properties: ['event'] })
export class KnowledgeTest {
  [OptionalProps]?: 'opened' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingProgramme, ref: true, nullable: true, deleteRule: 'cascade' })
  programme?: Ref<TrainingProgramme>;

  @ManyToOne({ entity: () => TrainingEvent, ref: true, nullable: true, deleteRule: 'cascade' })
  event?: Ref<TrainingEvent>;

  @Field(() => Int, { description: 'Percent of right answers to pass (master the content).' })
  @Property({ type: 'integer' })
  passMark!: number;

  @Field({
    description: 'Whether trainees can take it online (every text exists in en, ru and uz).',
  })
  @Property({ type: 'boolean' })
  opened: boolean = false;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One question of a test; its right options are never sent to trainees. */
@ObjectType({ description: 'A question as those who manage or run the test see it.' })
@Entity()
@Unique({ properties: ['test', 'position'] })
export class KnowledgeQuestion {
  [OptionalProps]?: 'translations' | 'versions';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => KnowledgeTest, ref: true, deleteRule: 'cascade' })
  test!: Ref<KnowledgeTest>;

  @Field(() => Int, { description: 'From 0, in the order trainees see the questions.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => KnowledgeQuestionType)
  @Enum({ items: () => KnowledgeQuestionType, type: 'string', length: 12 })
  type!: KnowledgeQuestionType;

  /** The question in English; ru and uz in `translations`. */
  @Property({ type: 'text' })
  text!: string;

  /** The options in English (none for TRUE_FALSE); ru and uz in `translations` ("options.0"…). */
  @Property({ type: 'json' })
  options: string[] = [];

  @Field(() => [Int], { description: 'The right options, by index from 0.' })
  @Property({ type: 'json' })
  correct: number[] = [];

  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  translatableTexts(): TranslatableTexts {
    return { text: this.text, ...listTexts('options', this.options) };
  }

  @Field(() => [TextVersions], {
    description: 'The question ("text") and its options ("options.0"…) in en, ru and uz.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

/**
 * A trainee's pre- or post-test: one per enrollment and kind, taken online or entered
 * from paper. The pass mark is copied from the test so that the stored result keeps
 * its meaning.
 */
@Entity()
@Unique({ properties: ['enrollment', 'kind'] })
@Index({ properties: ['test'] })
export class KnowledgeAttempt {
  [OptionalProps]?: 'submittedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Enrollment, ref: true, deleteRule: 'cascade' })
  enrollment!: Ref<Enrollment>;

  @Enum({ items: () => KnowledgeTestKind, type: 'string', length: 4 })
  kind!: KnowledgeTestKind;

  @Enum({ items: () => KnowledgeAttemptSource, type: 'string', length: 6 })
  source!: KnowledgeAttemptSource;

  @ManyToOne({ entity: () => KnowledgeTest, ref: true })
  test!: Ref<KnowledgeTest>;

  /** Percent correct, 0–100. */
  @Property({ type: 'double', runtimeType: 'number' })
  score!: number;

  @Property({ type: 'integer' })
  passMark!: number;

  /** Online: the options chosen for each question, in order. */
  @Property({ type: 'json', nullable: true })
  answers?: number[][];

  /** Paper: the staff account that entered the score. */
  @Property({ type: 'uuid', nullable: true })
  enteredBy?: string;

  @Property({ type: 'datetime' })
  submittedAt: Date = new Date();
}
