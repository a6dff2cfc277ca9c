import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { EventKind, loadConfig } from '@platform/core';
import { Language, Organization, OrganizationType, Person } from '@platform/directory';
import {
  Certificate,
  CertificateContent,
  CertificateFiles,
  CertificateKind,
  certificateIssuedMail,
} from '@platform/documents';
import { MailWorker, Outbox, OutboxMessage, OutboxState } from '@platform/mail';
import { TrainingEvent, TrainingProgramme } from '@platform/trainings';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../apps/api/src/bootstrap';
import { renderCertificate } from '../libs/documents/src/rendering/certificate.template';
import { table } from './bench-app';
import { createBenchDatabase } from './bench-database';
import { BenchOptions, DatabaseLabel, Figure } from './figures';

/**
 * Mail throughput: 1,000 personalised CERTIFICATE_ISSUED messages, each with the
 * holder's certificate PDF attached, queued with Outbox.enqueue and delivered by the
 * MailWorker (claim, load the PDF from the database, send over the pooled transport,
 * mark SENT) to an in-process SMTP server, against a bare nodemailer loop sending the
 * same 1,000 messages with the same PDF bytes, same pool size, same server, no database.
 */

export const MAIL_MESSAGES = 1000;
/** --quick: fewer messages (and certificates to render first), the same ratio to its own baseline. */
const QUICK_MAIL_MESSAGES = 300;
const POOL_SIZE = 5;
// The mail config caps MAIL_RATE_PER_SECOND at 10,000: far above what is reached here,
// so the transport's rate limit never delays a message (production default is 20).
const RATE_PER_SECOND = 10_000;
// The subject of CERTIFICATE_ISSUED is the event title: several events give several subjects.
const EVENTS = 10;
const SAMPLES = 5;
const FROM = 'Training centre <certificates@example.org>';

const NAMES = [
  'Rahimov Alisher',
  'Gʻulomov Oʻtkir',
  'Qodirova Dilnoza',
  'Рахимов Азиз',
  'Юсупова Малика',
  'Karimova Nodira',
  'Эргашев Шерзод',
];
const LANGUAGES = [Language.RU, Language.UZ, Language.EN];

/** Counts what arrives, parses nothing; keeps the raw bytes of a few messages to check. */
class CountingSmtpServer {
  received = 0;
  bytes = 0;
  samples: Buffer[] = [];
  private sampleAt = new Set<number>();
  private readonly server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      const index = this.received++;
      const keep = this.sampleAt.has(index);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        this.bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (keep) this.samples.push(Buffer.concat(chunks));
        callback();
      });
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Starts counting a new run; keeps messages number 0, n/5, 2n/5… of it. */
  reset(expected: number): void {
    this.received = 0;
    this.bytes = 0;
    this.samples = [];
    this.sampleAt = new Set(
      Array.from({ length: SAMPLES }, (_, i) => Math.floor((i * expected) / SAMPLES)),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Holder {
  certificateId: string;
  name: string;
  email: string;
  serial: string;
  eventTitle: string;
  fileName: string;
  pdf: Buffer;
}

/** 1,000 trainees of 10 events, each with a stored certificate PDF (seeding, not measured). */
async function seed(em: EntityManager, messages: number): Promise<void> {
  await em.transactional(async (tx) => {
    const mia = tx.create(Organization, {
      name: 'Ministry of Internal Affairs of the Republic of Uzbekistan',
      type: OrganizationType.GOVERNMENT,
      country: 'UZ',
    });
    const programme = tx.create(TrainingProgramme, {
      title: 'Investigating trafficking in persons',
      owner: mia,
    });
    const regions = ['Samarkand', 'Bukhara', 'Namangan', 'Fergana', 'Andijan'];
    const events = Array.from({ length: EVENTS }, (_, e) =>
      tx.create(TrainingEvent, {
        programme,
        title: `Victim-centred investigations: ${regions[e % regions.length]} region, group ${e + 1}`,
        country: 'UZ',
        region: `${regions[e % regions.length]} region`,
        city: regions[e % regions.length],
        startDate: '2023-03-14',
        endDate: '2023-03-15',
        dayCount: 2,
        language: Language.RU,
      }),
    );
    for (let i = 0; i < messages; i++) {
      const event = events[i % EVENTS];
      const language = LANGUAGES[i % LANGUAGES.length];
      const person = tx.create(Person, {
        fullName: `${NAMES[i % NAMES.length]} ${i + 1}`,
        email: `trainee${i + 1}@example.uz`,
        country: 'UZ',
        organization: mia,
        language,
      });
      const code = randomBytes(16).toString('hex');
      const serial = `LET-2023-${String(i + 1).padStart(6, '0')}`;
      const languages = language === Language.EN ? [language] : [language, Language.EN];
      const content: CertificateContent = {
        kind: CertificateKind.TRAINING_COMPLETION,
        languages,
        serial,
        verificationCode: code,
        verificationUrl: `https://platform.example.org/verify/${code}`,
        holderName: person.fullName,
        holderOrganization: mia.name,
        eventTitle: event.title,
        startDate: event.startDate,
        endDate: event.endDate,
        city: event.city,
        countryCode: 'UZ',
        hours: 16,
        days: 2,
        issuers: [mia.name],
        signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
        issuedOn: '2023-03-15',
      };
      tx.create(Certificate, {
        kind: CertificateKind.TRAINING_COMPLETION,
        person,
        eventKind: EventKind.TRAINING_EVENT,
        eventId: event.id,
        serial,
        verificationCode: code,
        currentKey: `TRAINING_COMPLETION:${event.id}:${person.id}`,
        languages,
        content,
        pdf: await renderCertificate(content),
      });
    }
  });
}

/** Queues one CERTIFICATE_ISSUED message per certificate, with CertificateIssuer's builder. */
async function enqueueAll(em: EntityManager, outbox: Outbox): Promise<void> {
  const certificates = await em.find(Certificate, {}, { populate: ['person'] });
  await em.transactional(async (tx) => {
    for (const certificate of certificates) {
      const person = certificate.person.getEntity();
      await outbox.enqueue(tx, certificateIssuedMail(certificate, person.email));
    }
  });
}

/** Parses the kept samples and checks each against what was meant for its recipient. */
async function verifySamples(
  label: string,
  samples: Buffer[],
  expected: (messageId: string) => { message: OutboxMessage; holder: Holder } | undefined,
): Promise<void> {
  if (samples.length !== SAMPLES)
    throw new Error(`${label}: kept ${samples.length} samples, not ${SAMPLES}`);
  for (const raw of samples) {
    const parsed = await simpleParser(raw);
    const found = parsed.messageId ? expected(parsed.messageId) : undefined;
    if (!found) throw new Error(`${label}: unknown Message-ID ${parsed.messageId}`);
    const { message, holder } = found;
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    const attachment = parsed.attachments[0];
    const problems = [
      parsed.subject !== message.subject && `subject "${parsed.subject}"`,
      !message.subject.includes(holder.eventTitle) && `subject without the event title`,
      to?.value[0]?.address !== holder.email && `to ${to?.text}`,
      to?.value[0]?.name !== holder.name && `to name ${to?.value[0]?.name}`,
      !parsed.text?.includes(holder.name) && 'text without the holder name',
      !parsed.text?.includes(holder.serial) && 'text without the serial',
      !(typeof parsed.html === 'string' && parsed.html.includes(holder.serial)) &&
        'html without the serial',
      parsed.attachments.length !== 1 && `${parsed.attachments.length} attachments`,
      attachment?.contentType !== 'application/pdf' && `attachment ${attachment?.contentType}`,
      attachment?.filename !== holder.fileName && `attachment named ${attachment?.filename}`,
      !attachment?.content.equals(holder.pdf) && 'attachment bytes differ from the stored PDF',
    ].filter(Boolean);
    if (problems.length)
      throw new Error(`${label}: ${parsed.messageId} arrived wrong: ${problems.join('; ')}`);
  }
}

/** Every queued message speaks to its own holder, about their own certificate and event. */
function checkPersonalised(messages: OutboxMessage[], holders: Map<string, Holder>): number {
  for (const message of messages) {
    const holder = holders.get(message.attachments[0]?.id ?? '');
    if (
      !holder ||
      message.toEmail !== holder.email ||
      message.toName !== holder.name ||
      !message.subject.includes(holder.eventTitle) ||
      !message.text.includes(holder.name) ||
      !message.text.includes(holder.serial)
    )
      throw new Error(`Message ${message.id} is not personalised for its certificate`);
  }
  return new Set(messages.map((message) => message.subject)).size;
}

async function startMailApp(smtpPort: number, databaseUrl: string | undefined) {
  const database = await createBenchDatabase(databaseUrl);
  let app: INestApplication | undefined;
  try {
    app = await createApp(
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.url,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
        MAIL_FROM: FROM,
        // The bench decides when the worker runs.
        MAIL_WORKER: 'off',
        MAIL_POOL_SIZE: String(POOL_SIZE),
        MAIL_RATE_PER_SECOND: String(RATE_PER_SECOND),
      }),
      { logger: false },
    );
    // Module hooks: the documents register the CERTIFICATE attachment source here.
    await app.init();
    const started = app;
    const dbLabel: DatabaseLabel = database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    return {
      app,
      dbLabel,
      close: async () => {
        await started.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
}

export async function benchMail(options: BenchOptions): Promise<Figure[]> {
  const size = options.quick ? QUICK_MAIL_MESSAGES : MAIL_MESSAGES;
  const smtp = new CountingSmtpServer();
  const smtpPort = await smtp.listen();
  let bench: Awaited<ReturnType<typeof startMailApp>> | undefined;
  try {
    bench = await startMailApp(smtpPort, options.databaseUrl);
    const { app, dbLabel } = bench;
    const orm = app.get(MikroORM);
    await seed(orm.em.fork(), size);

    // 1. Queue (one transaction, as a bulk issue does), then let the worker deliver.
    const queueStart = process.hrtime.bigint();
    await enqueueAll(orm.em.fork(), app.get(Outbox));
    const queueMs = Number(process.hrtime.bigint() - queueStart) / 1e6;
    if ((await orm.em.fork().count(OutboxMessage, { state: OutboxState.QUEUED })) !== size)
      throw new Error('Not every message was queued.');

    const worker = app.get(MailWorker);
    smtp.reset(size);
    (global as { gc?: () => void }).gc?.();
    const outboxStart = process.hrtime.bigint();
    let rounds = 0;
    while ((await worker.drainOnce()) > 0) rounds++;
    const outboxMs = Number(process.hrtime.bigint() - outboxStart) / 1e6;
    const outboxReceived = smtp.received;
    const outboxBytes = smtp.bytes;
    const outboxSamples = smtp.samples;

    const em = orm.em.fork();
    const messages = await em.find(OutboxMessage, {}, { orderBy: { idempotencyKey: 'asc' } });
    const certificates = await em.find(
      Certificate,
      {},
      { populate: ['pdf', 'person'], orderBy: { serial: 'asc' } },
    );
    const holders = new Map<string, Holder>(
      certificates.map((certificate) => [
        certificate.id,
        {
          certificateId: certificate.id,
          name: certificate.holderName,
          email: certificate.person.getEntity().email!,
          serial: certificate.serial,
          eventTitle: certificate.eventTitle,
          fileName: CertificateFiles.fileName(certificate),
          pdf: certificate.pdf!,
        },
      ]),
    );
    const sent = messages.filter((m) => m.state === OutboxState.SENT && m.attempts === 1);
    if (outboxReceived !== size || sent.length !== size)
      throw new Error(
        `Outbox: the server got ${outboxReceived} messages; ${sent.length} of ${messages.length} ` +
          `are SENT at the first attempt (${messages.find((m) => m.lastError)?.lastError ?? ''})`,
      );
    const byMessageId = new Map(
      messages.map((message) => [
        message.messageId,
        { message, holder: holders.get(message.attachments[0].id)! },
      ]),
    );
    const subjects = checkPersonalised(messages, holders);
    await verifySamples('Outbox', outboxSamples, (id) => byMessageId.get(id));

    // 2. The same messages and PDF bytes, straight to a pooled nodemailer transport.
    const bare = messages.map((message, i) => ({
      message,
      holder: holders.get(message.attachments[0].id)!,
      messageId: `<bare-${i}@bench>`,
    }));
    const bareById = new Map(bare.map((entry) => [entry.messageId, entry]));
    smtp.reset(size);
    (global as { gc?: () => void }).gc?.();
    const bareStart = process.hrtime.bigint();
    const transporter = createTransport({
      pool: true,
      maxConnections: POOL_SIZE,
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await Promise.all(
        bare.map(({ message, holder, messageId }) =>
          transporter.sendMail({
            from: FROM,
            to: { name: message.toName, address: message.toEmail },
            subject: message.subject,
            text: message.text,
            html: message.html,
            messageId,
            headers: { 'X-Idempotency-Key': message.idempotencyKey },
            attachments: [
              { filename: holder.fileName, content: holder.pdf, contentType: 'application/pdf' },
            ],
          }),
        ),
      );
    } finally {
      transporter.close();
    }
    const bareMs = Number(process.hrtime.bigint() - bareStart) / 1e6;
    if (smtp.received !== size) throw new Error(`Bare: the server got ${smtp.received} messages`);
    await verifySamples('Bare', smtp.samples, (id) => bareById.get(id));

    const rate = (ms: number) => (size * 1000) / ms;
    const perSecond = (ms: number) => rate(ms).toFixed(0);
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      [
        `Mail: ${size} personalised certificate messages, each with its holder's PDF ` +
          `attached (${(outboxBytes / size / 1024).toFixed(0)} KB on the wire), ` +
          `to an in-process SMTP server (${dbLabel}):`,
        '',
        table([
          ['target', 'messages', 'seconds', 'messages/s'],
          [
            `MailWorker: outbox → SMTP (claim, load PDF, send, mark SENT; ${dbLabel})`,
            String(size),
            s(outboxMs),
            perSecond(outboxMs),
          ],
          [
            'bare nodemailer loop, same messages and PDFs, no database',
            String(size),
            s(bareMs),
            perSecond(bareMs),
          ],
        ]),
        '',
        `Outbox / bare ratio: ${(bareMs / outboxMs).toFixed(2)}x of the bare messages/s. ` +
          `Both sent to the same server over a nodemailer pool of ${POOL_SIZE} connections ` +
          `(MAIL_POOL_SIZE=${POOL_SIZE}; MAIL_RATE_PER_SECOND=${RATE_PER_SECOND}, the most the ` +
          `config allows, so the rate limit never waits: the default of 20 would cap the outbox at 20/s).`,
        `Queueing the ${size} messages (Outbox.enqueue in one transaction, not in the ` +
          `figures above) took ${s(queueMs)} s, ${perSecond(queueMs)} messages/s; the worker ` +
          `(drainOnce until it finds nothing due: ${rounds} round(s), holding at most 20 ` +
          `messages at a time) delivered each at the first attempt.`,
        `Checked: ${subjects} distinct subjects (the template's subject is the event title; ` +
          `name and serial are in the body); ${SAMPLES} messages of each run parsed with ` +
          `mailparser: subject, recipient, name and serial as queued, PDF byte-identical to the stored one.`,
      ].join('\n'),
    );
    return [
      {
        work: `outbox to SMTP, ${size} personalised mails with a PDF certificate each`,
        database: dbLabel,
        unit: 'messages/s',
        value: rate(outboxMs),
        baseline: { name: 'bare pooled nodemailer loop, same messages', value: rate(bareMs) },
        goal: { kind: 'ratio-at-least', target: 0.6 },
      },
    ];
  } finally {
    await bench?.close();
    await smtp.close();
  }
}
