import { MikroORM } from '@mikro-orm/core';
import { MailWorker, OutboxMessage, OutboxState } from '@platform/mail';
import { MailTemplate } from '@platform/mailings';
import { ParsedMail } from 'mailparser';
import { anAccount, anEdition, aPerson, aSeries, register } from './factories';
import { pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { startTestApp, TestApp } from './support/test-app';

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id serial } }`;
const REVOKE = `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { status } }`;
const REISSUE = `mutation($input: ReissueCertificateInput!) { reissueCertificate(input: $input) { id serial verificationCode } }`;
const OUTBOX = `query($filter: OutboxFilter) { outbox(filter: $filter, first: 50) { nodes { template state lastError toEmail } } }`;

const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;

/**
 * A certificate revoked or replaced before its mail goes out is not mailed. The API's
 * worker is off (MAIL_WORKER=off): the test runs it by hand, after the change, as a
 * worker that had not polled yet would.
 */
describe('mail: certificates revoked or replaced before their mail goes out', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: MailWorker;
  let organizer: { token: string };
  let editionId: string;
  let counter = 0;

  /** Sends everything due, as the worker would on its next polls. */
  async function runWorker(): Promise<void> {
    while ((await worker.drainOnce()) > 0);
  }

  const certificateMails = () =>
    smtp.received.filter((mail) => keyOf(mail).startsWith('CERTIFICATE_ISSUED:'));

  const outboxRow = (idempotencyKey: string) =>
    t.app.get(MikroORM).em.fork().findOneOrFail(OutboxMessage, { idempotencyKey });

  /** A person with an address who attended the edition: eligible for a certificate. */
  async function anAttendee(): Promise<{ id: string; email: string }> {
    const email = `attendee-${++counter}@example.org`;
    const person = await aPerson().named(`Attendee ${counter}`).withEmail(email).create(t);
    const registration = (await register(t, editionId, person.id, organizer.token)).data!
      .registerParticipant;
    await t.ok(
      CHECK_IN,
      { input: { registrationId: registration.id, day: '2022-07-28' } },
      organizer.token,
    );
    return { id: person.id, email };
  }

  async function issue(personId: string): Promise<{ id: string; serial: string }> {
    const data = await t.ok(
      ISSUE,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId } },
      organizer.token,
    );
    return data.issueCertificate;
  }

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RETRY_BASE_SECONDS: '0',
      MAIL_RATE_PER_SECOND: '1000',
    });
    worker = t.app.get(MailWorker);
    organizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t, organizer.token);
    editionId = (await anEdition(series.id).published().create(t, organizer.token)).id;
    await t.ok(
      CONFIGURE,
      {
        input: {
          editionId,
          serialPrefix: 'TIP',
          signatories: [{ name: 'Akmal Saidov', position: 'Chair of the National Commission' }],
        },
      },
      organizer.token,
    );
  });

  afterEach(() => {
    smtp.accept();
    smtp.clear();
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('does not mail a certificate revoked before the worker ran, and shows why in the outbox', async () => {
    const { email, id: personId } = await anAttendee();
    const certificate = await issue(personId);
    await t.ok(
      REVOKE,
      { input: { certificateId: certificate.id, reason: 'Issued to the wrong person' } },
      organizer.token,
    );
    await runWorker();

    expect(certificateMails()).toEqual([]);
    // The other mail of the same person went out: the worker did run.
    expect(smtp.received.map(keyOf)).toContainEqual(
      expect.stringMatching(/^REGISTRATION_CONFIRMED:/),
    );
    const row = await outboxRow(`CERTIFICATE_ISSUED:${certificate.id}`);
    expect(row).toMatchObject({
      state: OutboxState.CANCELLED,
      lastError: 'the certificate was revoked before its mail went out',
      attempts: 0,
    });
    const { outbox } = await t.ok(
      OUTBOX,
      { filter: { editionId, state: 'CANCELLED', recipient: email } },
      organizer.token,
    );
    expect(outbox.nodes).toEqual([
      {
        template: MailTemplate.CERTIFICATE_ISSUED,
        state: 'CANCELLED',
        lastError: 'the certificate was revoked before its mail went out',
        toEmail: email,
      },
    ]);
  });

  it('mails a reissued certificate once: the new one, with its own PDF', async () => {
    const { id: personId } = await anAttendee();
    const old = await issue(personId);
    const { reissueCertificate: replacement } = await t.ok(
      REISSUE,
      { input: { certificateId: old.id } },
      organizer.token,
    );
    await runWorker();

    const mails = certificateMails();
    expect(mails.map(keyOf)).toEqual([`CERTIFICATE_ISSUED:${replacement.id}`]);
    const [mail] = mails;
    expect(mail.text).toContain(replacement.serial);
    expect(mail.text).not.toContain(old.serial);
    expect(mail.attachments).toHaveLength(1);
    const attached = await pdfText(mail.attachments[0].content);
    expect(attached).toContain(replacement.serial);
    expect(attached).toContain(replacement.verificationCode);
    expect(attached).not.toContain(old.serial);
    expect(await outboxRow(`CERTIFICATE_ISSUED:${old.id}`)).toMatchObject({
      state: OutboxState.CANCELLED,
      lastError: `the certificate was replaced by ${replacement.serial} before its mail went out`,
    });
  });

  it('checks the certificate again when it is about to send: a failed mail retried after a revocation stays unsent', async () => {
    const { id: personId } = await anAttendee();
    const certificate = await issue(personId);
    smtp.refuseAll(550, 'mailbox unavailable');
    await runWorker();
    const key = `CERTIFICATE_ISSUED:${certificate.id}`;
    const failed = await outboxRow(key);
    expect(failed.state).toBe(OutboxState.FAILED);
    smtp.accept();

    // Revoking leaves a failed message as it is; retrying it later must not send it.
    await t.ok(
      REVOKE,
      { input: { certificateId: certificate.id, reason: 'Did not attend' } },
      organizer.token,
    );
    await t.ok(
      `mutation($id: ID!) { retryMail(id: $id) { state } }`,
      { id: failed.id },
      organizer.token,
    );
    await runWorker();

    expect(smtp.offered.filter((mail) => keyOf(mail) === key)).toHaveLength(1);
    expect(smtp.received.filter((mail) => keyOf(mail) === key)).toEqual([]);
    expect(await outboxRow(key)).toMatchObject({
      state: OutboxState.CANCELLED,
      lastError: `certificate ${certificate.serial} was revoked before its mail went out`,
    });
  });
});
