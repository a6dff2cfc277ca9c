import { cpus } from 'node:os';
import { MikroORM } from '@mikro-orm/core';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import { BenchApp, startBenchApp, table } from './bench-app';
import { BenchOptions, Figure } from './figures';
import { LoadResult, post, runLoadInWorker } from './http-load';
import { startRawSqlServer } from './raw-sql-server';
import { REALISTIC_SIZE, RealisticEdition, seedRealisticEdition } from './realistic-edition';

/**
 * The "edition with agenda" GraphQL query on a realistic edition, against a raw-SQL
 * server (raw-sql-server.ts) that runs the same statements through the same driver and
 * answers the same bytes, at 1 and at 16 keep-alive connections, measured in the same
 * run with the same load generator.
 */

// The organizer's view of an edition: the programme with speakers and their
// organizations, the partners and the working groups with their members.
export const EDITION_WITH_AGENDA = `query EditionWithAgenda($id: ID!) {
  edition(id: $id) {
    id title theme year hostCountryName city startDate endDate objectives
    partners { role organization { name acronym } }
    agenda {
      day startTime endTime kind title room
      speakers { titleOnAgenda person { fullName fullNameAlt organization { name } } }
      moderator { fullName }
    }
    workingGroups {
      name topic memberCount
      facilitators { fullName }
      members { status delegationCountry person { fullName organization { name } } }
    }
  }
}`;

const CONNECTIONS = [1, 16] as const;

interface EditionAnswer {
  data?: {
    edition: {
      agenda: { speakers: unknown[] }[];
      workingGroups: { memberCount: number; members: unknown[] }[];
    };
  };
  errors?: unknown[];
}

/** Refuses to measure anything but a correct, complete answer. */
function verify(status: number, body: Buffer, dataset: RealisticEdition): void {
  const answer = JSON.parse(body.toString('utf8')) as EditionAnswer;
  if (status !== 200 || answer.errors || !answer.data) {
    throw new Error(
      `The edition query failed (HTTP ${status}): ${JSON.stringify(answer.errors ?? answer).slice(0, 2000)}`,
    );
  }
  const { agenda, workingGroups } = answer.data.edition;
  const speakers = agenda.reduce((n, session) => n + session.speakers.length, 0);
  const members = workingGroups.reduce((n, group) => n + group.members.length, 0);
  const counted = workingGroups.reduce((n, group) => n + group.memberCount, 0);
  const problems = [
    agenda.length !== dataset.sessions &&
      `${agenda.length} sessions instead of ${dataset.sessions}`,
    speakers !== dataset.speakers && `${speakers} speakers instead of ${dataset.speakers}`,
    members !== dataset.registrations &&
      `${members} working group members instead of ${dataset.registrations}`,
    counted !== dataset.registrations &&
      `memberCount adds up to ${counted} instead of ${dataset.registrations}`,
  ].filter(Boolean);
  if (problems.length)
    throw new Error(`The edition query answered incompletely: ${problems.join('; ')}`);
}

/**
 * The SQL statements one request issues. The app's mail worker may poll the outbox
 * meanwhile, so the fewest over three requests is the request's own count.
 */
async function statementsPerRequest(orm: MikroORM, send: () => Promise<unknown>): Promise<number> {
  const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    let statements = 0;
    const listener = () => statements++;
    knex.on('query', listener);
    try {
      await send();
    } finally {
      knex.off('query', listener);
    }
    counts.push(statements);
  }
  return Math.min(...counts);
}

interface Edition {
  bench: BenchApp;
  dataset: RealisticEdition;
  request: string;
  headers: Record<string, string>;
  send: () => Promise<{ status: number; body: Buffer }>;
}

/** The app on a fresh database with one realistic edition (`scale` times its size). */
async function editionApp(options: BenchOptions, scale: number): Promise<Edition> {
  const bench = await startBenchApp(options.databaseUrl);
  try {
    const dataset = await seedRealisticEdition(bench.orm.em.fork(), scale);
    // Sent as the admin: the token is checked on every request, as for a real client.
    const headers = { authorization: `Bearer ${bench.adminToken}` };
    const request = JSON.stringify({
      query: EDITION_WITH_AGENDA,
      variables: { id: dataset.editionId },
    });
    return {
      bench,
      dataset,
      request,
      headers,
      send: () => post(bench.port, '/graphql', request, headers),
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

/** Where the raw-SQL server finds the app's database: its PostgreSQL URL or SQLite file. */
function databaseOf({ orm, dbLabel }: BenchApp): string {
  const where = dbLabel === 'PostgreSQL' ? orm.config.get('clientUrl') : orm.config.get('dbName');
  if (!where) throw new Error('The bench app has no database location');
  return where;
}

const row = (target: string, connections: number, r: LoadResult) => [
  target,
  String(connections),
  String(r.requests),
  String(r.errors),
  r.requestsPerSecond.toFixed(r.requestsPerSecond < 100 ? 1 : 0),
  r.p50Ms.toFixed(2),
  r.p99Ms.toFixed(2),
];

export async function benchEditionRead(options: BenchOptions): Promise<Figure[]> {
  const warmupMs = options.quick ? 1000 : 2000;
  const durationMs = options.quick ? 3000 : 8000;

  // The statement count must not grow with the edition: count it on a double-size one.
  const double = await editionApp(options, 2);
  let doubleStatements: number;
  try {
    const first = await double.send();
    verify(first.status, first.body, double.dataset);
    doubleStatements = await statementsPerRequest(double.bench.orm, double.send);
  } finally {
    await double.bench.close();
  }

  const edition = await editionApp(options, 1);
  const { bench, dataset } = edition;
  const raw = await startRawSqlServer(databaseOf(bench));
  try {
    const database = bench.dbLabel;
    const first = await edition.send();
    verify(first.status, first.body, dataset);
    const statements = await statementsPerRequest(bench.orm, edition.send);
    const rawFirst = await post(raw.port, '/graphql', edition.request, edition.headers);
    if (!rawFirst.body.equals(first.body)) {
      throw new Error(
        `The raw-SQL server answers other bytes than GraphQL (${rawFirst.body.length} against ${first.body.length}); fix it before measuring.`,
      );
    }

    const results = [];
    for (const concurrency of CONNECTIONS) {
      const load = {
        path: '/graphql',
        body: edition.request,
        headers: edition.headers,
        concurrency,
        warmupMs,
        durationMs,
        expectedBytes: first.body.length,
      };
      const graphql = await runLoadInWorker({ ...load, port: bench.port });
      const baseline = await runLoadInWorker({ ...load, port: raw.port });
      results.push({ concurrency, graphql, baseline });
    }

    console.log(
      `\nEdition with agenda (${database}): node ${process.version}, ${cpus().length} CPU(s),` +
        ` ${warmupMs / 1000}s warm-up + ${durationMs / 1000}s measured per target, load generator in a worker thread\n`,
    );
    console.log(
      table([
        ['target', 'connections', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'],
        ...results.flatMap(({ concurrency, graphql, baseline }) => [
          row(`GraphQL (Nest + Apollo + MikroORM, ${database})`, concurrency, graphql),
          row('raw SQL on node:http, same statements and bytes', concurrency, baseline),
        ]),
      ]),
    );
    console.log(
      `Dataset: ${dataset.sessions} sessions over ${REALISTIC_SIZE.days} days (${dataset.speakers} speakers), ` +
        `${dataset.registrations} registrations, ${dataset.workingGroups} working groups; ` +
        `answer ${first.body.length} bytes; ${statements} SQL statements per request ` +
        `(${doubleStatements} on an edition twice the size)`,
    );
    const failed = results.reduce((n, r) => n + r.graphql.errors + r.baseline.errors, 0);
    if (failed > 0) throw new Error(`${failed} edition request(s) failed or answered differently.`);

    const work = 'edition with agenda';
    const sixteen = results.find((r) => r.concurrency === 16)!;
    return [
      ...results.map(
        ({ concurrency, graphql, baseline }): Figure => ({
          work: `${work}, ${concurrency} connection${concurrency === 1 ? '' : 's'}`,
          database,
          unit: 'req/s',
          value: graphql.requestsPerSecond,
          baseline: { name: 'raw SQL on node:http', value: baseline.requestsPerSecond },
          goal: { kind: 'ratio-at-least', target: 0.5 },
        }),
      ),
      {
        work: `${work}, 16 connections`,
        database,
        unit: 'p99 ms',
        value: sixteen.graphql.p99Ms,
        goal: { kind: 'at-most', target: 250 },
      },
      { work: `${work}, SQL per request`, database, unit: 'statements', value: statements },
      {
        // The count must not grow with the edition.
        work: `${work}, SQL per request, edition twice the size`,
        database,
        unit: 'statements',
        value: doubleStatements,
        goal: { kind: 'at-most', target: statements },
      },
    ];
  } finally {
    await raw.close();
    await bench.close();
  }
}
