import { fork } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { Language, Organization, OrganizationType, Person } from '@platform/directory';
import { Certificate, CertificateContent, CertificateSettings } from '@platform/documents';
import { EventKind, ormOptions } from '@platform/core';
import {
  AttendanceMark,
  AttendanceStatus,
  Enrollment,
  ProgrammeFunder,
  TrainingEvent,
  TrainingProgramme,
} from '@platform/trainings';
import { open as openZip } from 'yauzl';
import { ZipFile } from 'yazl';
import { fontFiles } from '../libs/documents/src/rendering/fonts';
import { renderCertificate } from '../libs/documents/src/rendering/certificate.template';
import { allEntities } from '../apps/api/src/entities';
import { adminToken, BENCH_ADMIN, table } from './bench-app';
import { createBenchDatabase, databaseLabel } from './bench-database';
import { BenchOptions, Figure } from './figures';
import { percentile, post } from './http-load';
import { cpuMs, ensureBuilt, rssMb, Server, startServer } from './startup';

/**
 * A bulk run of 1,000 training-completion certificates into one ZIP, through the API as
 * a trainer would do it (issueCertificates, poll documentJob, GET the ZIP), while another
 * process sends a trivial query again and again: the job's seconds, the server's peak RSS
 * (render threads included) and the query's p99. The server is the built one (`npm start`)
 * in its own process, so its RSS is its own; the bench seeds the same database beside it. Baseline: a naive pdfkit loop over the
 * same certificates (fonts parsed per document, every PDF kept in memory, zipped in memory).
 */

const BULK_CERTIFICATES = 1000;
/** The naive loop is only the baseline's rate: --quick renders fewer. */
const NAIVE_CERTIFICATES = { full: BULK_CERTIFICATES, quick: 100 };
const TRIVIAL_QUERY = '{ __typename }';

const NAMES = [
  'Rahimov Alisher',
  'Gʻulomov Oʻtkir',
  'Qodirova Dilnoza',
  'Рахимов Азиз',
  'Юсупова Малика',
];

async function seed(em: EntityManager): Promise<string> {
  return em.transactional(async (tx) => {
    const admin = await tx.findOneOrFail(User, { email: BENCH_ADMIN.email });
    const mia = tx.create(Organization, {
      name: 'Ministry of Internal Affairs of the Republic of Uzbekistan',
      type: OrganizationType.GOVERNMENT,
      country: 'UZ',
    });
    const inl = tx.create(Organization, {
      name: 'Bureau of International Narcotics and Law Enforcement Affairs',
      type: OrganizationType.DONOR,
      country: 'US',
    });
    const programme = tx.create(TrainingProgramme, {
      title: 'Investigating trafficking in persons',
      owner: mia,
    });
    tx.create(ProgrammeFunder, { programme, organization: inl });
    const event = tx.create(TrainingEvent, {
      programme,
      title: 'Victim-centred investigations: Samarkand region',
      country: 'UZ',
      region: 'Samarkand region',
      city: 'Samarkand',
      startDate: '2023-03-14',
      endDate: '2023-03-15',
      dayCount: 2,
      language: Language.RU,
    });
    tx.create(CertificateSettings, {
      eventKind: EventKind.TRAINING_EVENT,
      eventId: event.id,
      serialPrefix: 'LET',
      secondLanguage: Language.EN,
      hours: 16,
      signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
    });
    for (let i = 0; i < BULK_CERTIFICATES; i++) {
      const person = tx.create(Person, {
        fullName: `${NAMES[i % NAMES.length]} ${i + 1}`,
        country: 'UZ',
        organization: mia,
        language: [Language.RU, Language.UZ][i % 2],
      });
      const enrollment = tx.create(Enrollment, { event, person });
      for (const day of event.days)
        tx.create(AttendanceMark, {
          enrollment,
          day,
          status: AttendanceStatus.PRESENT,
          markedBy: admin,
        });
    }
    return event.id;
  });
}

/**
 * The server's peak resident memory while it runs, threads included, sampled every 5 ms,
 * in MB: `phase` gives the peak since the last phase ended, `stop` the overall peak.
 */
function rssWatch(pid: number) {
  let peak = rssMb(pid);
  let phasePeak = peak;
  const timer = setInterval(() => {
    const rss = rssMb(pid);
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  }, 5);
  return {
    phase: () => {
      const ended = Math.max(phasePeak, rssMb(pid));
      phasePeak = 0;
      return ended;
    },
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

/** Each thread's CPU so far, in ms, by thread id. */
function threadsCpuMs(pid: number): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) {
    try {
      cpu.set(tid, cpuMs(pid, tid));
    } catch {
      // the thread exited meanwhile: its CPU is in the process's total
    }
  }
  return cpu;
}

/**
 * Where the server's CPU went from now until `stop`, by thread. Every thread is named
 * "node", so they are told apart by when they started: the main thread is the pid, the
 * render threads start on demand during the job, V8's helper threads (GC, JIT) and libuv's
 * pool were there before. Threads that exited during the job count as "exited".
 */
function threadCpuWatch(pid: number) {
  const allBefore = cpuMs(pid);
  const before = threadsCpuMs(pid);
  return {
    stop: () => {
      const all = cpuMs(pid) - allBefore;
      const split = { main: 0, render: 0, helpers: 0, exited: 0 };
      for (const [tid, ms] of threadsCpuMs(pid)) {
        const spent = ms - (before.get(tid) ?? 0);
        if (tid === pid) split.main = spent;
        else if (before.has(tid)) split.helpers += spent;
        else split.render += spent;
      }
      split.exited = Math.max(0, all - split.main - split.render - split.helpers);
      return split;
    },
  };
}

/** Where the API answers, with BENCH_ADMIN's token. */
interface Api {
  port: number;
  adminToken: string;
}

/** The trivial query sent by another process (query-load.ts) until `stop`: its latencies. */
async function trivialQueryLoad(bench: Api) {
  const child = fork(
    join(__dirname, 'query-load.ts'),
    [
      JSON.stringify({
        port: bench.port,
        body: JSON.stringify({ query: TRIVIAL_QUERY }),
        token: bench.adminToken,
      }),
    ],
    { execArgv: ['--require', require.resolve('@swc-node/register')] },
  );
  const result = new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
    child.on('message', (message) => message !== 'started' && resolve(message as never));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the query load exited with ${code}`)));
  });
  await new Promise((resolve) => child.once('message', resolve));
  return {
    stop: async () => {
      child.send('stop');
      const { latencies, errors } = await result;
      if (errors) throw new Error(`${errors} trivial queries failed`);
      const sorted = Float64Array.from(latencies).sort();
      return {
        count: sorted.length,
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        max: sorted[sorted.length - 1],
      };
    },
  };
}

async function graphql(bench: Api, query: string, variables: object) {
  const res = await post(bench.port, '/graphql', JSON.stringify({ query, variables }), {
    authorization: `Bearer ${bench.adminToken}`,
  });
  const answer = JSON.parse(res.body.toString('utf8'));
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

function download(port: number, path: string, token: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(
      { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode}`));
        pipeline(res, createWriteStream(file)).then(resolve, reject);
      },
    )
      .on('error', reject)
      .end();
  });
}

function countEntries(file: string): Promise<number> {
  return new Promise((resolve, reject) =>
    openZip(file, { lazyEntries: false, autoClose: true }, (error, zip) =>
      error ? reject(error) : resolve(zip.entryCount),
    ),
  );
}

async function naive(contents: CertificateContent[], file: string): Promise<void> {
  const pdfs: Buffer[] = [];
  for (const content of contents)
    pdfs.push(await renderCertificate(content, { fonts: fontFiles() }));
  const zip = new ZipFile();
  pdfs.forEach((pdf, i) => zip.addBuffer(pdf, `${contents[i].serial}.pdf`));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await pipeline([Buffer.concat(chunks)], createWriteStream(file));
}

export async function benchCertificateZip(options: BenchOptions): Promise<Figure[]> {
  ensureBuilt();
  const database = databaseLabel(options.databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), 'certificate-zip-'));
  const db = await createBenchDatabase(options.databaseUrl);
  let server: Server | undefined;
  let orm: MikroORM | undefined;
  try {
    server = await startServer(db, {
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
    });
    const bench: Api = { port: server.port, adminToken: await adminToken(server.port) };
    // The server has migrated the database: the bench seeds it through an ORM of its own.
    orm = await MikroORM.init(ormOptions({ kind: db.kind, url: db.url }, allEntities));
    const eventId = await seed(orm.em.fork());

    // Through the API: issue (one transaction), render in the background job, stream the ZIP.
    const platformZip = join(dir, 'platform.zip');
    const load = await trivialQueryLoad(bench);
    const idleRss = rssMb(server.pid);
    const memory = rssWatch(server.pid);
    // CPU rather than seconds tells on a shared machine where the job's work goes.
    const cpu = threadCpuWatch(server.pid);
    const start = process.hrtime.bigint();
    const { issueCertificates: job } = await graphql(
      bench,
      'mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id issued } }',
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId } },
    );
    if (job.issued !== BULK_CERTIFICATES) throw new Error(`issued ${job.issued}`);
    const issuedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const issuedRss = memory.phase();
    for (;;) {
      const { documentJob } = await graphql(
        bench,
        'query($id: ID!) { documentJob(id: $id) { status } }',
        { id: job.id },
      );
      if (documentJob.status === 'DONE') break;
      if (documentJob.status === 'FAILED') throw new Error('the document job failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const renderedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const renderedRss = memory.phase();
    await download(
      bench.port,
      `/documents/training-events/${eventId}/certificates.zip`,
      bench.adminToken,
      platformZip,
    );
    const platformMs = Number(process.hrtime.bigint() - start) / 1e6;
    const zipRss = memory.phase();
    const peakRss = memory.stop();
    const threads = cpu.stop();
    const query = await load.stop();

    // The naive baseline, on the same certificate contents.
    const naiveCount = options.quick ? NAIVE_CERTIFICATES.quick : NAIVE_CERTIFICATES.full;
    const contents = (
      await orm.em
        .fork()
        .find(Certificate, { eventId }, { orderBy: { serial: 'asc' }, limit: naiveCount })
    ).map((certificate) => certificate.content);
    const naiveZip = join(dir, 'naive.zip');
    const naiveStart = process.hrtime.bigint();
    await naive(contents, naiveZip);
    const naiveMs = Number(process.hrtime.bigint() - naiveStart) / 1e6;

    if ((await countEntries(platformZip)) !== BULK_CERTIFICATES)
      throw new Error(`the API's ZIP does not hold ${BULK_CERTIFICATES} certificates`);
    if ((await countEntries(naiveZip)) !== naiveCount)
      throw new Error(`the naive ZIP does not hold ${naiveCount} certificates`);
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const platformRate = BULK_CERTIFICATES / (platformMs / 1000);
    const naiveRate = naiveCount / (naiveMs / 1000);
    console.log(
      [
        `\nBulk run of ${BULK_CERTIFICATES} bilingual training certificates into one ZIP (${database}):\n`,
        table([
          ['target', 'certificates', 'seconds', 'certificates/s', 'ZIP (MB)'],
          [
            'API: issue, render threads, streamed ZIP',
            String(BULK_CERTIFICATES),
            s(platformMs),
            platformRate.toFixed(0),
            ((await stat(platformZip)).size / 1024 / 1024).toFixed(1),
          ],
          [
            'naive pdfkit loop, all PDFs in memory',
            String(naiveCount),
            s(naiveMs),
            naiveRate.toFixed(0),
            ((await stat(naiveZip)).size / 1024 / 1024).toFixed(1),
          ],
        ]),
        `\nAPI run: issue ${s(issuedMs)} s, render and store ${s(renderedMs - issuedMs)} s, ` +
          `ZIP download ${s(platformMs - renderedMs)} s; server CPU ${s(threads.main)} s in its ` +
          `main thread, ${s(threads.render)} s in render threads, ${s(threads.helpers)} s in ` +
          `V8 helper (GC, JIT) and I/O threads, ${s(threads.exited)} s in threads that exited; ` +
          `RSS ${idleRss.toFixed(0)} MB before, ` +
          `${peakRss.toFixed(0)} MB at the peak (issue ${issuedRss.toFixed(0)}, render and store ` +
          `${renderedRss.toFixed(0)}, ZIP ${zipRss.toFixed(0)}). ${TRIVIAL_QUERY} meanwhile: ${query.count} answers, ` +
          `p50 ${query.p50.toFixed(1)} ms, p99 ${query.p99.toFixed(1)} ms, max ${query.max.toFixed(1)} ms.`,
      ].join('\n'),
    );
    const work = `${BULK_CERTIFICATES} certificates issued, rendered, zipped`;
    return [
      { work, database, unit: 's', value: platformMs / 1000, goal: { kind: 'at-most', target: 5 } },
      {
        work,
        database,
        unit: 'peak RSS MB',
        value: peakRss,
        goal: { kind: 'at-most', target: 250 },
      },
      {
        work: `${TRIVIAL_QUERY} during the ${BULK_CERTIFICATES}-certificate job`,
        database,
        unit: 'p99 ms',
        value: query.p99,
        goal: { kind: 'at-most', target: 50 },
      },
      {
        work,
        database,
        unit: 'certificates/s',
        value: platformRate,
        baseline: { name: 'naive pdfkit loop, one thread', value: naiveRate },
      },
    ];
  } finally {
    await orm?.close();
    await server?.stop();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
