import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Ref,
  Unique,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Edition } from '../editions/edition.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';

export enum RecommendationStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(RecommendationStatus, { name: 'RecommendationStatus' });

export enum FollowUpStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  IMPLEMENTED = 'IMPLEMENTED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

@ObjectType({ description: 'A recommendation drafted at an edition, adopted at its closing.' })
@Entity()
@Unique({ properties: ['edition', 'number'] })
export class Recommendation {
  [OptionalProps]?: 'translations' | 'versions' | 'status' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @Field(() => Int, { description: 'Its number within the edition (1, 2, 3…).' })
  @Property({ type: 'integer' })
  number!: number;

  @ManyToOne({ entity: () => WorkingGroup, ref: true, nullable: true, deleteRule: 'set null' })
  workingGroup?: Ref<WorkingGroup>;

  @TranslatedField()
  @Property({ type: 'text' })
  text!: string;

  @TranslatedField({
    nullable: true,
    description: 'Who it is addressed to, e.g. "Ministries of Internal Affairs".',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  addressedTo?: string;

  @Field(() => RecommendationStatus)
  @Enum({ items: () => RecommendationStatus, type: 'string', length: 20 })
  status: RecommendationStatus = RecommendationStatus.DRAFT;

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  adoptedAt?: Date;

  @OneToMany({ entity: () => RecommendationFollowUp, mappedBy: 'recommendation' })
  followUps = new Collection<RecommendationFollowUp>(this);

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  translatableTexts(): TranslatableTexts {
    const { text, addressedTo } = this;
    return { text, addressedTo };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

@ObjectType({
  description: "A later edition's record of how an earlier recommendation is being implemented.",
})
@Entity()
@Unique({ properties: ['recommendation', 'edition'] })
export class RecommendationFollowUp {
  [OptionalProps]?: 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Recommendation, ref: true, deleteRule: 'cascade' })
  recommendation!: Ref<Recommendation>;

  /** The later edition at which the follow-up was recorded. */
  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @Field(() => FollowUpStatus)
  @Enum({ items: () => FollowUpStatus, type: 'string', length: 20 })
  status!: FollowUpStatus;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @Field()
  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
