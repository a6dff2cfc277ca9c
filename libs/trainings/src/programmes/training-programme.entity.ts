import { randomUUID } from 'node:crypto';
import {
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  listTexts,
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { User } from '@platform/accounts';
import { Organization, ProfessionalCategory } from '@platform/directory';

@ObjectType({
  description: 'A training programme: a curriculum delivered as a series of seminars.',
})
@Entity()
export class TrainingProgramme {
  [OptionalProps]?:
    | 'translations'
    | 'versions'
    | 'description'
    | 'targetCategories'
    | 'topics'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @TranslatedField()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @ManyToOne({ entity: () => Organization, ref: true })
  owner!: Ref<Organization>;

  @Field(() => [ProfessionalCategory], { description: 'Who the programme trains.' })
  @Property({ type: 'json' })
  targetCategories: ProfessionalCategory[] = [];

  @TranslatedField(() => [String], {
    description: 'Curriculum topics, e.g. "Identification of victims".',
  })
  @Property({ type: 'json' })
  topics: string[] = [];

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  translatableTexts(): TranslatableTexts {
    const { title, description } = this;
    return { title, description, ...listTexts('topics', this.topics) };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

/** A donor funding a programme. */
@Entity()
@Unique({ properties: ['programme', 'organization'] })
export class ProgrammeFunder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingProgramme, ref: true, deleteRule: 'cascade' })
  programme!: Ref<TrainingProgramme>;

  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;
}

/** An organizer account that sees and manages every event of a programme. */
@Entity()
@Unique({ properties: ['programme', 'user'] })
export class ProgrammeOrganizer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingProgramme, ref: true, deleteRule: 'cascade' })
  programme!: Ref<TrainingProgramme>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;
}
