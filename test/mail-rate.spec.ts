import { MikroORM } from '@mikro-orm/core';
import { REMINDER_MESSAGE } from '@platform/conferences';
import { MailWorker, Outbox } from '@platform/mail';
import { TestSmtpServer } from './support/smtp';
import { startTestApp, TestApp } from './support/test-app';

const RATE = 20;
const MESSAGES = 100;

/** The most arrivals in any one-second window [t, t + 1000 ms). */
function busiestSecond(arrivals: number[]): number {
  const times = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < times.length; first++) {
    while (last < times.length && times[last] < times[first] + 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/**
 * MAIL_RATE_PER_SECOND holds in every sliding second, over all pooled connections, as
 * the SMTP server sees it. (nodemailer's own limit counted fixed windows: 37 messages
 * arrived within one second at a rate of 20.)
 */
describe('mail: the worker keeps to MAIL_RATE_PER_SECOND in any one second', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_POOL_SIZE: '5',
      MAIL_RATE_PER_SECOND: String(RATE),
      MAIL_POLL_MS: '20',
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it(`sends ${MESSAGES} messages over 5 connections, never more than ${RATE} in a second`, async () => {
    const outbox = t.app.get(Outbox);
    await t.app
      .get(MikroORM)
      .em.fork()
      .transactional(async (em) => {
        for (let i = 0; i < MESSAGES; i++) {
          await outbox.enqueue(em, {
            message: REMINDER_MESSAGE,
            idempotencyKey: `REMINDER:rate-test:${i}`,
            to: { email: `recipient-${i}@example.org`, name: `Recipient ${i}`, language: 'en' },
            values: {
              editionTitle: 'Regional conference',
              dates: '28–29 July',
              place: 'Tashkent',
              daysBefore: 3,
            },
          });
        }
      });
    const started = Date.now();
    t.app.get(MailWorker).start();
    await smtp.waitFor(MESSAGES, 60_000);
    const took = Date.now() - started;

    // Measured where it matters, at the server: the arrival times include the network,
    // which the limiter allows for (a permit comes back a second after its send ends).
    expect(busiestSecond(smtp.arrivals)).toBeLessThanOrEqual(RATE);
    // 100 messages at 20 a second need four seconds at least; far less than twice that
    // would mean the limiter holds back more than it should (a generous bound: 2 shared cores).
    expect(took).toBeGreaterThanOrEqual(4000);
    expect(took).toBeLessThan(15_000);
  });
});
