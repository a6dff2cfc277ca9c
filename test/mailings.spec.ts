import { MikroORM } from '@mikro-orm/core';
import { LoginLink } from '@platform/accounts';
import { OutboxMessage, OutboxState } from '@platform/mail';
import { Mailings } from '@platform/mailings';
import { anAccount, anEdition, aPerson, aSeries, register } from './factories';
import { pdfText } from './support/pdf';
import { TestSmtpServer } from './support/smtp';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const PREVIEW = `query($input: MailingInput!) { previewMailing(input: $input) { recipients withoutEmail sample { to language subject text html } } }`;
const SEND = `mutation($input: MailingInput!) { sendMailing(input: $input) { queued alreadyQueued withoutEmail } }`;
const OUTBOX = `query($filter: OutboxFilter) { outbox(filter: $filter, first: 50) { totalCount nodes { id template state toEmail attempts lastError messageId } } }`;
const SET_OVERRIDE = `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id subject } }`;
const REQUEST_LINK = `mutation($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) }`;
const EXCHANGE_LINK = `mutation($input: ExchangeLoginLinkInput!) { exchangeLoginLink(input: $input) { token user { role person { fullName } } } }`;

describe('mailings, the outbox and login by email link', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let organizer: { token: string; email: string };
  let otherOrganizer: { token: string };
  let editionId: string;
  const people: Record<string, { id: string; fullName: string }> = {};

  const messages = () =>
    t.app
      .get(MikroORM)
      .em.fork()
      .find(OutboxMessage, {}, { orderBy: { createdAt: 'asc' } });

  async function waitUntilSent(count: number) {
    for (let i = 0; i < 200; i++) {
      const sent = (await messages()).filter((m) => m.state === OutboxState.SENT).length;
      if (sent >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fewer than ${count} messages were sent`);
  }

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '50',
      MAIL_RETRY_BASE_SECONDS: '0',
    });
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    const series = await aSeries(t);
    editionId = (await anEdition(series.id).published().create(t, organizer.token)).id;
    people.ru = await aPerson()
      .named('Рахимов Алишер')
      .speaking('RU')
      .withEmail('rahimov@example.uz')
      .create(t);
    people.uz = await aPerson()
      .named('Gʻulomov Oʻtkir')
      .speaking('UZ')
      .withEmail('gulomov@example.uz')
      .from('UZ')
      .create(t);
    people.kz = await aPerson()
      .named('Aigerim Nurlanova')
      .speaking('EN')
      .withEmail('aigerim@example.kz')
      .from('KZ')
      .create(t);
    people.noEmail = await aPerson().named('Toshmatov Bobur').create(t);
    for (const person of Object.values(people)) {
      await register(t, editionId, person.id, organizer.token);
    }
    await waitUntilSent(3); // the three registration confirmations
    smtp.clear();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('previews a reminder for one recipient with the count, queuing nothing', async () => {
    const before = (await messages()).length;
    const { previewMailing } = await t.ok(
      PREVIEW,
      { input: { template: 'REMINDER', audience: { editionId } } },
      organizer.token,
    );
    expect(previewMailing).toMatchObject({ recipients: 3, withoutEmail: 1 });
    // The first recipient by name: the English-speaking delegate.
    expect(previewMailing.sample).toMatchObject({ to: 'aigerim@example.kz', language: 'en' });
    expect(previewMailing.sample.text).toContain('Aigerim Nurlanova');
    expect(previewMailing.sample.html).toContain('Aigerim Nurlanova');
    expect(previewMailing.sample.subject).not.toContain('{{');
    expect((await messages()).length).toBe(before);

    const kazakhs = await t.ok(
      PREVIEW,
      { input: { template: 'REMINDER', audience: { editionId, delegationCountry: 'KZ' } } },
      organizer.token,
    );
    expect(kazakhs.previewMailing).toMatchObject({
      recipients: 1,
      withoutEmail: 0,
      sample: { to: 'aigerim@example.kz', language: 'en' },
    });

    const wrong = await t.gql(
      PREVIEW,
      { input: { template: 'LOGIN_LINK', audience: { editionId } } },
      organizer.token,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'template',
    });
    const notTheirs = await t.gql(
      PREVIEW,
      { input: { template: 'REMINDER', audience: { editionId } } },
      otherOrganizer.token,
    );
    expect(errorCode(notTheirs)).toBe('FORBIDDEN');
  });

  it('previews mail to the members of a working group', async () => {
    const group = await t.ok(
      `mutation($editionId: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $editionId, input: $input) { id } }`,
      { editionId, input: { name: 'Referral mechanisms' } },
      organizer.token,
    );
    const { edition } = await t.ok(
      `query($id: ID!) { edition(id: $id) { registrations(first: 10) { nodes { id person { fullName } } } } }`,
      { id: editionId },
      organizer.token,
    );
    const rahimov = edition.registrations.nodes.find(
      (r: any) => r.person.fullName === 'Рахимов Алишер',
    );
    await t.ok(
      `mutation($groupId: ID!, $registrationId: ID!) { addWorkingGroupMember(workingGroupId: $groupId, registrationId: $registrationId) { memberCount } }`,
      { groupId: group.createWorkingGroup.id, registrationId: rahimov.id },
      organizer.token,
    );
    const { previewMailing } = await t.ok(
      PREVIEW,
      {
        input: { template: 'REMINDER', audience: { workingGroupId: group.createWorkingGroup.id } },
      },
      organizer.token,
    );
    expect(previewMailing).toMatchObject({
      recipients: 1,
      withoutEmail: 0,
      sample: { to: 'rahimov@example.uz', language: 'ru' },
    });
    expect(previewMailing.sample.text).toContain('Рахимов Алишер');
    // Dates are written out in the recipient's language.
    expect(previewMailing.sample.text).toContain('28–29 июля 2022 г.');
  });

  it("refuses an edition's wording with an unknown placeholder, and uses a valid one", async () => {
    const bad = await t.gql(
      SET_OVERRIDE,
      {
        input: {
          editionId,
          template: 'REMINDER',
          language: 'en',
          subject: 'See you soon',
          body: 'Dear {{name}}, the venue is {{venue}}.',
        },
      },
      organizer.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(bad.errors?.[0].message).toContain('{{venue}}');

    await t.ok(
      SET_OVERRIDE,
      {
        input: {
          editionId,
          template: 'REMINDER',
          language: 'en',
          subject: '{{editionTitle}} starts in {{daysBefore}} days',
          body: 'Dear {{name}},\n\nWe look forward to seeing you in {{place}}.',
        },
      },
      organizer.token,
    );
    const { sendMailing } = await t.ok(
      SEND,
      { input: { template: 'REMINDER', audience: { editionId } } },
      organizer.token,
    );
    expect(sendMailing).toEqual({ queued: 3, alreadyQueued: 0, withoutEmail: 1 });
    const again = await t.ok(
      SEND,
      { input: { template: 'REMINDER', audience: { editionId } } },
      organizer.token,
    );
    expect(again.sendMailing).toEqual({ queued: 0, alreadyQueued: 3, withoutEmail: 1 });

    const received = await smtp.waitFor(3);
    const english = received.find((mail) => mail.text?.includes('Aigerim Nurlanova'))!;
    expect(english.subject).toMatch(/starts in \d+ days$/);
    expect(english.text).toContain('We look forward to seeing you in Tashkent');
    const russian = received.find((mail) => mail.text?.includes('Рахимов Алишер'))!;
    expect(russian.text).not.toContain('We look forward'); // the override is for English only
  });

  it('mails the adopted recommendations with their PDF attached', async () => {
    const recommendation = await t.ok(
      `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id } }`,
      {
        editionId,
        input: { text: 'Establish a standing dialogue between national commissions and NGOs.' },
      },
      organizer.token,
    );
    await t.ok(
      `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`,
      { id: recommendation.addRecommendation.id },
      organizer.token,
    );
    smtp.clear();
    await t.ok(
      SEND,
      { input: { template: 'RECOMMENDATIONS', audience: { editionId } } },
      organizer.token,
    );
    const received = await smtp.waitFor(3);
    for (const mail of received) {
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].contentType).toBe('application/pdf');
      expect(await pdfText(mail.attachments[0].content)).toContain('Establish a standing dialogue');
    }
    const uzbek = received.find((mail) => mail.text?.includes('Gʻulomov Oʻtkir'))!;
    expect(await pdfText(uzbek.attachments[0].content)).toMatch(/tavsiya/i);
  });

  it('shows the outbox to the organizers of the edition and lets them retry failed mail', async () => {
    smtp.refuseAll(550, 'mailbox unavailable');
    await register(
      t,
      editionId,
      (await aPerson().named('Dilnoza Qodirova').withEmail('dilnoza@example.uz').create(t)).id,
      organizer.token,
    );
    let failed: any;
    for (let i = 0; i < 100 && !failed; i++) {
      const { outbox } = await t.ok(
        OUTBOX,
        { filter: { editionId, state: 'FAILED' } },
        organizer.token,
      );
      failed = outbox.nodes[0];
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failed).toMatchObject({ toEmail: 'dilnoza@example.uz', state: 'FAILED', attempts: 1 });
    expect(failed.lastError).toContain('550');

    expect(errorCode(await t.gql(OUTBOX, { filter: { editionId } }, otherOrganizer.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(OUTBOX, {}, organizer.token))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { retryMail(id: $id) { id } }`,
          { id: failed.id },
          otherOrganizer.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    smtp.accept();
    smtp.clear();
    const { retryMail } = await t.ok(
      `mutation($id: ID!) { retryMail(id: $id) { state attempts } }`,
      { id: failed.id },
      organizer.token,
    );
    expect(retryMail).toEqual({ state: 'QUEUED', attempts: 0 });
    const [delivered] = await smtp.waitFor(1);
    expect(delivered.messageId).toBe(failed.messageId);
    const { outbox } = await t.ok(
      OUTBOX,
      { filter: { recipient: 'dilnoza@example.uz' } },
      t.adminToken,
    );
    expect(outbox.nodes[0].state).toBe('SENT');
  });

  it('sends new mail as soon as it is committed, not at the next poll', async () => {
    const slow = await startTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '60000' });
    try {
      const series = await aSeries(slow);
      const edition = (await anEdition(series.id).published().create(slow)).id;
      const person = await aPerson()
        .named('Nilufar Yusupova')
        .withEmail('nilufar@example.uz')
        .create(slow);
      smtp.clear();
      await register(slow, edition, person.id);
      const [mail] = await smtp.waitFor(1, 5000);
      expect(mail.text).toContain('Nilufar Yusupova');
    } finally {
      await slow.close();
    }
  });

  it('queues the reminder before the start by itself, once', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const series = await aSeries(t);
    const soon = await anEdition(series.id)
      .inYear(Number(day(2).slice(0, 4)))
      .on(day(2), day(2))
      .published()
      .create(t, organizer.token);
    const otherSeries = await aSeries(t);
    const later = await anEdition(otherSeries.id)
      .inYear(Number(day(10).slice(0, 4)))
      .on(day(10), day(10))
      .published()
      .create(t, organizer.token);
    const farida = await aPerson()
      .named('Farida Karimova')
      .speaking('EN')
      .withEmail('farida@example.uz')
      .create(t);
    await register(t, soon.id, farida.id, organizer.token);
    await register(t, later.id, farida.id, organizer.token);
    // Let the two registration confirmations go first.
    for (let i = 0; i < 200; i++) {
      const hers = (await messages()).filter((m) => m.toEmail === 'farida@example.uz');
      if (hers.length === 2 && hers.every((m) => m.state === OutboxState.SENT)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    smtp.clear();

    const mailings = t.app.get(Mailings);
    expect(await mailings.queueReminders(3)).toBe(1);
    expect(await mailings.queueReminders(3)).toBe(0);
    const [reminder] = await smtp.waitFor(1);
    expect(reminder.to).toMatchObject({ value: [{ address: 'farida@example.uz' }] });
    expect(reminder.subject).toMatch(/^Reminder: /);
    expect(reminder.text).toContain('Farida Karimova');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1); // not for the edition that starts in 10 days
  });

  it('logs a participant in by a single-use link, without telling whether an address is known', async () => {
    smtp.clear();
    const known = await t.ok(REQUEST_LINK, { input: { email: 'Gulomov@Example.uz' } });
    const unknown = await t.ok(REQUEST_LINK, { input: { email: 'nobody@example.org' } });
    expect(known).toEqual(unknown);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toMatchObject({ value: [{ address: 'gulomov@example.uz' }] });
    const link = /https?:\/\/\S+\/login-link\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const token = link![1];

    // It opens the web app's page in the mail's language; opening it (as a mail scanner
    // would) does not use it up.
    expect(mail.text).toContain(`/login-link/${token}?lang=uz`);
    const page = await t.http().get(`/login-link/${token}`).set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const { exchangeLoginLink } = await t.ok(EXCHANGE_LINK, { input: { token } });
    expect(exchangeLoginLink.user).toEqual({
      role: 'PARTICIPANT',
      person: { fullName: 'Gʻulomov Oʻtkir' },
    });
    const me = await t.ok(`query { me { email role } }`, {}, exchangeLoginLink.token);
    expect(me.me).toEqual({ email: 'gulomov@example.uz', role: 'PARTICIPANT' });

    const reused = await t.gql(EXCHANGE_LINK, { input: { token } });
    expect(errorCode(reused)).toBe('UNAUTHENTICATED');
    const made_up = await t.gql(EXCHANGE_LINK, { input: { token: 'x'.repeat(43) } });
    expect(made_up.errors?.[0].message).toBe(reused.errors?.[0].message);

    // A link not used in time expires.
    smtp.clear();
    await t.ok(REQUEST_LINK, { input: { email: 'rahimov@example.uz' } });
    const [late] = await smtp.waitFor(1);
    const lateToken = /\/login-link\/([A-Za-z0-9_-]+)/.exec(late.text ?? '')![1];
    await t.app
      .get(MikroORM)
      .em.fork()
      .nativeUpdate(LoginLink, {}, { expiresAt: new Date(Date.now() - 1000) });
    expect(errorCode(await t.gql(EXCHANGE_LINK, { input: { token: lateToken } }))).toBe(
      'UNAUTHENTICATED',
    );

    // Staff log in with their password: same answer, no mail.
    smtp.clear();
    const staff = await t.ok(REQUEST_LINK, { input: { email: organizer.email } });
    expect(staff.requestLoginLink).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(0);
    // Asking too often for one address is refused.
    let refused;
    for (let i = 0; i < 5 && !refused; i++) {
      const res = await t.gql(REQUEST_LINK, { input: { email: 'aigerim@example.kz' } });
      if (res.errors) refused = res.errors[0].extensions;
    }
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
  });
});
