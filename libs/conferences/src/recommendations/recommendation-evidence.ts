import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TranslatedField, Translations } from '@platform/core';

export enum TrainingEvidenceKind {
  PROGRAMME = 'PROGRAMME',
  EVENT = 'EVENT',
}
registerEnumType(TrainingEvidenceKind, {
  name: 'TrainingEvidenceKind',
  description: 'PROGRAMME: a programme named the recommendation; EVENT: one training event did.',
});

/** The figures of trainings, counted as the training indicators and knowledge results count them. */
@ObjectType({ isAbstract: true })
export class TrainingEvidenceFigures {
  @Field(() => Int, { description: 'Training events that started before the cut-off.' })
  eventsHeld!: number;

  @Field(() => Int, { description: 'Distinct people who completed one of those events.' })
  peopleTrained!: number;

  @Field(() => Int, { description: 'Distinct trainees with both a pre-test and a post-test.' })
  testedPeople!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean post-test minus pre-test score, in percentage points; null without tests.',
  })
  meanKnowledgeGain!: number | null;
}

@ObjectType({ description: 'A programme or training event that implements a recommendation.' })
export class TrainingEvidenceItem extends TrainingEvidenceFigures {
  @Field(() => TrainingEvidenceKind)
  kind!: TrainingEvidenceKind;

  @TranslatedField({ description: 'The programme or event title, in the reader’s language.' })
  title!: string;

  /** Russian and Uzbek versions of the title. */
  translations!: Translations;
}

@ObjectType({
  description:
    'What the trainings that implement a recommendation had achieved by a follow-up: aggregates only, no personal data.',
})
export class TrainingEvidence extends TrainingEvidenceFigures {
  @Field({ description: 'YYYY-MM-DD: events that started before this day are counted.' })
  cutOff!: string;

  @Field(() => [TrainingEvidenceItem], {
    description:
      'One per linked programme, and per linked event outside those programmes (it counts in its programme).',
  })
  items!: TrainingEvidenceItem[];
}

/**
 * The trainings side: which programmes and events implement a recommendation, and their
 * figures for events that started before `before` (YYYY-MM-DD). Null when none does.
 */
export interface RecommendationEvidenceSource {
  evidence(
    em: EntityManager,
    recommendationId: string,
    before: string,
  ): Promise<TrainingEvidence | null>;
}

/**
 * Where follow-ups read the evidence of trainings: trainings (a domain beside
 * conferences, which never imports it) registers its source at module init. Without
 * one, follow-ups show no evidence (null).
 */
@Injectable()
export class RecommendationEvidenceSources {
  private source?: RecommendationEvidenceSource;

  register(source: RecommendationEvidenceSource): void {
    this.source = source;
  }

  evidence(
    em: EntityManager,
    recommendationId: string,
    before: string,
  ): Promise<TrainingEvidence | null> {
    return this.source?.evidence(em, recommendationId, before) ?? Promise.resolve(null);
  }
}
