import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ChangeSet,
  ChangeSetType,
  EntityManager,
  EventSubscriber,
  FlushEventArgs,
  MikroORM,
  TransactionEventArgs,
  UnitOfWork,
} from '@mikro-orm/core';
import { isPostgres, listParameter, listValues } from '@platform/core';
import { Organization, Person } from '@platform/directory';
import { AttendanceMark } from '../attendance/attendance-mark.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { TrainingEvent } from '../events/training-event.entity';

/**
 * Days needed to complete, as TrainingEvent.requiredDays(): the stricter of minDays and
 * ceil(minPercent × dayCount / 100), all days when neither is set, at most dayCount.
 * Integer division: (p × d + 99) / 100 is the ceiling for non-negative p × d.
 */
const MIN_DAYS = 'coalesce(ev.completion_min_days, 0)';
const BY_PERCENT = 'coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0)';
const STRICTER = `(case when ${MIN_DAYS} >= ${BY_PERCENT} then ${MIN_DAYS} else ${BY_PERCENT} end)`;
const REQUIRED_DAYS_SQL = `(case when ${STRICTER} = 0 or ${STRICTER} > ev.day_count then ev.day_count else ${STRICTER} end)`;

/** Days attended, as completion.ts counts them: late counts; excused where the rule says so. */
const ATTENDED_SQL = `(select count(*) from attendance_mark m
      where m.enrollment_id = en.id
        and (m.status in ('PRESENT', 'LATE') or (m.status = 'EXCUSED' and ev.excused_counts)))`;

/** What changed: enrollments, events, people or organizations, by id. */
type Scope = 'enrollment' | 'event' | 'person' | 'organization';
export type FactChanges = Map<Scope, Set<string>>;

/**
 * The people whose facts a change touches, from the ids in `ids` (a select of them): all
 * the facts of a person are rewritten together, as the "first" flags below depend on
 * one another.
 */
const PEOPLE: Record<Scope, (ids: string) => string> = {
  enrollment: (ids) => `select person_id from enrollment where id in (${ids})`,
  event: (ids) => `select person_id from enrollment where event_id in (${ids})`,
  person: (ids) => ids,
  organization: (ids) => `select id from person where organization_id in (${ids})`,
};

/**
 * The values of the dimensions by which a person's enrollments are told apart for the
 * distinct people counts, with the flag column marking one enrollment per value.
 */
const FIRST_BY: [column: string, partition: string][] = [
  ['person_first', ''],
  ['person_first_by_country', ', country'],
  ['person_first_by_region', ', region'],
  ['person_first_by_programme', ', programme_id'],
  ['person_first_by_year', ', year'],
  ['person_first_by_quarter', ', quarter'],
  ['person_first_by_month', ', month'],
];

const FACT_COLUMNS = [
  'enrollment_id',
  'event_id',
  'person_id',
  'programme_id',
  'country',
  'region',
  'start_date',
  'year',
  'quarter',
  'month',
  'category',
  'sex',
  'organization_type',
  'completed',
];

/**
 * The facts of every enrolled enrollment of the people in `people` (a select of their
 * ids), as they are now: the one definition of a fact. Of a person's enrollments with
 * the same value of a dimension, the first flag marks one, a completed one if any; a
 * person enrolled once has every flag on that enrollment, so only the others' facts go
 * through the window functions (a sort each: most of the cost for thousands of people).
 */
function factsInsert(people: string): string {
  const flags = FIRST_BY.map(
    ([column, partition]) =>
      `case when row_number() over (partition by person_id${partition} order by completed desc, enrollment_id) = 1 then 1 else 0 end as ${column}`,
  );
  return `with c as materialized (select en.id as enrollment_id, en.event_id, en.person_id,
        ev.programme_id, ev.country, ev.region, ev.start_date, substr(ev.start_date, 1, 4) as year,
        substr(ev.start_date, 1, 4) || '-Q' || ((cast(substr(ev.start_date, 6, 2) as integer) + 2) / 3) as quarter,
        substr(ev.start_date, 1, 7) as month, p.category, coalesce(p.sex, 'UNKNOWN') as sex,
        coalesce(o.type, 'NONE') as organization_type,
        case when ${ATTENDED_SQL} >= ${REQUIRED_DAYS_SQL} then 1 else 0 end as completed,
        (select count(*) from enrollment other
          where other.person_id = en.person_id and other.status = 'ENROLLED') as enrollments
      from enrollment en
      join training_event ev on ev.id = en.event_id
      join person p on p.id = en.person_id
      left join organization o on o.id = p.organization_id
      where en.status = 'ENROLLED' and en.person_id in (${people}))
    insert into indicator_fact (${[...FACT_COLUMNS, ...FIRST_BY.map(([c]) => c)].join(', ')})
    select ${FACT_COLUMNS.join(', ')}, ${FIRST_BY.map(() => '1').join(', ')}
    from c where enrollments = 1
    union all
    select ${FACT_COLUMNS.join(', ')}, ${flags.join(',\n      ')}
    from c where enrollments > 1`;
}

/** The fields whose change changes a fact, per entity; any change of marks and enrollments does. */
const EVENT_FIELDS = [
  'programme',
  'country',
  'region',
  'startDate',
  'endDate',
  'dayCount',
  'completionMinDays',
  'completionMinPercent',
  'excusedCounts',
];
const PERSON_FIELDS = ['category', 'sex', 'organization'];
const ORGANIZATION_FIELDS = ['type'];

/** Which facts a flush's changes touch. */
function changedBy(changeSets: ChangeSet<object>[]): FactChanges {
  const changed: FactChanges = new Map();
  const add = (scope: Scope, id: string) =>
    changed.set(scope, (changed.get(scope) ?? new Set()).add(id));
  const touches = (change: ChangeSet<object>, fields: string[]) =>
    fields.some((field) => field in change.payload);
  for (const change of changeSets) {
    const { entity, type } = change;
    if (entity instanceof AttendanceMark) add('enrollment', entity.enrollment.id);
    // By its person: a removed enrollment's facts go with it, its person's others stay.
    else if (entity instanceof Enrollment) add('person', entity.person.id);
    else if (type !== ChangeSetType.UPDATE)
      continue; // a new event, person or organization has no enrollments
    else if (entity instanceof TrainingEvent && touches(change, EVENT_FIELDS))
      add('event', entity.id);
    else if (entity instanceof Person && touches(change, PERSON_FIELDS)) add('person', entity.id);
    else if (entity instanceof Organization && touches(change, ORGANIZATION_FIELDS))
      add('organization', entity.id);
  }
  return changed;
}

/**
 * Keeps indicator_fact equal to what it copies. Every flush that changes marks,
 * enrollments, an event's rule, dates or place, or a person's or organization's
 * attributes rewrites all the facts of the people it touches, in the same transaction
 * and after the flush's own statements, so no write path can leave a fact stale.
 * (Writes that bypass the unit of work, such as insertMany, call rewrite themselves.)
 */
@Injectable()
export class IndicatorFacts implements OnModuleInit, EventSubscriber {
  /** Changes flushed in a transaction of its own, rewritten just before it commits. */
  private readonly pending = new WeakMap<UnitOfWork, FactChanges>();

  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  async onFlush({ uow }: FlushEventArgs): Promise<void> {
    const changed = changedBy(uow.getChangeSets());
    if (changed.size) this.pending.set(uow, changed);
  }

  /** A flush inside em.transactional: its statements have run, the transaction is open. */
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const changed = this.pending.get(uow);
    if (!changed || !em.isInTransaction()) return;
    this.pending.delete(uow);
    await this.rewrite(em, changed, em.getTransactionContext());
  }

  /** A flush in a transaction of its own: rewritten before that transaction commits. */
  async beforeTransactionCommit({ em, uow, transaction }: TransactionEventArgs): Promise<void> {
    const changed = uow && this.pending.get(uow);
    if (!changed) return;
    this.pending.delete(uow);
    await this.rewrite(em, changed, transaction);
  }

  /**
   * Rewrites every fact in scope from its enrollment, event, person and organization;
   * also for rows inserted without the unit of work (insertMany), as bulk loads do.
   */
  async rewrite(
    em: EntityManager,
    changed: FactChanges,
    transaction: unknown = em.getTransactionContext(),
  ): Promise<void> {
    const connection = em.getConnection();
    for (const [scope, ids] of changed) {
      // Every id in one bound value (listValues): one statement of each kind per scope.
      const people = PEOPLE[scope](listValues(em, 'uuid'));
      const list = [listParameter(ids)];
      // Two transactions rewriting one person's facts would insert them twice: on
      // PostgreSQL the second waits for the first (SQLite serializes writers itself).
      if (isPostgres(em))
        await connection.execute(
          `select id from person where id in (${people}) order by id for update`,
          list,
          'all',
          transaction,
        );
      await connection.execute(
        `delete from indicator_fact where person_id in (${people})`,
        list,
        'run',
        transaction,
      );
      await connection.execute(factsInsert(people), list, 'run', transaction);
    }
  }
}
