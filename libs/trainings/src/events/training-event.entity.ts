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
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import {
  CountryNameField,
  countryName,
  datesBetween,
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Language } from '@platform/directory';
import { TrainingProgramme } from '../programmes/training-programme.entity';

@ObjectType({ description: 'How completion is derived from the attendance marks.' })
export class CompletionRule {
  @Field(() => Int, { nullable: true, description: 'Attended at least this many days.' })
  minDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Attended at least this percentage of the days.',
  })
  minPercent?: number;

  @Field({ description: 'Whether an excused absence counts as attended. Late always does.' })
  excusedCounts!: boolean;
}

@ObjectType({ description: 'One seminar of a programme, held over consecutive days.' })
@Entity()
@Index({ properties: ['programme', 'startDate'] })
export class TrainingEvent {
  [OptionalProps]?:
    | 'translations'
    | 'versions'
    | 'countryName'
    | 'days'
    | 'dayCount'
    | 'completionRule'
    | 'excusedCounts'
    | 'language'
    | 'trainingOfTrainers'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => TrainingProgramme, ref: true })
  programme!: Ref<TrainingProgramme>;

  @TranslatedField()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field({ description: 'ISO 3166 country code.' })
  @Property({ type: 'string', length: 2 })
  country!: string;

  @CountryNameField('country', { description: "The country's name in the reader's language." })
  get countryName(): string {
    return countryName(this.country);
  }

  @TranslatedField({ description: 'Region (province) of the country, e.g. "Samarkand region".' })
  @Property({ type: 'string', length: 100 })
  region!: string;

  @TranslatedField()
  @Property({ type: 'string', length: 100 })
  city!: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  venue?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  endDate!: string;

  /** Kept with the dates so indicator queries can derive completion in SQL. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  dayCount!: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @Field(() => Language)
  @Enum({ items: () => Language, type: 'string', length: 2 })
  language: Language = Language.RU;

  @Property({ type: 'integer', nullable: true })
  completionMinDays?: number;

  @Property({ type: 'integer', nullable: true })
  completionMinPercent?: number;

  @Property({ type: 'boolean' })
  excusedCounts: boolean = false;

  @Field({ description: 'A training of trainers: those who complete it become trainers.' })
  @Property({ type: 'boolean', default: false })
  trainingOfTrainers: boolean = false;

  /**
   * The training of trainers (same programme, started no later) whose trainers deliver
   * this event: a cascade event. See trainers/trainer-cascade.ts.
   */
  @ManyToOne({ entity: () => TrainingEvent, ref: true, nullable: true, deleteRule: 'set null' })
  deliveredByTrainersOf?: Ref<TrainingEvent> | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  translatableTexts(): TranslatableTexts {
    const { title, region, city, venue } = this;
    return { title, region, city, venue };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }

  @Field(() => [String], { description: 'Every day of the event, YYYY-MM-DD.' })
  get days(): string[] {
    return datesBetween(this.startDate, this.endDate);
  }

  @Field(() => CompletionRule)
  get completionRule(): CompletionRule {
    return {
      minDays: this.completionMinDays,
      minPercent: this.completionMinPercent,
      excusedCounts: this.excusedCounts,
    };
  }

  /** Days needed to complete: the stricter of the two thresholds (all days if none is set). */
  requiredDays(): number {
    const byDays = this.completionMinDays ?? 0;
    const byPercent =
      this.completionMinPercent == null
        ? 0
        : Math.ceil((this.completionMinPercent * this.dayCount) / 100);
    const required = Math.max(byDays, byPercent);
    return required === 0 ? this.dayCount : Math.min(required, this.dayCount);
  }
}

/** A trainer account running an event. */
@Entity()
@Unique({ properties: ['event', 'user'] })
export class EventTrainer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingEvent, ref: true, deleteRule: 'cascade' })
  event!: Ref<TrainingEvent>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;
}
