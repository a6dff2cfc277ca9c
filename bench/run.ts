import { cpus } from 'node:os';
import { MikroORM } from '@mikro-orm/core';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import { startBareServer } from './bare-server';
import { benchIndicators } from './indicators';
import { BenchApp, startBenchApp, table } from './bench-app';
import { LoadResult, post, runLoadInWorker } from './http-load';
import { REALISTIC_SIZE, RealisticEdition, seedRealisticEdition } from './realistic-edition';
import { benchRosterImport } from './roster-import';
import { benchCertificates } from './certificates';
import { benchCertificateZip } from './certificate-zip';
import { benchMail } from './mail';

/**
 * `npm run bench`: requests per second and p50/p99 latency of the "edition with
 * agenda" GraphQL query on a realistic edition, against a bare node:http server
 * answering the same JSON, measured in the same run with the same load generator.
 */

// The organizer's view of an edition: the programme with speakers and their
// organizations, the partners and the working groups with their members.
const EDITION_WITH_AGENDA = `query EditionWithAgenda($id: ID!) {
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

interface Settings {
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  return {
    seconds: number('BENCH_SECONDS', 8, 1, 60),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 2, 0, 30),
    concurrency: Math.round(number('BENCH_CONCURRENCY', 16, 1, 256)),
  };
}

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

/** Counts the SQL statements the database receives while `work` runs. */
async function countStatements<T>(
  orm: MikroORM,
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
  let statements = 0;
  const listener = () => statements++;
  knex.on('query', listener);
  try {
    return { result: await work(), statements };
  } finally {
    knex.off('query', listener);
  }
}

const row = (target: string, r: LoadResult) => [
  target,
  String(r.requests),
  String(r.errors),
  r.requestsPerSecond.toFixed(r.requestsPerSecond < 100 ? 1 : 0),
  r.p50Ms.toFixed(2),
  r.p99Ms.toFixed(2),
];

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  let bench: BenchApp | undefined;
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    bench = await startBenchApp(process.env.BENCH_DATABASE_URL?.trim() || undefined);
    const { orm, port, dbLabel } = bench;

    const seedStart = Date.now();
    const dataset = await seedRealisticEdition(orm.em.fork());
    const seedMs = Date.now() - seedStart;

    // Sent as the admin: the token is checked on every request, as for a real client.
    const headers = { authorization: `Bearer ${bench.adminToken}` };
    const request = JSON.stringify({
      query: EDITION_WITH_AGENDA,
      variables: { id: dataset.editionId },
    });

    // One request on its own: check the answer, count its SQL and keep its exact JSON for the baseline.
    const { result: first, statements } = await countStatements(orm, () =>
      post(port, '/graphql', request, headers),
    );
    verify(first.status, first.body, dataset);
    bare = await startBareServer(first.body);

    const load = {
      path: '/graphql',
      body: request,
      headers,
      concurrency: settings.concurrency,
      warmupMs: settings.warmupSeconds * 1000,
      durationMs: settings.seconds * 1000,
      expectedBytes: first.body.length,
    };
    const graphql = await runLoadInWorker({ ...load, port });
    const baseline = await runLoadInWorker({ ...load, port: bare.port });

    console.log(
      `\nnpm run bench: node ${process.version}, ${cpus().length} CPU(s), ${settings.concurrency} keep-alive connections,` +
        ` ${settings.warmupSeconds}s warm-up + ${settings.seconds}s measured per target, load generator in a worker thread\n`,
    );
    console.log(
      table([
        ['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'],
        row(`GraphQL edition with agenda (Nest + Apollo + MikroORM, ${dbLabel})`, graphql),
        row('bare node:http, same JSON', baseline),
      ]),
    );
    const ratio = graphql.requestsPerSecond / baseline.requestsPerSecond;
    console.log(
      `\nGraphQL / bare ratio: ${ratio.toPrecision(2)}x of the bare req/s (the bare server is ${(1 / ratio).toFixed(1)}x faster)`,
    );
    console.log(
      `Dataset: ${dataset.sessions} sessions over ${REALISTIC_SIZE.days} days (${dataset.speakers} speakers), ` +
        `${dataset.registrations} registrations (${dataset.people} people, ${dataset.checkIns} check-ins), ` +
        `${dataset.organizations} organizations, ${dataset.workingGroups} working groups; seeded in ${seedMs} ms`,
    );
    console.log(
      `Response: ${first.body.length} bytes of JSON, as the admin (organizer view, with working group members)`,
    );
    console.log(
      `SQL statements per GraphQL request: ${statements} (including the bearer token lookup)`,
    );

    console.log(`\n${await benchIndicators()}`);

    const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
    console.log(await benchRosterImport({ quick: false, databaseUrl }));

    await benchCertificates();
    console.log(`\n${await benchCertificateZip()}`);
    console.log(await benchMail({ quick: false, databaseUrl }));

    if (graphql.errors + baseline.errors > 0) {
      console.error(
        `\n${graphql.errors + baseline.errors} request(s) failed or answered differently; the figures are not trustworthy.`,
      );
      return 1;
    }
    return 0;
  } finally {
    await bare?.close();
    await bench?.close();
  }
}

// A hard bound on the whole run, whatever happens.
setTimeout(() => {
  console.error('npm run bench: gave up after 10 minutes');
  process.exit(1);
}, 10 * 60_000).unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
