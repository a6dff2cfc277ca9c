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
  IndicatorFacts,
  IndicatorFilter,
  TrainingEvent,
  TrainingProgramme,
} from '@platform/trainings';
import { EventTrainer, ProgrammeOrganizer } from '@platform/trainings';
import { answeredFigures, referenceIndicators } from '../test/support/reference-indicators';
import { BENCH_ADMIN, BenchApp, startBenchApp, table } from './bench-app';
import { BenchOptions, Figure } from './figures';
import { percentile, post } from './http-load';

/**
 * The training indicators over 50,000 enrollments with two days of marks each: the
 * GraphQL query `trainingIndicators` over HTTP for every grouping (none, each dimension,
 * the common pairs, with and without filters), as the admin, as a trainer of a few
 * events and as the organizer of a programme; p99 of sequential runs each. Before measuring, each answer is checked against
 * the figures computed the old way (reference-indicators.ts: completion counted from the
 * marks in every run), whose time for one grouping is the baseline.
 */

const SIZE = { enrollments: 50_000, events: 100, people: 40_000, trainerEvents: 3 };
const RUNS = { full: { runs: 50, warmup: 3 }, quick: { runs: 10, warmup: 1 } };
const GOAL_MS = 100;

type Dimension = IndicatorDimension;
const D = IndicatorDimension;

interface Case {
  groupBy: Dimension[];
  filter?: IndicatorFilter;
  /** Checked against the reference in quick mode too (it is always checked in full mode). */
  quickCheck?: boolean;
}

const FILTER: IndicatorFilter = {
  region: 'Samarkand region',
  from: '2023-01-01',
  to: '2024-12-31',
};

const ADMIN_CASES: Case[] = [
  { groupBy: [], quickCheck: true },
  ...Object.values(D).map((dimension) => ({ groupBy: [dimension] })),
  { groupBy: [D.CATEGORY, D.REGION], quickCheck: true },
  { groupBy: [D.CATEGORY, D.SEX] },
  { groupBy: [D.REGION, D.QUARTER] },
  { groupBy: [D.PROGRAMME, D.YEAR] },
  { groupBy: [D.ORGANIZATION_TYPE, D.COUNTRY] },
  { groupBy: [], filter: FILTER },
  { groupBy: [D.CATEGORY, D.REGION], filter: FILTER, quickCheck: true },
  { groupBy: [D.MONTH], filter: { country: 'UZ', from: '2023-01-01' } },
];
const TRAINER_CASES: Case[] = [
  { groupBy: [], quickCheck: true },
  { groupBy: [D.CATEGORY], quickCheck: true },
  { groupBy: [D.REGION], quickCheck: true },
  { groupBy: [D.MONTH], quickCheck: true },
  { groupBy: [D.CATEGORY, D.REGION], quickCheck: true },
  { groupBy: [D.CATEGORY, D.SEX], filter: { from: '2022-01-01' }, quickCheck: true },
];

/** The organizer's programme holds three events in four. */
const ORGANIZER_CASES: Case[] = [
  { groupBy: [], quickCheck: true },
  { groupBy: [D.CATEGORY], quickCheck: true },
  { groupBy: [D.REGION] },
  { groupBy: [D.CATEGORY, D.REGION] },
];

const QUERY = `query($groupBy: [IndicatorDimension!]!, $filter: IndicatorFilter) {
  trainingIndicators(groupBy: $groupBy, filter: $filter) {
    rows { keys { dimension value label } peopleEnrolled peopleTrained enrollments completions }
    totals { peopleEnrolled peopleTrained enrollments completions }
  }
}`;

const describe = ({ groupBy, filter }: Case) =>
  `[${groupBy.join(', ')}]${filter ? ` filtered by ${Object.keys(filter).join(', ')}` : ''}`;

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

/**
 * Direct batched inserts: 40,000 people, 100 events of 2 programmes (one in 10 in
 * Kazakhstan), 50,000 enrollments, 100,000 marks; then their indicator facts, which
 * inserts without the unit of work do not write.
 */
async function seed(
  em: EntityManager,
  facts: IndicatorFacts,
): Promise<{ marks: number; events: TrainingEvent[] }> {
  const admin = await em.findOneOrFail(User, { email: BENCH_ADMIN.email });
  const orgs = [OrganizationType.GOVERNMENT, OrganizationType.NGO, OrganizationType.GOVERNMENT].map(
    (type, i) =>
      em.create(Organization, { name: `Bench organization ${i + 1}`, type, country: 'UZ' }),
  );
  const programmes = ['Investigating trafficking in persons', 'Protecting victims'].map((title) =>
    em.create(TrainingProgramme, { title: `${title} (bench)`, owner: orgs[0] }),
  );
  const events = Array.from({ length: SIZE.events }, (_, j) => {
    const month = String(1 + (j % 12)).padStart(2, '0');
    const start = `${2022 + (j % 3)}-${month}-10`;
    return em.create(TrainingEvent, {
      programme: programmes[j % 4 === 3 ? 1 : 0],
      title: `Seminar ${j + 1}`,
      country: j % 10 === 9 ? 'KZ' : 'UZ',
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
    await facts.rewrite(tx, new Map([['event', new Set(events.map((e) => e.id))]]));
  });
  if (unique.length < SIZE.enrollments)
    await insertMissing(em, SIZE.enrollments - unique.length, events, admin.id, now);
  return { marks: marks.length + 2 * (SIZE.enrollments - unique.length), events };
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

/**
 * An account over GraphQL, given its events or programmes through the ORM (as trainer or
 * organizer), and its bearer token.
 */
async function anAccount(
  bench: BenchApp,
  role: 'TRAINER' | 'ORGANIZER',
  grant: (em: EntityManager, userId: string) => void,
): Promise<string> {
  const headers = { authorization: `Bearer ${bench.adminToken}` };
  const account = {
    email: `bench-${role.toLowerCase()}@example.org`,
    password: 'bench-password-1',
  };
  const created = await post(
    bench.port,
    '/graphql',
    JSON.stringify({
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      variables: { input: { ...account, role } },
    }),
    headers,
  );
  const { id } = JSON.parse(created.body.toString('utf8')).data.createUser as { id: string };
  const em = bench.orm.em.fork();
  grant(em, id);
  await em.flush();
  const login = await post(
    bench.port,
    '/graphql',
    JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: account },
    }),
  );
  return JSON.parse(login.body.toString('utf8')).data.login.token as string;
}

export async function benchIndicators(options: BenchOptions): Promise<Figure[]> {
  const { runs, warmup } = options.quick ? RUNS.quick : RUNS.full;
  let bench: BenchApp | undefined;
  try {
    bench = await startBenchApp(options.databaseUrl);
    const { orm, port, dbLabel } = bench;

    const seedStart = Date.now();
    const { marks, events } = await seed(orm.em.fork(), bench.app.get(IndicatorFacts));
    const seedMs = Date.now() - seedStart;
    const trainerEvents = events.slice(0, SIZE.trainerEvents);
    const largerProgramme = events[0].programme.id;
    const actors = [
      { name: 'admin', token: bench.adminToken, scope: null, cases: ADMIN_CASES },
      {
        name: `trainer of ${trainerEvents.length} events`,
        token: await anAccount(bench, 'TRAINER', (em, user) => {
          for (const event of trainerEvents) em.create(EventTrainer, { event: event.id, user });
        }),
        scope: { programmeIds: [], eventIds: trainerEvents.map((e) => e.id) },
        cases: TRAINER_CASES,
      },
      {
        name: 'organizer of the larger programme',
        token: await anAccount(bench, 'ORGANIZER', (em, user) => {
          em.create(ProgrammeOrganizer, { programme: largerProgramme, user });
        }),
        scope: { programmeIds: [largerProgramme], eventIds: [] },
        cases: ORGANIZER_CASES,
      },
    ];

    const figures: Figure[] = [];
    const lines = [['actor', 'grouping', 'rows', 'checked', 'p50 ms', 'p99 ms']];
    for (const actor of actors) {
      const headers = { authorization: `Bearer ${actor.token}` };
      for (const c of actor.cases) {
        const body = JSON.stringify({ query: QUERY, variables: c });
        const first = await post(port, '/graphql', body, headers);
        const answer = JSON.parse(first.body.toString('utf8')) as {
          data?: { trainingIndicators: Parameters<typeof answeredFigures>[0] };
        };
        if (first.status !== 200 || !answer.data)
          throw new Error(
            `The indicators query failed: ${first.body.toString('utf8').slice(0, 2000)}`,
          );
        const checked = !options.quick || c.quickCheck === true;
        if (checked) {
          const expected = await referenceIndicators(
            orm.em.fork(),
            c.groupBy,
            c.filter,
            actor.scope,
          );
          const answered = answeredFigures(answer.data.trainingIndicators);
          if (JSON.stringify(answered) !== JSON.stringify(expected))
            throw new Error(
              `${actor.name}, ${describe(c)}: the figures differ from the reference:\n` +
                `${JSON.stringify(answered)}\n${JSON.stringify(expected)}`,
            );
        }
        const run = async () => {
          const res = await post(port, '/graphql', body, headers);
          if (res.status !== 200 || res.body.length !== first.body.length)
            throw new Error('The indicators query answered differently');
        };
        await timed(warmup, run);
        const times = await timed(runs, run);
        lines.push([
          actor.name,
          describe(c),
          String(answer.data.trainingIndicators.rows.length),
          checked ? 'yes' : '',
          percentile(times, 0.5).toFixed(1),
          percentile(times, 0.99).toFixed(1),
        ]);
        figures.push({
          work: `indicators ${describe(c)}, ${actor.name}, ${SIZE.enrollments} enrollments, ${runs} runs`,
          database: dbLabel,
          unit: 'p99 ms',
          value: Math.round(percentile(times, 0.99) * 10) / 10,
          goal: { kind: 'at-most', target: GOAL_MS },
        });
      }
    }

    // The baseline: the old statements, counting every enrollment's marks in each run.
    const pair = [D.CATEGORY, D.REGION];
    const old = await timed(options.quick ? 1 : 3, async () => {
      await referenceIndicators(orm.em.fork(), pair);
    });
    const measured = figures.find((f) =>
      f.work.startsWith(`indicators [${pair.join(', ')}], admin`),
    );
    if (measured)
      measured.baseline = {
        name: 'old SQL (marks counted per run), p99',
        value: Math.round(percentile(old, 0.99)),
      };

    console.log(
      `\nTraining indicators, ${dbLabel}: ${SIZE.enrollments} enrollments, ${marks} marks, ` +
        `${SIZE.events} events; seeded in ${seedMs} ms; ${runs} sequential GraphQL runs per grouping ` +
        `after ${warmup} warm-up; "checked": equal to the old SQL's figures. The old SQL ` +
        `for [${pair.join(', ')}]: p50 ${percentile(old, 0.5).toFixed(0)} ms.\n`,
    );
    console.log(table(lines));
    return figures;
  } finally {
    await bench?.close();
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  benchIndicators({ quick, databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || undefined }).then(
    (figures) => {
      console.log(figures);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
