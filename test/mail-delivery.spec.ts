import { setTimeout as sleep } from 'node:timers/promises';
import { FilterQuery, MikroORM } from '@mikro-orm/core';
import { REGISTRATION_CONFIRMED_MESSAGE, REMINDER_MESSAGE } from '@platform/conferences';
import { Outbox, OutboxMessage, OutboxState } from '@platform/mail';
import { MailTemplate } from '@platform/mailings';
import { AddressObject, ParsedMail } from 'mailparser';
import { anAccount, anEdition, aPerson, aSeries, register } from './factories';
import { TestSmtpServer, withMessageId } from './support/smtp';
import { startTestApp, TestApp } from './support/test-app';
import { EventKind, LanguageCode } from '@platform/core';

const MAIL_FROM = 'Conference secretariat <secretariat@example.org>';
const POLL_MS = 50;
const MAIL_ENV = {
  MAIL_FROM,
  MAIL_POLL_MS: String(POLL_MS),
  // A refused message is tried again on the next round, not half a minute later.
  MAIL_RETRY_BASE_SECONDS: '0',
  MAIL_RATE_PER_SECOND: '1000',
};

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id serial holderName eventTitle downloadUrl } }`;
const EDITION_TITLE = `query($id: ID!) { edition(id: $id) { title } }`;

const addresses = (field?: AddressObject | AddressObject[]) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);

/** The outbox as the database has it now. */
function outboxRow(t: TestApp, where: FilterQuery<OutboxMessage>): Promise<OutboxMessage> {
  return t.app.get(MikroORM).em.fork().findOneOrFail(OutboxMessage, where);
}

async function waitForRow(
  t: TestApp,
  where: FilterQuery<OutboxMessage>,
  state: OutboxState,
  timeoutMs = 10_000,
): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.app.get(MikroORM).em.fork().findOne(OutboxMessage, where);
    if (row?.state === state) return row;
    if (Date.now() > deadline) {
      throw new Error(
        `outbox message is ${row ? `${row.state} after ${row.attempts} attempt(s) (${row.lastError})` : 'missing'}, not ${state}`,
      );
    }
    await sleep(POLL_MS);
  }
}

describe('mail: the outbox delivers to a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let organizer: { token: string };
  let seriesId: string;
  let editionId: string;
  let editionTitle: string;
  let counter = 0;

  /** A new person with an address, registered for the edition: REGISTRATION_CONFIRMED is queued. */
  async function registerSomeone(language: 'EN' | 'RU' | 'UZ' = 'EN') {
    const email = `participant-${++counter}@example.org`;
    const person = await aPerson()
      .named(`Participant ${counter}`)
      .speaking(language)
      .withEmail(email)
      .create(t);
    const res = await register(t, editionId, person.id, organizer.token);
    expect(res.errors).toBeUndefined();
    return { personId: person.id, email };
  }

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({ SMTP_URL: smtp.url, ...MAIL_ENV });
    organizer = await anAccount(t, 'ORGANIZER');
    seriesId = (await aSeries(t)).id;
    editionId = (await anEdition(seriesId).published().create(t, organizer.token)).id;
    editionTitle = (await t.ok(EDITION_TITLE, { id: editionId }, organizer.token)).edition.title;
  });

  afterEach(() => smtp.accept({ delayMs: 0 }));

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends the registration confirmation in the person’s language, from MAIL_FROM to the person', async () => {
    const people = [
      { language: 'EN', name: 'Dilnoza Qodirova', greeting: 'Dear Dilnoza Qodirova,' },
      { language: 'RU', name: 'Рахимов Алишер', greeting: 'Здравствуйте, Рахимов Алишер!' },
      { language: 'UZ', name: 'Gʻulomov Oʻtkir', greeting: 'Hurmatli Gʻulomov Oʻtkir!' },
    ] as const;
    smtp.clear();
    for (const [i, { language, name }] of people.entries()) {
      const person = await aPerson()
        .named(name)
        .speaking(language)
        .withEmail(`registrant-${i}@example.org`)
        .create(t);
      const res = await register(t, editionId, person.id, organizer.token);
      expect(res.data?.registerParticipant.status).toBe('REGISTERED');
    }
    const mails = await smtp.waitFor(3);

    for (const [i, { language, name, greeting }] of people.entries()) {
      const email = `registrant-${i}@example.org`;
      const mail = mails.find((m) => addresses(m.to).some((a) => a.address === email));
      expect(mail).toBeDefined();
      const { subject, text, html } = mail as ParsedMail;
      const texts = REGISTRATION_CONFIRMED_MESSAGE.texts[language.toLowerCase() as LanguageCode];
      expect(subject).toBe(texts.subject.replace('{{editionTitle}}', editionTitle));
      expect(text).toContain(greeting);
      expect(text).toContain(editionTitle);
      // Each language's own sentence and sign-off, as the template has them.
      const [, confirmed, , , signOff] = texts.body.split('\n\n');
      expect(text).toContain(confirmed.replace('{{editionTitle}}', editionTitle));
      expect(text).toContain(signOff);
      expect(html).toContain(greeting);
      expect(html).toContain(name);
      expect(html).toContain(editionTitle);
      expect(addresses(mail?.from)).toEqual([
        { address: 'secretariat@example.org', name: 'Conference secretariat' },
      ]);
      expect(addresses(mail?.to)).toEqual([{ address: email, name }]);
      const row = await outboxRow(t, { toEmail: email });
      expect(mail?.messageId).toBe(row.messageId);
    }
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Registration confirmed: ${editionTitle}`,
        `Регистрация подтверждена: ${editionTitle}`,
        `Roʻyxatdan oʻtganingiz tasdiqlandi: ${editionTitle}`,
      ]),
    );
  });

  it('attaches the certificate PDF, byte for byte the downloaded one, and keeps the Message-ID when it tries again', async () => {
    const certificateEdition = (
      await anEdition(seriesId).inYear(2023).published().create(t, organizer.token)
    ).id;
    const email = 'holder@example.org';
    const holder = await aPerson()
      .named('Юсупова Малика')
      .speaking('RU')
      .withEmail(email)
      .create(t);
    const registration = (await register(t, certificateEdition, holder.id, organizer.token)).data
      ?.registerParticipant;
    await t.ok(
      CHECK_IN,
      { input: { registrationId: registration.id, day: '2023-07-28' } },
      organizer.token,
    );
    await t.ok(
      CONFIGURE,
      {
        input: {
          editionId: certificateEdition,
          serialPrefix: 'MAIL',
          secondLanguage: 'EN',
          signatories: [{ name: 'Akmal Saidov', position: 'Chair of the National Commission' }],
        },
      },
      organizer.token,
    );
    // The registration confirmation goes first; the certificate mail then meets a 451.
    await waitForRow(
      t,
      { toEmail: email, template: MailTemplate.REGISTRATION_CONFIRMED },
      OutboxState.SENT,
    );
    smtp.clear();
    smtp.refuseNext(1);

    const { issueCertificate: certificate } = await t.ok(
      ISSUE,
      {
        input: {
          kind: 'CONFERENCE_ATTENDANCE',
          editionId: certificateEdition,
          personId: holder.id,
        },
      },
      organizer.token,
    );
    const row = await waitForRow(
      t,
      { idempotencyKey: `CERTIFICATE_ISSUED:${certificate.id}` },
      OutboxState.SENT,
    );
    expect(row.attempts).toBe(2);
    expect(row.messageId).toBe(`<${row.id}@conference-platform>`);
    // Refused once, accepted once: both times with the Message-ID stored in the outbox.
    expect(smtp.offered.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    const [mail] = withMessageId(smtp.received, row.messageId);
    expect(withMessageId(smtp.received, row.messageId)).toHaveLength(1);

    expect(mail.subject).toBe(`Ваш сертификат: ${certificate.eventTitle}`);
    expect(mail.text).toContain('Здравствуйте, Юсупова Малика!');
    expect(mail.text).toContain(certificate.serial);
    expect(addresses(mail.to)).toEqual([{ address: email, name: 'Юсупова Малика' }]);
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.filename).toMatch(/^MAIL-2023-\d{6}.*\.pdf$/);

    const pdf = await t.download(`/documents/certificates/${certificate.id}.pdf`, organizer.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(attachment.content, pdf.body)).toBe(0);
  });

  it('delivers exactly once after the server answers 451 and then accepts', async () => {
    smtp.clear();
    smtp.refuseNext(1);
    const { email } = await registerSomeone();
    const row = await waitForRow(t, { toEmail: email }, OutboxState.SENT);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    expect(row.sentAt).toBeInstanceOf(Date);
    await sleep(POLL_MS * 5);
    expect(withMessageId(smtp.offered, row.messageId)).toHaveLength(2);
    expect(withMessageId(smtp.received, row.messageId)).toHaveLength(1);
  });

  it('gives up at once on a 550 and never tries again', async () => {
    smtp.clear();
    smtp.refuseAll(550, 'mailbox unavailable');
    const { email } = await registerSomeone('RU');
    const row = await waitForRow(t, { toEmail: email }, OutboxState.FAILED);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('550');
    expect(row.lastError).toContain('mailbox unavailable');
    // Several poll rounds later it is still the one try the server saw.
    await sleep(POLL_MS * 6);
    const later = await outboxRow(t, { id: row.id });
    expect(later).toMatchObject({ state: OutboxState.FAILED, attempts: 1 });
    expect(withMessageId(smtp.offered, row.messageId)).toHaveLength(1);
    expect(withMessageId(smtp.received, row.messageId)).toHaveLength(0);
  });

  it('queues one message for two requests with the same idempotency key', async () => {
    smtp.clear();
    const outbox = t.app.get(Outbox);
    const idempotencyKey = `REMINDER:test-${Date.now()}`;
    const request = {
      message: REMINDER_MESSAGE,
      idempotencyKey,
      to: { email: 'twice@example.org', name: 'Malika Yusupova', language: 'uz' },
      values: { editionTitle, dates: '2022-07-28 – 2022-07-29', place: 'Tashkent', daysBefore: 3 },
    };
    const orm = t.app.get(MikroORM);
    await orm.em.fork().transactional(async (em) => {
      await outbox.enqueue(em, request);
      await outbox.enqueue(em, request);
    });
    // A later transaction asking again queues nothing either.
    await orm.em.fork().transactional((em) => outbox.enqueue(em, request));
    expect(await orm.em.fork().count(OutboxMessage, { idempotencyKey })).toBe(1);

    const row = await waitForRow(t, { idempotencyKey }, OutboxState.SENT);
    await sleep(POLL_MS * 5);
    expect(withMessageId(smtp.received, row.messageId)).toHaveLength(1);
    expect(
      smtp.received.filter((m) => m.headers.get('x-idempotency-key') === idempotencyKey),
    ).toHaveLength(1);
  });

  it('queues many at once as it queues each: once per key, none without an address, in the event’s wording', async () => {
    const outbox = t.app.get(Outbox);
    const orm = t.app.get(MikroORM);
    await t.ok(
      `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id } }`,
      {
        input: {
          editionId,
          template: 'REMINDER',
          language: 'ru',
          subject: '{{editionTitle}}: через {{daysBefore}} дня',
          body: 'Уважаемый(ая) {{name}}, ждём вас: {{place}}.',
        },
      },
      organizer.token,
    );
    const run = `BULK-${Date.now()}`;
    const request = (key: string, email: string | null, language: string) => ({
      message: REMINDER_MESSAGE,
      idempotencyKey: `${run}:${key}`,
      to: { email, name: `Person ${key}`, language },
      values: { editionTitle, dates: '2022-07-28 – 2022-07-29', place: 'Tashkent', daysBefore: 3 },
      about: { kind: EventKind.EDITION, id: editionId },
    });
    // One was queued by an earlier transaction.
    await orm.em
      .fork()
      .transactional((em) => outbox.enqueue(em, request('a', 'a@example.org', 'en')));
    const queued = await orm.em
      .fork()
      .transactional((em) =>
        outbox.enqueueAll(em, [
          request('a', 'a@example.org', 'en'),
          request('b', 'b@example.org', 'ru'),
          request('b', 'b@example.org', 'ru'),
          request('c', null, 'en'),
          request('d', 'd@example.org', 'en'),
        ]),
      );
    expect(queued).toBe(2);
    const rows = await orm.em
      .fork()
      .find(
        OutboxMessage,
        { idempotencyKey: { $like: `${run}:%` } },
        { orderBy: { idempotencyKey: 'asc' } },
      );
    expect(
      rows.map((row) => [row.idempotencyKey.slice(run.length + 1), row.toEmail, row.language]),
    ).toEqual([
      ['a', 'a@example.org', 'en'],
      ['b', 'b@example.org', 'ru'],
      ['d', 'd@example.org', 'en'],
    ]);
    // Each as `enqueue` would have stored it: the organizers' Russian wording, the default English one.
    const [, b, d] = rows;
    expect(b).toMatchObject({
      subject: `${editionTitle}: через 3 дня`,
      state: OutboxState.QUEUED,
      attempts: 0,
    });
    expect(b.text).toContain('Уважаемый(ая) Person b, ждём вас: Tashkent.');
    const alone = await t.app
      .get(Outbox)
      .render(orm.em.fork(), request('d', 'd@example.org', 'en'));
    expect(d).toMatchObject({ subject: alone.subject, text: alone.text, html: alone.html });
    expect(d.messageId).toBe(`<${d.id}@conference-platform>`);
    await waitForRow(t, { idempotencyKey: `${run}:d` }, OutboxState.SENT);
  });

  it('answers the request without waiting for the SMTP server', async () => {
    smtp.clear();
    smtp.delay(2000);
    const person = await aPerson().speaking('UZ').withEmail('slow@example.org').create(t);
    const started = Date.now();
    const res = await register(t, editionId, person.id, organizer.token);
    const elapsed = Date.now() - started;
    expect(res.errors).toBeUndefined();
    // Not a benchmark: the bound is far from the server's 2 s.
    expect(elapsed).toBeLessThan(1500);
    // The mail still arrives, once the slow server answers.
    await smtp.waitFor(1, 10_000);
    await waitForRow(t, { toEmail: 'slow@example.org' }, OutboxState.SENT);
  });
});

describe('mail: the SMTP server is down when the mail is queued, and comes back', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    // Retries 0.5–1 s, then 1–2 s… apart. With MAIL_RETRY_BASE_SECONDS=0 the worker would
    // retry a refused connection in a tight loop and spend MAIL_MAX_ATTEMPTS in milliseconds.
    t = await startTestApp({ SMTP_URL: smtp.url, ...MAIL_ENV, MAIL_RETRY_BASE_SECONDS: '1' });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('keeps the message and delivers it once the server is back', async () => {
    const seriesId = (await aSeries(t)).id;
    const editionId = (await anEdition(seriesId).published().create(t)).id;
    await smtp.stop();
    const email = 'patient@example.org';
    const person = await aPerson().named('Karimova Nodira').withEmail(email).create(t);
    expect((await register(t, editionId, person.id)).errors).toBeUndefined();

    // The worker tries, fails to connect, and keeps the message queued for later.
    const deadline = Date.now() + 10_000;
    let row = await outboxRow(t, { toEmail: email });
    while (row.attempts < 1 || row.state !== OutboxState.QUEUED) {
      if (Date.now() > deadline) throw new Error(`still ${row.state} after ${row.attempts}`);
      await sleep(POLL_MS);
      row = await outboxRow(t, { toEmail: email });
    }
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    const sent = await waitForRow(t, { toEmail: email }, OutboxState.SENT, 15_000);
    expect(sent.attempts).toBeGreaterThan(1);
    expect(sent.lastError).toBeNull();
    expect(withMessageId(smtp.received, sent.messageId)).toHaveLength(1);
  });
});
