import { EntityManager } from '@mikro-orm/core';
import type { SqlStatement } from '@platform/core';
import { IndicatorDimension, IndicatorFilter, IndicatorScope } from '@platform/trainings';

/*
 * The indicators as the platform computed them before they were stored (issue 13): from
 * the enrollments, events, people, organizations and marks themselves, completion counted
 * from the marks in every run. Tests and the benchmark compare the stored figures with it.
 */

/** The SQL expression each dimension groups by (aliases: c per enrollment, p person, o organization). */
const KEY_SQL: Record<IndicatorDimension, string> = {
  CATEGORY: 'p.category',
  SEX: "coalesce(p.sex, 'UNKNOWN')",
  COUNTRY: 'c.country',
  REGION: 'c.region',
  ORGANIZATION_TYPE: "coalesce(o.type, 'NONE')",
  PROGRAMME: 'c.programme_id',
  YEAR: 'substr(c.start_date, 1, 4)',
  QUARTER:
    "substr(c.start_date, 1, 4) || '-Q' || ((cast(substr(c.start_date, 6, 2) as integer) + 2) / 3)",
  MONTH: 'substr(c.start_date, 1, 7)',
};

/**
 * Days needed to complete, as TrainingEvent.requiredDays(): the stricter of minDays and
 * ceil(minPercent × dayCount / 100), all days when neither is set, at most dayCount.
 * Integer division: (p × d + 99) / 100 is the ceiling for non-negative p × d.
 */
const MIN_DAYS = 'coalesce(ev.completion_min_days, 0)';
const BY_PERCENT = 'coalesce((ev.completion_min_percent * ev.day_count + 99) / 100, 0)';
const STRICTER = `(case when ${MIN_DAYS} >= ${BY_PERCENT} then ${MIN_DAYS} else ${BY_PERCENT} end)`;
const REQUIRED_DAYS_SQL = `(case when ${STRICTER} = 0 or ${STRICTER} > ev.day_count then ev.day_count else ${STRICTER} end)`;

/**
 * Days attended, counted from the enrollment's marks through the (enrollment, day) index:
 * late counts as attended; excused only where the event's rule says so (see completion.ts).
 */
const ATTENDED_SQL = `(select count(*) from attendance_mark m
      where m.enrollment_id = en.id
        and (m.status in ('PRESENT', 'LATE') or (m.status = 'EXCUSED' and ev.excused_counts)))`;

/**
 * One statement: per enrolled (not withdrawn) enrollment whether it is completed, then
 * grouped by the dimensions. Portable between SQLite and PostgreSQL.
 */
export function referenceIndicatorSql(
  groupBy: IndicatorDimension[],
  filter: IndicatorFilter = {},
  scope: IndicatorScope | null = null,
): SqlStatement {
  const where: string[] = [`en.status = 'ENROLLED'`];
  const params: unknown[] = [];
  if (scope) {
    const parts: string[] = [];
    if (scope.programmeIds.length) {
      parts.push(`ev.programme_id in (${scope.programmeIds.map(() => '?').join(', ')})`);
      params.push(...scope.programmeIds);
    }
    if (scope.eventIds.length) {
      parts.push(`ev.id in (${scope.eventIds.map(() => '?').join(', ')})`);
      params.push(...scope.eventIds);
    }
    where.push(parts.length ? `(${parts.join(' or ')})` : '1 = 0');
  }
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.programmeId) add('ev.programme_id = ?', filter.programmeId);
  if (filter.country) add('ev.country = ?', filter.country);
  if (filter.region) add('ev.region = ?', filter.region);
  if (filter.from) add('ev.start_date >= ?', filter.from);
  if (filter.to) add('ev.start_date <= ?', filter.to);

  const perEnrollment = `select en.person_id as person_id, ev.programme_id as programme_id,
      ev.country as country, ev.region as region, ev.start_date as start_date,
      case when ${ATTENDED_SQL} >= ${REQUIRED_DAYS_SQL} then 1 else 0 end as completed
    from enrollment en
    join training_event ev on ev.id = en.event_id
    where ${where.join(' and ')}`;

  const keys = groupBy.map((dimension, i) => `${KEY_SQL[dimension]} as k${i}`);
  const needsPerson = groupBy.some((d) => ['CATEGORY', 'SEX', 'ORGANIZATION_TYPE'].includes(d));
  const needsProgramme = groupBy.includes(IndicatorDimension.PROGRAMME);
  const select = [
    ...keys,
    'count(distinct c.person_id) as people_enrolled',
    'count(distinct case when c.completed = 1 then c.person_id end) as people_trained',
    'count(*) as enrollments',
    'coalesce(sum(c.completed), 0) as completions',
    ...(needsProgramme ? ['max(tp.title) as programme_title'] : []),
  ];
  const joins = [
    ...(needsPerson
      ? [
          'join person p on p.id = c.person_id',
          'left join organization o on o.id = p.organization_id',
        ]
      : []),
    ...(needsProgramme ? ['join training_programme tp on tp.id = c.programme_id'] : []),
  ];
  const sql = [
    `select ${select.join(', ')}`,
    `from (${perEnrollment}) c`,
    ...joins,
    groupBy.length ? `group by ${groupBy.map((d) => KEY_SQL[d]).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sql, params };
}

export interface ReferenceFigures {
  /** Per row, its key values joined by "|", and its four figures. */
  rows: Record<string, [number, number, number, number]>;
  totals: [number, number, number, number];
}

const figuresOf = (row: Record<string, unknown>): [number, number, number, number] => [
  Number(row.people_enrolled ?? 0),
  Number(row.people_trained ?? 0),
  Number(row.enrollments ?? 0),
  Number(row.completions ?? 0),
];

/** The figures by the reference statements, run on `em`'s connection. */
export async function referenceIndicators(
  em: EntityManager,
  groupBy: IndicatorDimension[],
  filter: IndicatorFilter = {},
  scope: IndicatorScope | null = null,
): Promise<ReferenceFigures> {
  const run = async (dimensions: IndicatorDimension[]) => {
    const { sql, params } = referenceIndicatorSql(dimensions, filter, scope);
    return (await em.getConnection().execute(sql, params)) as Record<string, unknown>[];
  };
  const [totals] = await run([]);
  const rows = groupBy.length
    ? await run(groupBy)
    : totals && Number(totals.enrollments)
      ? [totals]
      : [];
  return {
    rows: Object.fromEntries(
      rows.map((row) => [groupBy.map((_, i) => String(row[`k${i}`])).join('|'), figuresOf(row)]),
    ),
    totals: figuresOf(totals ?? {}),
  };
}

/** The same shape from a trainingIndicators answer. */
export function answeredFigures(answer: {
  rows: {
    keys: { value: string }[];
    peopleEnrolled: number;
    peopleTrained: number;
    enrollments: number;
    completions: number;
  }[];
  totals: {
    peopleEnrolled: number;
    peopleTrained: number;
    enrollments: number;
    completions: number;
  };
}): ReferenceFigures {
  const four = (f: typeof answer.totals): [number, number, number, number] => [
    f.peopleEnrolled,
    f.peopleTrained,
    f.enrollments,
    f.completions,
  ];
  return {
    rows: Object.fromEntries(
      answer.rows.map((row) => [row.keys.map((k) => k.value).join('|'), four(row)]),
    ),
    totals: four(answer.totals),
  };
}
