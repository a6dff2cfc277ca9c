import { toCsv } from '@platform/core';
import {
  Organization,
  OrganizationType,
  Person,
  personKeys,
  ProfessionalCategory,
} from '@platform/directory';
import { Enrollment, EnrollmentStatus } from '@platform/trainings';
import { BenchApp, startBenchApp, table } from './bench-app';
import { BenchOptions, Figure } from './figures';
import { post } from './http-load';

/**
 * Importing a 5,000-row roster file through GraphQL (`importRoster`, one request),
 * against the same people and enrollments (the same columns, name keys included)
 * written straight to the database with batched INSERTs (MikroORM insertMany, no
 * lookups, no checks) in the same run.
 */

const ROSTER_ROWS = 5_000;
/** --quick: a smaller file, the same ratio to its own baseline. */
const QUICK_ROSTER_ROWS = 2_000;
const ORGANIZATIONS = 40;
const CHUNK = 500;

// Latin and Cyrillic names of different people: a name written in both scripts is one
// person to the import (see nameKeysOf), and the file is 5,000 different people.
const FIRST = [
  'Oʻtkir',
  'Gʻulom',
  'Dilnoza',
  'Malika',
  'Sardor',
  'Nodira',
  'Jasur',
  'Shahnoza',
  'Bekzod',
  'Zarina',
  'Баходир',
  'Феруза',
  'Азиз',
  'Нилуфар',
  'Тимур',
  'Гулнора',
  'Рустам',
  'Ойбек',
  'Дилфуза',
  'Шерзод',
];
const LAST = [
  'Rahimov',
  'Qodirova',
  'Toʻrayev',
  'Karimova',
  'Aliyev',
  'Yusupova',
  'Ergashev',
  'Nazarova',
  'Xoʻjayev',
  'Saidova',
  'Мирзаев',
  'Латипова',
  'Юсупов',
  'Умарова',
  'Алиев',
  'Шарипова',
  'Абдуллаев',
  'Турсунова',
  'Хўжаев',
  'Исмоилова',
];
const MIDDLE = [
  'Anvarovich',
  'Bahodirovna',
  'Ravshanovich',
  'Olimovna',
  'Shukurovich',
  'Азизович',
  'Собировна',
  'Камолович',
  'Юлдашевна',
  'Ботирович',
  'Икромович',
  'Латифовна',
  'Маратович',
  'Нурлановна',
  'Тахирович',
];
const CATEGORIES = [
  'investigator',
  'judge',
  'prosecutor',
  'operational officer',
  'border officer',
  'social worker',
];

interface RosterRow {
  fullName: string;
  email?: string;
  sex: 'F' | 'M';
  category: string;
  organization: string;
}

function rosterRows(count: number): RosterRow[] {
  return Array.from({ length: count }, (_, i) => ({
    fullName: `${LAST[i % 20]} ${FIRST[Math.floor(i / 20) % 20]} ${MIDDLE[Math.floor(i / 400) % 15]}`,
    // Many officers come without an email: they are matched by name and organization.
    email: i % 10 < 7 ? `trainee${i}@example.uz` : undefined,
    sex: i % 2 === 0 ? 'M' : 'F',
    category: CATEGORIES[i % CATEGORIES.length],
    organization: `${i % 2 ? 'Управление МВД' : 'IIV boshqarmasi'} № ${i % ORGANIZATIONS}`,
  }));
}

async function graphql<T>(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const answer = await post(
    port,
    '/graphql',
    JSON.stringify({ query, variables }),
    token ? { authorization: `Bearer ${token}` } : {},
    undefined,
    120_000,
  );
  const body = JSON.parse(answer.body.toString('utf8')) as { data?: T; errors?: unknown[] };
  if (answer.status !== 200 || body.errors || !body.data)
    throw new Error(
      `GraphQL failed (HTTP ${answer.status}): ${JSON.stringify(body).slice(0, 2000)}`,
    );
  return body.data;
}

/** Wall time and CPU time of the process (server and client share it) while `work` runs. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  (global as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function benchRosterImport(options: BenchOptions): Promise<Figure[]> {
  const size = options.quick ? QUICK_ROSTER_ROWS : ROSTER_ROWS;
  let bench: BenchApp | undefined;
  try {
    bench = await startBenchApp(options.databaseUrl);
    const { orm, port, dbLabel, adminToken: token } = bench;

    const owner = await graphql<{ createOrganization: { id: string } }>(
      port,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: 'UNODC ROCA', type: 'INTERNATIONAL_ORGANIZATION', country: 'UZ' } },
      token,
    );
    const programme = await graphql<{ createTrainingProgramme: { id: string } }>(
      port,
      'mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }',
      { input: { title: 'Roster bench', ownerId: owner.createOrganization.id } },
      token,
    );
    const newEvent = async (title: string) =>
      (
        await graphql<{ createTrainingEvent: { id: string } }>(
          port,
          `
            mutation ($p: ID!, $input: CreateTrainingEventInput!) {
              createTrainingEvent(programmeId: $p, input: $input) {
                id
              }
            }
          `,
          {
            p: programme.createTrainingProgramme.id,
            input: {
              title,
              country: 'UZ',
              region: 'Tashkent region',
              city: 'Tashkent',
              startDate: '2025-05-12',
              endDate: '2025-05-16',
            },
          },
          token,
        )
      ).createTrainingEvent.id;
    const importEventId = await newEvent('Roster import bench');
    const baselineEventId = await newEvent('SQL baseline bench');

    // 10% of the roster is already in the directory (seeding is not measured).
    const rows = rosterRows(size);
    const seedEm = orm.em.fork();
    const orgs = new Map<string, Organization>();
    for (const name of new Set(rows.map((r) => r.organization))) {
      orgs.set(
        name,
        seedEm.create(Organization, { name, type: OrganizationType.GOVERNMENT, country: 'UZ' }),
      );
    }
    rows.forEach((r, i) => {
      if (i % 10 !== 0) return;
      seedEm.create(Person, {
        fullName: r.fullName,
        email: r.email,
        category: ProfessionalCategory.OTHER,
        organization: orgs.get(r.organization),
        country: 'UZ',
      });
    });
    await seedEm.flush();
    const peopleBefore = await orm.em.fork().count(Person);

    const csv = toCsv([
      ['full_name', 'email', 'sex', 'category', 'organization', 'country'],
      ...rows.map((r) => [r.fullName, r.email, r.sex, r.category, r.organization, 'UZ']),
    ]);
    const imported = await timed(() =>
      graphql<{
        importRoster: {
          stored: boolean;
          rows: number;
          peopleCreated: number;
          peopleMatched: number;
          enrolled: number;
          errors: unknown[];
        };
      }>(
        port,
        `
          mutation ($id: ID!, $csv: String!) {
            importRoster(eventId: $id, csv: $csv) {
              stored
              rows
              peopleCreated
              peopleMatched
              enrolled
              errors {
                line
                field
                reason
              }
            }
          }
        `,
        { id: importEventId, csv },
        token,
      ),
    );
    const report = imported.result.importRoster;
    const expected = size / 10;
    if (
      !report.stored ||
      report.rows !== size ||
      report.peopleMatched !== expected ||
      report.peopleCreated !== size - expected ||
      report.enrolled !== size ||
      (await orm.em.fork().count(Person)) !== peopleBefore + size - expected
    )
      throw new Error(
        `importRoster did not import as expected: ${JSON.stringify(report).slice(0, 2000)}`,
      );

    // Baseline: the same 5,000 people and enrollments, new rows, batched INSERTs in one transaction.
    const orgIds = new Map(
      (await orm.em.fork().find(Organization, {})).map((org) => [org.name, org.id]),
    );
    // The name keys the import stores with each person (see personKeys), computed before timing.
    const keys = rows.map((r) => personKeys(r.fullName));
    const baseline = await timed(() =>
      orm.em.fork().transactional(async (em) => {
        const now = new Date();
        const people = rows.map((r, i) => ({
          id: crypto.randomUUID(),
          fullName: r.fullName,
          ...keys[i],
          email: r.email && `baseline-${i}@example.uz`,
          sex: r.sex === 'F' ? 'FEMALE' : 'MALE',
          category: ProfessionalCategory.INVESTIGATOR,
          organization: orgIds.get(r.organization),
          country: 'UZ',
          language: 'en',
          createdAt: now,
        }));
        for (let i = 0; i < people.length; i += CHUNK)
          await em.insertMany(Person, people.slice(i, i + CHUNK) as never[]);
        const enrollments = people.map((p) => ({
          id: crypto.randomUUID(),
          event: baselineEventId,
          person: p.id,
          status: EnrollmentStatus.ENROLLED,
          enrolledAt: now,
        }));
        for (let i = 0; i < enrollments.length; i += CHUNK)
          await em.insertMany(Enrollment, enrollments.slice(i, i + CHUNK));
      }),
    );
    if ((await orm.em.fork().count(Enrollment, { event: baselineEventId })) !== size)
      throw new Error('The SQL baseline did not insert every enrollment.');

    const perSecond = (ms: number) => (size * 1000) / ms;
    console.log(
      [
        `Importing a ${size}-row roster file (${dbLabel}, a fresh database):`,
        '',
        table([
          ['target', 'rows', 'ms', 'CPU ms', 'rows/s'],
          [
            `GraphQL importRoster, one ${(csv.length / 1024).toFixed(0)} KB CSV (${dbLabel})`,
            String(size),
            imported.ms.toFixed(0),
            imported.cpuMs.toFixed(0),
            perSecond(imported.ms).toFixed(0),
          ],
          [
            `SQL baseline: batched INSERTs of the same people + enrollments`,
            String(size),
            baseline.ms.toFixed(0),
            baseline.cpuMs.toFixed(0),
            perSecond(baseline.ms).toFixed(0),
          ],
        ]),
        '',
        `importRoster / baseline ratio: ${(baseline.ms / imported.ms).toPrecision(2)}x of the ` +
          `baseline rows/s, ${(baseline.cpuMs / imported.cpuMs).toPrecision(2)}x by CPU time ` +
          `(the import also parses and checks every row, looks up ${ORGANIZATIONS} organizations and ` +
          `matches ${expected} existing people, ${size - expected} created)`,
      ].join('\n'),
    );
    return [
      {
        work: `roster import, ${size} rows (${expected} matched, ${size - expected} new people)`,
        database: dbLabel,
        unit: 'rows/s',
        value: perSecond(imported.ms),
        baseline: { name: 'batched INSERTs of the same rows', value: perSecond(baseline.ms) },
        goal: { kind: 'ratio-at-least', target: 0.5 },
      },
    ];
  } finally {
    await bench?.close();
  }
}
