import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { Language, Organization, OrganizationType, Person } from '@platform/directory';
import {
  Certificate,
  CertificateContent,
  CertificateSettings,
  fontFiles,
  renderCertificate,
} from '@platform/documents';
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
import { BENCH_ADMIN, BenchApp, startBenchApp, table } from './bench-app';
import { post } from './http-load';

/**
 * A bulk run of 1,000 training-completion certificates into one ZIP, through the API as
 * a trainer would do it (issueCertificates, poll documentJob, GET the ZIP), against a
 * naive pdfkit loop over the same 1,000 certificates: fonts parsed per document, every
 * PDF kept in memory, then zipped in memory. Seconds and peak memory of each, same run.
 */

export const BULK_CERTIFICATES = 1000;

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
      trainingEvent: event,
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

/** Peak of live memory (JS heap + buffers) above what was live when it started, in MB. */
function memoryWatch() {
  const live = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  (global as { gc?: () => void }).gc?.();
  const start = live();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, live())), 5);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, live());
      return (peak - start) / 1024 / 1024;
    },
  };
}

async function graphql(bench: BenchApp, query: string, variables: object) {
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

export async function benchCertificateZip(): Promise<string> {
  let bench: BenchApp | undefined;
  const dir = await mkdtemp(join(tmpdir(), 'certificate-zip-'));
  try {
    bench = await startBenchApp();
    const eventId = await seed(bench.orm.em.fork());

    // Through the API: issue (one transaction), render in the background job, stream the ZIP.
    const platformZip = join(dir, 'platform.zip');
    const memory = memoryWatch();
    const start = process.hrtime.bigint();
    const { issueCertificates: job } = await graphql(
      bench,
      'mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id issued } }',
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId } },
    );
    if (job.issued !== BULK_CERTIFICATES) throw new Error(`issued ${job.issued}`);
    const issuedMs = Number(process.hrtime.bigint() - start) / 1e6;
    for (;;) {
      const { documentJob } = await graphql(
        bench,
        'query($id: ID!) { documentJob(id: $id) { status } }',
        {
          id: job.id,
        },
      );
      if (documentJob.status === 'DONE') break;
      if (documentJob.status === 'FAILED') throw new Error('the document job failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const renderedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const zipMemory = memoryWatch();
    await download(
      bench.port,
      `/documents/training-events/${eventId}/certificates.zip`,
      bench.adminToken,
      platformZip,
    );
    const platformMs = Number(process.hrtime.bigint() - start) / 1e6;
    const zipPeak = zipMemory.stop();
    const platformPeak = memory.stop();
    const zipMs = platformMs - renderedMs;

    // The naive baseline, on the very same certificate contents.
    const contents = (
      await bench.orm.em
        .fork()
        .find(Certificate, { trainingEvent: eventId }, { orderBy: { serial: 'asc' } })
    ).map((certificate) => certificate.content);
    const naiveZip = join(dir, 'naive.zip');
    const naiveMemory = memoryWatch();
    const naiveStart = process.hrtime.bigint();
    await naive(contents, naiveZip);
    const naiveMs = Number(process.hrtime.bigint() - naiveStart) / 1e6;
    const naivePeak = naiveMemory.stop();

    for (const file of [platformZip, naiveZip]) {
      const entries = await countEntries(file);
      if (entries !== BULK_CERTIFICATES) throw new Error(`${file} has ${entries} entries`);
    }
    const mb = async (file: string) => ((await stat(file)).size / 1024 / 1024).toFixed(1);
    const s = (ms: number) => (ms / 1000).toFixed(1);
    return [
      `Bulk run of ${BULK_CERTIFICATES} bilingual training certificates into one ZIP (${bench.dbLabel}):`,
      '',
      table([
        ['target', 'seconds', 'certificates/s', 'peak live memory (MB)', 'ZIP (MB)'],
        [
          'API: issue, background job, streamed ZIP',
          s(platformMs),
          (BULK_CERTIFICATES / (platformMs / 1000)).toFixed(0),
          platformPeak.toFixed(0),
          await mb(platformZip),
        ],
        [
          'naive pdfkit loop, all PDFs in memory',
          s(naiveMs),
          (BULK_CERTIFICATES / (naiveMs / 1000)).toFixed(0),
          naivePeak.toFixed(0),
          await mb(naiveZip),
        ],
      ]),
      '',
      `API run: issue ${s(issuedMs)} s, render and store ${s(renderedMs - issuedMs)} s, ` +
        `ZIP download ${s(zipMs)} s with ${zipPeak.toFixed(0)} MB peak live memory; ` +
        `${(naiveMs / platformMs).toFixed(1)}x faster than the naive loop.`,
    ].join('\n');
  } finally {
    await bench?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
