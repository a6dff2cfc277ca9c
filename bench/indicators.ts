import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import {
  Language,
  Organization,
  OrganizationType,
  Person,
  ProfessionalCategory,
  Sex,
} from '@platform/directory';
import {
  AttendanceMark,
  AttendanceStatus,
  Enrollment,
  EnrollmentStatus,
  IndicatorDimension,
  indicatorSql,
  TrainingEvent,
  TrainingProgramme,
} from '@platform/trainings';
import { BENCH_ADMIN, BenchApp, startBenchApp } from './bench-app';
import { percentile, post } from './http-load';

/**
 * The training indicators over 50,000 enrollments with two days of marks each: the
 * GraphQL query `trainingIndicators(groupBy: [CATEGORY, REGION])` as the admin over
 * HTTP, against the same SQL statements run directly on the connection, in the same run.
 */

const SIZE = { enrollments: 50_000, events: 100, people: 40_000, runs: 20, warmup: 3 };
const GROUP_BY = [IndicatorDimension.CATEGORY, IndicatorDimension.REGION];
const QUERY = `{ trainingIndicators(groupBy: [CATEGORY, REGION]) {
  rows { keys { dimension value label } peopleEnrolled peopleTrained enrollments completions }
  totals { peopleEnrolled peopleTrained enrollments completions }
} }`;

const REGIONS = [
  'Tashkent city',
  'Tashkent region',
  'Samarkand region',
  'Bukhara region',
  'Fergana region',
  'Andijan region',
  'Namangan region',
  'Kashkadarya region',
  'Surkhandarya region',
  'Khorezm region',
  'Navoi region',
  'Jizzakh region',
  'Syrdarya region',
  'Republic of Karakalpakstan',
];
const CATEGORIES = [
  ProfessionalCategory.OPERATIONAL_OFFICER,
  ProfessionalCategory.OPERATIONAL_OFFICER,
  ProfessionalCategory.OPERATIONAL_OFFICER,
  ProfessionalCategory.INVESTIGATOR,
  ProfessionalCategory.INVESTIGATOR,
  ProfessionalCategory.JUDGE,
  ProfessionalCategory.PROSECUTOR,
  ProfessionalCategory.BORDER_OFFICER,
];

async function insertChunked(
  em: EntityManager,
  entity: new () => object,
  rows: object[],
  chunk = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await em.insertMany(entity, rows.slice(i, i + chunk) as never[]);
}

/** Direct batched inserts: 40,000 people, 100 events, 50,000 enrollments, 100,000 marks. */
async function seed(em: EntityManager): Promise<{ marks: number }> {
  const admin = await em.findOneOrFail(User, { email: BENCH_ADMIN.email });
  const orgs = [OrganizationType.GOVERNMENT, OrganizationType.NGO, OrganizationType.GOVERNMENT].map(
    (type, i) =>
      em.create(Organization, { name: `Bench organization ${i + 1}`, type, country: 'UZ' }),
  );
  const programme = em.create(TrainingProgramme, {
    title: 'Investigating trafficking in persons (bench)',
    owner: orgs[0],
  });
  const events = Array.from({ length: SIZE.events }, (_, j) => {
    const month = String(1 + (j % 12)).padStart(2, '0');
    const start = `${2022 + (j % 3)}-${month}-10`;
    return em.create(TrainingEvent, {
      programme,
      title: `Seminar ${j + 1}`,
      country: 'UZ',
      region: REGIONS[j % REGIONS.length],
      city: 'City',
      startDate: start,
      endDate: start.replace(/-10$/, '-11'),
      dayCount: 2,
      excusedCounts: j % 4 === 0,
      completionMinPercent: j % 5 === 0 ? 50 : undefined,
    });
  });
  await em.flush();

  const now = new Date();
  const people = Array.from({ length: SIZE.people }, (_, i) => ({
    id: randomUUID(),
    fullName: `Trainee ${i + 1}`,
    sex: i % 7 === 0 ? null : i % 3 === 0 ? Sex.FEMALE : Sex.MALE,
    category: CATEGORIES[i % CATEGORIES.length],
    organization: i % 10 === 0 ? null : orgs[i % orgs.length].id,
    country: 'UZ',
    language: Language.UZ,
    createdAt: now,
  }));
  const enrollments = Array.from({ length: SIZE.enrollments }, (_, i) => {
    // People beyond the first 40,000 enrollments come back for a second seminar.
    const event = events[i % SIZE.events];
    const person = people[i < SIZE.people ? i : (i * 7919) % SIZE.people];
    return {
      id: randomUUID(),
      event: event.id,
      person: person.id,
      status: i % 97 === 0 ? EnrollmentStatus.WITHDRAWN : EnrollmentStatus.ENROLLED,
      enrolledAt: now,
      days: event.days,
    };
  });
  // Unique (event, person): drop the rare repeat of a person in the same event.
  const seen = new Set<string>();
  const unique = enrollments.filter((e) => {
    const key = `${e.event}|${e.person}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const statuses = [
    AttendanceStatus.PRESENT,
    AttendanceStatus.PRESENT,
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
  ];
  const marks = unique.flatMap((e, i) =>
    e.days.map((day, d) => ({
      id: randomUUID(),
      enrollment: e.id,
      day,
      status: d === 0 ? AttendanceStatus.PRESENT : statuses[i % statuses.length],
      markedBy: admin.id,
      markedAt: now,
    })),
  );
  await em.transactional(async (tx) => {
    await insertChunked(tx, Person, people);
    await insertChunked(
      tx,
      Enrollment,
      unique.map(({ days: _days, ...e }) => e),
    );
    await insertChunked(tx, AttendanceMark, marks);
  });
  if (unique.length < SIZE.enrollments)
    await insertMissing(em, SIZE.enrollments - unique.length, events, admin.id, now);
  return { marks: marks.length + 2 * (SIZE.enrollments - unique.length) };
}

/** Tops up to exactly 50,000 enrollments with new people, should any repeat have been dropped. */
async function insertMissing(
  em: EntityManager,
  count: number,
  events: TrainingEvent[],
  adminId: string,
  now: Date,
): Promise<void> {
  await em.transactional(async (tx) => {
    for (let i = 0; i < count; i++) {
      const person = tx.create(Person, { fullName: `Extra trainee ${i + 1}`, country: 'UZ' });
      const event = events[i % events.length];
      const enrollment = tx.create(Enrollment, { event, person, enrolledAt: now });
      for (const day of event.days)
        tx.create(AttendanceMark, {
          enrollment,
          day,
          status: AttendanceStatus.PRESENT,
          markedBy: adminId,
        });
    }
  });
}

async function timed(runs: number, work: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

export async function benchIndicators(): Promise<string> {
  let bench: BenchApp | undefined;
  try {
    bench = await startBenchApp();
    const { orm, port, dbLabel } = bench;

    const seedStart = Date.now();
    const { marks } = await seed(orm.em.fork());
    const seedMs = Date.now() - seedStart;

    const headers = { authorization: `Bearer ${bench.adminToken}` };
    const body = JSON.stringify({ query: QUERY });

    // The baseline: the statements the service sends, run directly on the connection.
    const connection = orm.em.getConnection();
    const rowsSql = indicatorSql(GROUP_BY);
    const totalsSql = indicatorSql([]);
    const direct = async () => {
      const [totals] = (await connection.execute(totalsSql.sql, totalsSql.params)) as Record<
        string,
        unknown
      >[];
      const rows = (await connection.execute(rowsSql.sql, rowsSql.params)) as unknown[];
      return { totals, rows };
    };

    // Check the answer once, and that it matches the direct SQL.
    const first = await post(port, '/graphql', body, headers);
    const answer = JSON.parse(first.body.toString('utf8')) as {
      data?: { trainingIndicators: { rows: unknown[]; totals: { enrollments: number } } };
      errors?: unknown;
    };
    const expected = await direct();
    if (
      first.status !== 200 ||
      !answer.data ||
      answer.data.trainingIndicators.rows.length !== expected.rows.length ||
      answer.data.trainingIndicators.totals.enrollments !== Number(expected.totals.enrollments)
    ) {
      throw new Error(`The indicators query failed: ${first.body.toString('utf8').slice(0, 2000)}`);
    }

    const graphqlRun = async () => {
      const res = await post(port, '/graphql', body, headers);
      if (res.status !== 200 || res.body.length !== first.body.length)
        throw new Error('The indicators query answered differently');
    };
    const sqlRun = async () => {
      await direct();
    };
    await timed(SIZE.warmup, graphqlRun);
    await timed(SIZE.warmup, sqlRun);
    const graphql = await timed(SIZE.runs, graphqlRun);
    const sql = await timed(SIZE.runs, sqlRun);

    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const row = (target: string, times: number[]) =>
      line([
        target,
        String(times.length),
        percentile(times, 0.5).toFixed(1),
        percentile(times, 0.99).toFixed(1),
      ]);
    const { totals } = answer.data.trainingIndicators as unknown as {
      totals: Record<string, number>;
    };
    return [
      `Training indicators, groupBy [CATEGORY, REGION], ${dbLabel}: ${SIZE.enrollments} enrollments ` +
        `(${totals.enrollments} not withdrawn, ${totals.peopleEnrolled} people, ${totals.completions} completions, ` +
        `${totals.peopleTrained} people trained), ${marks} marks, ${SIZE.events} events; seeded in ${seedMs} ms; ` +
        `${SIZE.runs} sequential runs after ${SIZE.warmup} warm-up`,
      '',
      line(['target', 'runs', 'p50 ms', 'p99 ms']),
      '|:--|--:|--:|--:|',
      row('GraphQL trainingIndicators over HTTP (admin)', graphql),
      row('the same 2 SQL statements on the connection', sql),
      '',
      `GraphQL / SQL p50 ratio: ${(percentile(graphql, 0.5) / percentile(sql, 0.5)).toFixed(2)}x`,
    ].join('\n');
  } finally {
    await bench?.close();
  }
}

if (require.main === module) {
  benchIndicators().then(
    (table) => {
      console.log(table);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
