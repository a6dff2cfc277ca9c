import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingProgramme } from '../programmes/training-programme.entity';

/**
 * A conference recommendation that a programme, or one training event, implements. The
 * recommendation belongs to conferences and is named by its id (conferences owns its
 * table; RecommendationCatalog checks the id when the link is made).
 */
@Entity()
@Unique({ properties: ['programme', 'recommendationId'] })
@Unique({ properties: ['event', 'recommendationId'] })
@Index({ properties: ['recommendationId'] })
@Check({
  name: 'implemented_recommendation_programme_or_event',
  expression:
    '(programme_id is null and event_id is not null) or (programme_id is not null and event_id is null)',
})
export class ImplementedRecommendation {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The programme that implements it, with every one of its events… */
  @ManyToOne({ entity: () => TrainingProgramme, ref: true, nullable: true, deleteRule: 'cascade' })
  programme?: Ref<TrainingProgramme>;

  /** …or the one event that does. */
  @ManyToOne({ entity: () => TrainingEvent, ref: true, nullable: true, deleteRule: 'cascade' })
  event?: Ref<TrainingEvent>;

  @Property({ type: 'uuid' })
  recommendationId!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
