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
import { TrainingProgramme } from '../programmes/training-programme.entity';

/** People to train per sex (FEMALE, MALE) or per professional category (JUDGE, …). */
export type CountTargets = Partial<Record<string, number>>;

/**
 * What a programme means to reach in a period (its events starting from `from` to `to`,
 * YYYY-MM-DD): every target optional. One set per programme and period; periods may
 * overlap (a year and its halves are each reported to donors).
 */
@Entity()
@Unique({ properties: ['programme', 'from', 'to'] })
export class ProgrammeTarget {
  [OptionalProps]?: 'peopleTrainedBySex' | 'peopleTrainedByCategory' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => TrainingProgramme, ref: true, deleteRule: 'cascade' })
  programme!: Ref<TrainingProgramme>;

  @Property({ type: 'string', length: 10, fieldName: 'period_from' })
  from!: string;

  @Property({ type: 'string', length: 10, fieldName: 'period_to' })
  to!: string;

  @Property({ type: 'integer', nullable: true })
  peopleTrained?: number | null;

  @Property({ type: 'json' })
  peopleTrainedBySex: CountTargets = {};

  @Property({ type: 'json' })
  peopleTrainedByCategory: CountTargets = {};

  /** Percent (0–100) of the people trained who are women. */
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  shareOfWomen?: number | null;

  /** Mean post-test minus pre-test score, in percentage points. */
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  meanKnowledgeGain?: number | null;

  /** Mean satisfaction rating of the end-of-training evaluations, 1–5. */
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  satisfaction?: number | null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
