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

/** What changed, by the column of `enrollment en` / `person p` it selects facts by. */
type Scope = 'en.id' | 'en.event_id' | 'en.person_id' | 'p.organization_id';
export type FactChanges = Map<Scope, Set<string>>;

/** The stored facts in each scope, for the `?` placeholders. */
const STORED_FACTS: Record<Scope, (placeholders: string) => string> = {
  'en.id': (ids) => `enrollment_id in (${ids})`,
  'en.event_id': (ids) => `event_id in (${ids})`,
  'en.person_id': (ids) => `person_id in (${ids})`,
  'p.organization_id': (ids) =>
    `person_id in (select id from person where organization_id in (${ids}))`,
};

/** The facts of the enrollments in scope, as they are now: the one definition of a fact. */
function factsSelect(scope: Scope, placeholders: string): string {
  return `select en.id, en.event_id, en.person_id, ev.programme_id, ev.country, ev.region,
      ev.start_date, substr(ev.start_date, 1, 4),
      substr(ev.start_date, 1, 4) || '-Q' || ((cast(substr(ev.start_date, 6, 2) as integer) + 2) / 3),
      substr(ev.start_date, 1, 7), p.category, coalesce(p.sex, 'UNKNOWN'), coalesce(o.type, 'NONE'),
      case when ${ATTENDED_SQL} >= ${REQUIRED_DAYS_SQL} then 1 else 0 end
    from enrollment en
    join training_event ev on ev.id = en.event_id
    join person p on p.id = en.person_id
    left join organization o on o.id = p.organization_id
    where en.status = 'ENROLLED' and ${scope} in (${placeholders})`;
}

const FACT_COLUMNS = `enrollment_id, event_id, person_id, programme_id, country, region, start_date,
  year, quarter, month, category, sex, organization_type, completed`;

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
    fields.some((field) => field in (change.payload ?? {}));
  for (const change of changeSets) {
    const { entity, type } = change;
    if (entity instanceof AttendanceMark) add('en.id', entity.enrollment.id);
    else if (entity instanceof Enrollment) add('en.id', entity.id);
    else if (type !== ChangeSetType.UPDATE)
      continue; // a new event, person or organization has no enrollments
    else if (entity instanceof TrainingEvent && touches(change, EVENT_FIELDS))
      add('en.event_id', entity.id);
    else if (entity instanceof Person && touches(change, PERSON_FIELDS))
      add('en.person_id', entity.id);
    else if (entity instanceof Organization && touches(change, ORGANIZATION_FIELDS))
      add('p.organization_id', entity.id);
  }
  return changed;
}

/** At most this many ids per statement (SQLite allows 32,766 parameters; PostgreSQL 65,535). */
const CHUNK = 1000;

/**
 * Keeps indicator_fact equal to what it copies. Every flush that changes marks,
 * enrollments, an event's rule, dates or place, or a person's or organization's
 * attributes rewrites the facts of the enrollments it touches, in the same transaction
 * and after the flush's own statements, so no write path can leave a fact stale.
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
    for (const [scope, idSet] of changed) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const placeholders = chunk.map(() => '?').join(', ');
        await connection.execute(
          `delete from indicator_fact where ${STORED_FACTS[scope](placeholders)}`,
          chunk,
          'run',
          transaction,
        );
        await connection.execute(
          `insert into indicator_fact (${FACT_COLUMNS}) ${factsSelect(scope, placeholders)}`,
          chunk,
          'run',
          transaction,
        );
      }
    }
  }
}
