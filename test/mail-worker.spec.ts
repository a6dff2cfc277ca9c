import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig, ormOptions } from '@platform/core';
import { OutboxMessage, OutboxState } from '@platform/mail';
import { MailTemplate } from '@platform/mailings';
import { ParsedMail } from 'mailparser';
import { allEntities } from '../apps/api/src/entities';
import { TestSmtpServer } from './support/smtp';
import { startTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const ROOT = resolve(__dirname, '..');
/** MailWorker's batch: the most messages one worker has claimed when it dies. */
const BATCH = 20;
const LEASE_SECONDS = 2;

interface WorkerProcess {
  child: ChildProcess;
  /** What it printed, shown when a test fails. */
  output: string[];
}

const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;

/**
 * apps/worker as its own process, as in production, against a real SMTP server: what
 * a crash costs, and what two workers at once do.
 */
describe('mail worker: a process of its own', () => {
  let smtp: TestSmtpServer;
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  const workers: WorkerProcess[] = [];
  // Set once a test is over: a test body that jest timed out spawns nothing after cleanup.
  let cleanedUp = false;
  // Should jest itself go down, no worker outlives it.
  const killAll = () =>
    workers.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL'));

  function spawnWorker(env: Record<string, string> = {}): WorkerProcess {
    if (cleanedUp) throw new Error('the test is over; no worker is started after its cleanup');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: database!.url,
        DATA_DIR: database!.dataDir,
        SMTP_URL: smtp.url,
        MAIL_LEASE_SECONDS: String(LEASE_SECONDS),
        MAIL_POLL_MS: '50',
        // At the production default (20 a second) these runs would last a minute.
        MAIL_RATE_PER_SECOND: '10000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = { child, output: [] as string[] };
    child.stdout?.on('data', (chunk: Buffer) => worker.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => worker.output.push(chunk.toString()));
    workers.push(worker);
    return worker;
  }

  /** SIGKILL: the process dies at once, whatever it holds. SIGTERM: it finishes its batch. */
  async function stop({ child }: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  const workersSaid = () => workers.map(({ output }) => output.join('')).join('\n---\n');

  /** A fresh database with the schema and `count` QUEUED messages due now, nothing else open on it. */
  async function outboxOf(count: number): Promise<string[]> {
    database = await createTestDatabase();
    // The API applies the migrations (its own worker off), then closes: on SQLite no other
    // process then holds the file while the worker runs.
    const api = await startTestApp({ MAIL_WORKER: 'off', SMTP_URL: smtp.url }, database);
    const now = new Date();
    const rows = Array.from({ length: count }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        idempotencyKey: `REMINDER:worker-test:${i}`,
        messageId: `<${id}@conference-platform>`,
        template: MailTemplate.REMINDER,
        language: 'en',
        toEmail: `recipient-${i}@example.org`,
        toName: `Recipient ${i}`,
        subject: `Reminder ${i}`,
        text: `Dear Recipient ${i},\n\nThis is reminder number ${i}.`,
        html: `<p>Dear Recipient ${i},</p><p>This is reminder number ${i}.</p>`,
        attachments: [],
        state: OutboxState.QUEUED,
        attempts: 0,
        nextAttemptAt: new Date(now.getTime() - 1000),
        createdAt: now,
      };
    });
    await api.app.get(MikroORM).em.fork().insertMany(OutboxMessage, rows);
    await api.close();
    return rows.map((row) => row.idempotencyKey);
  }

  /** The outbox as stored now (a connection of the test's own). */
  async function outbox(): Promise<OutboxMessage[]> {
    const config = loadConfig({ DATABASE_URL: database!.url, DATA_DIR: database!.dataDir });
    orm ??= await MikroORM.init(ormOptions(config.database, allEntities));
    return orm.em.fork().find(OutboxMessage, {});
  }

  beforeAll(() => process.once('exit', killAll));

  beforeEach(async () => {
    cleanedUp = false;
    smtp = await TestSmtpServer.listen();
  });

  afterEach(async () => {
    cleanedUp = true;
    await Promise.all(workers.map((worker) => stop(worker)));
    workers.length = 0;
    await orm?.close();
    orm = undefined;
    await database?.drop();
    database = undefined;
    await smtp.close();
  });

  afterAll(() => {
    killAll();
    process.off('exit', killAll);
  });

  it('killed mid-batch and started again, delivers every message and sends at most a batch twice', async () => {
    const keys = await outboxOf(200);
    smtp.delay(20);
    const first = spawnWorker();
    await smtp.waitFor(50, 30_000);
    await stop(first, 'SIGKILL');
    expect(smtp.received.length).toBeLessThan(200);

    spawnWorker();
    // The test reads nothing from the database while a worker runs: on SQLite a reader of
    // another process can make the worker's writes fail ("database is locked"). It waits
    // for every message to arrive, and then for a quiet spell longer than the lease, in
    // which a batch the dead worker held would have been claimed and sent again.
    const deadline = Date.now() + 30_000;
    let seen = smtp.received.length;
    let lastArrival = Date.now();
    for (;;) {
      await sleep(100);
      if (smtp.received.length !== seen) [seen, lastArrival] = [smtp.received.length, Date.now()];
      const arrived = new Set(smtp.received.map(keyOf)).size;
      if (arrived === keys.length && Date.now() - lastArrival > (LEASE_SECONDS + 1) * 1000) break;
      if (Date.now() > deadline) {
        throw new Error(`${arrived} of ${keys.length} arrived; workers said:\n${workersSaid()}`);
      }
    }
    await Promise.all(workers.map((worker) => stop(worker, 'SIGTERM')));

    const rows = await outbox();
    expect(rows.filter((row) => row.state !== OutboxState.SENT)).toEqual([]);
    expect([...new Set(smtp.received.map(keyOf))].sort()).toEqual([...keys].sort());
    const messageIds = new Set(smtp.received.map((mail) => mail.messageId));
    expect(messageIds.size).toBe(200);
    expect(smtp.received.length - messageIds.size).toBeLessThanOrEqual(BATCH);
    // A message sent twice kept its Message-ID, so the recipient's server can drop the copy.
    const messageIdOf = new Map(rows.map((row) => [row.idempotencyKey, row.messageId]));
    for (const mail of smtp.received) expect(mail.messageId).toBe(messageIdOf.get(keyOf(mail)));
    // The batch the first worker held was claimed again once its lease ran out.
    expect(rows.some((row) => row.attempts > 1)).toBe(true);
  });

  (onPostgres ? it : it.skip)(
    'PostgreSQL: two workers at once drain 1,000 messages and send none twice',
    async () => {
      const keys = await outboxOf(1000);
      spawnWorker({ MAIL_FROM: 'Worker A <a@example.org>' });
      spawnWorker({ MAIL_FROM: 'Worker B <b@example.org>' });
      const deadline = Date.now() + 40_000;
      for (;;) {
        const rows = await outbox();
        const sent = rows.filter((row) => row.state === OutboxState.SENT).length;
        if (sent === keys.length) break;
        if (Date.now() > deadline) {
          throw new Error(`${sent} of ${keys.length} SENT; workers said:\n${workersSaid()}`);
        }
        await sleep(200);
      }
      await Promise.all(workers.map((worker) => stop(worker, 'SIGTERM')));

      expect(smtp.received).toHaveLength(1000);
      expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(1000);
      expect(new Set(smtp.received.map(keyOf)).size).toBe(1000);
      // Both workers took part (each signs with its own MAIL_FROM).
      const senders = smtp.received.map((mail) => mail.from?.value[0].address);
      expect(senders.filter((address) => address === 'a@example.org').length).toBeGreaterThan(0);
      expect(senders.filter((address) => address === 'b@example.org').length).toBeGreaterThan(0);
    },
  );
});
