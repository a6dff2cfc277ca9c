import { Entity, Index, ManyToOne, Property, Ref } from '@mikro-orm/core';
import { Enrollment } from '../enrollments/enrollment.entity';

/**
 * One enrolled (not withdrawn) enrollment as the indicators count it: whether it is
 * completed, and every value the indicators group or filter by, copied from its event,
 * person and organization so that the figures are one GROUP BY over this narrow table.
 * Written only by IndicatorFacts, after every flush that changes what it copies.
 */
@Entity()
@Index({ properties: ['eventId'] })
@Index({ properties: ['personId'] })
export class IndicatorFact {
  @ManyToOne({ entity: () => Enrollment, ref: true, primary: true, deleteRule: 'cascade' })
  enrollment!: Ref<Enrollment>;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'uuid' })
  programmeId!: string;

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 100 })
  region!: string;

  /** The event's start date, YYYY-MM-DD, and its year, quarter (YYYY-Qn) and month (YYYY-MM). */
  @Property({ type: 'string', length: 10 })
  startDate!: string;

  @Property({ type: 'string', length: 4 })
  year!: string;

  @Property({ type: 'string', length: 7 })
  quarter!: string;

  @Property({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: 'string', length: 40 })
  category!: string;

  /** The person's sex, UNKNOWN when not given. */
  @Property({ type: 'string', length: 10 })
  sex!: string;

  /** The type of the person's organization, NONE without one. */
  @Property({ type: 'string', length: 40 })
  organizationType!: string;

  /** 1 when the marks meet the event's completion rule, else 0: summed by the indicators. */
  @Property({ type: 'smallint' })
  completed!: number;

  /**
   * 1 on one enrollment of the person (a completed one if any), else 0: summed, it counts
   * people rather than enrollments, in all and per value of each event dimension. Exact
   * only over all the facts, so the indicators use it when nothing is filtered.
   */
  @Property({ type: 'smallint' })
  personFirst!: number;

  @Property({ type: 'smallint' })
  personFirstByCountry!: number;

  @Property({ type: 'smallint' })
  personFirstByRegion!: number;

  @Property({ type: 'smallint' })
  personFirstByProgramme!: number;

  @Property({ type: 'smallint' })
  personFirstByYear!: number;

  @Property({ type: 'smallint' })
  personFirstByQuarter!: number;

  @Property({ type: 'smallint' })
  personFirstByMonth!: number;
}
