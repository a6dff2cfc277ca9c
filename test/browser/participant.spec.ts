import { Browser } from 'playwright-core';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from '../factories';
import { pdfText } from '../support/pdf';
import { TestSmtpServer } from '../support/smtp';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
const CONFIGURE = `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`;
const ISSUE = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id serial verificationUrl } }`;
const ADD_SESSION = `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`;
const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`;
const CREATE_EVENT = `mutation($programmeId: ID!, $input: CreateTrainingEventInput!) { createTrainingEvent(programmeId: $programmeId, input: $input) { id } }`;
const ENROLL = `mutation($eventId: ID!, $personId: ID!) { enrollTrainee(eventId: $eventId, personId: $personId) { id } }`;
const MARK_DAY = `mutation($input: MarkDayInput!) { markAttendance(input: $input) { day } }`;
const REGISTRATIONS = `query($id: ID!) { edition(id: $id) { registrations { nodes { status person { id } } } } }`;

describe('in a browser: a participant', () => {
  let app: WebApp;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let holder: { id: string; fullName: string };
  let email: string;
  let certificate: { id: string; serial: string; verificationUrl: string };
  let openEditionId: string;
  let thirdEditionId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    [app, browser] = await Promise.all([
      startWebApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50', MAIL_RATE_PER_SECOND: '1000' }),
      launchBrowser(),
    ]);
    const organizer = await anAccount(app, 'ORGANIZER');
    const series = await aSeries(app);
    const past = await anEdition(series.id)
      .titled('Partnerships against Trafficking 2022')
      .inYear(2022)
      .published()
      .create(app, organizer.token);
    openEditionId = (
      await anEdition(series.id)
        .titled('Technology and Trafficking 2031')
        .inYear(2031)
        .openForRegistration()
        .create(app, organizer.token)
    ).id;
    const ambassador = await aPerson().named('Jonathan Henick').create(app);
    for (const [day, startTime, endTime, title] of [
      [1, '09:30', '10:00', 'Opening of the conference'],
      [2, '14:00', '15:30', 'Technology against trafficking'],
    ] as const) {
      await app.ok(
        ADD_SESSION,
        {
          e: openEditionId,
          input: {
            day,
            startTime,
            endTime,
            title,
            kind: 'PANEL',
            speakers: [
              {
                personId: ambassador.id,
                titleOnAgenda: 'Ambassador of the United States to Uzbekistan',
              },
            ],
          },
        },
        organizer.token,
      );
    }
    thirdEditionId = (
      await anEdition(series.id)
        .titled('Cybercrime and Trafficking 2032')
        .inYear(2032)
        .openForRegistration()
        .create(app, organizer.token)
    ).id;
    email = 'dilnoza.qodirova@example.uz';
    holder = await aPerson().named('Dilnoza Qodirova').withEmail(email).create(app);
    await anAccount(app, 'PARTICIPANT', holder.id);
    const registration = (await register(app, past.id, holder.id, organizer.token)).data
      .registerParticipant;
    await app.ok(
      CHECK_IN,
      { input: { registrationId: registration.id, day: '2022-07-28' } },
      organizer.token,
    );
    await app.ok(
      CONFIGURE,
      {
        input: {
          editionId: past.id,
          serialPrefix: 'TIP',
          signatories: [{ name: 'Akmal Saidov', position: 'Chair of the National Commission' }],
        },
      },
      organizer.token,
    );
    // A two-day training: present on the first day, late on the second.
    const ministry = await anOrganization().named('Ministry of Internal Affairs').create(app);
    const programmeId = (
      await app.ok(
        CREATE_PROGRAMME,
        { input: { title: 'Investigating trafficking in persons', ownerId: ministry.id } },
        app.adminToken,
      )
    ).createTrainingProgramme.id;
    const eventId = (
      await app.ok(
        CREATE_EVENT,
        {
          programmeId,
          input: {
            title: 'Identification of victims of trafficking',
            country: 'UZ',
            region: 'Samarkand region',
            city: 'Samarkand',
            startDate: '2023-03-14',
            endDate: '2023-03-15',
          },
        },
        app.adminToken,
      )
    ).createTrainingEvent.id;
    const enrollmentId = (await app.ok(ENROLL, { eventId, personId: holder.id }, app.adminToken))
      .enrollTrainee.id;
    for (const [day, status] of [
      ['2023-03-14', 'PRESENT'],
      ['2023-03-15', 'LATE'],
    ]) {
      await app.ok(
        MARK_DAY,
        { input: { eventId, day, marks: [{ enrollmentId, status }] } },
        app.adminToken,
      );
    }
    certificate = (
      await app.ok(
        ISSUE,
        { input: { kind: 'CONFERENCE_ATTENDANCE', editionId: past.id, personId: holder.id } },
        organizer.token,
      )
    ).issueCertificate;
  });

  /** The first received mail whose text contains `text`, waiting for it. */
  async function mailWith(text: string) {
    for (let count = 1; ; count++) {
      const mail = (await smtp.waitFor(count)).find((m) => m.text?.includes(text));
      if (mail) return mail;
    }
  }

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('logs in with the mailed link, opens the certificate PDF, reads the pages in Russian and Uzbek, sees the training marks, registers and cancels', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: PHONE });

    // The login link, taken from the mail the SMTP server received.
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).last().fill(email);
    await page.getByRole('button', { name: 'Mail me a login link' }).click();
    await page.getByText('a login link is on its way').waitFor();
    // (The registration's and the certificate's mails came before it.)
    const mail = await mailWith('/login-link/');
    expect(JSON.stringify(mail?.to)).toContain(email);
    const link = /https?:\/\/\S+\/login-link\/[^\s"<>]+/.exec(mail.text!)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('button', { name: 'Log in' }).click();

    // My conferences: the attended edition with its documents.
    await page.getByRole('heading', { name: 'My conferences', level: 1 }).waitFor();
    await page.getByText('Attended 1 day').waitFor();
    await page.getByRole('link', { name: 'Agenda (PDF)' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // My certificates: open the PDF in the browser.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'My certificates' }).click();
    await page.getByRole('heading', { name: 'My certificates', level: 1 }).waitFor();
    await page.getByText(certificate.serial).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    const [pdfResponse] = await Promise.all([
      context.waitForEvent('response', (r) => r.url().includes('/documents/certificates/')),
      page.getByRole('link', { name: 'Open the PDF' }).click(),
    ]);
    expect(pdfResponse.status()).toBe(200);
    const headers = await pdfResponse.allHeaders();
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toMatch(/^inline;/);
    // The same address with this browser's cookie: the holder's certificate.
    const pdf = await context.request.get(pdfResponse.url());
    expect(await pdfText(await pdf.body())).toContain('Dilnoza Qodirova');

    // Copy the verification link: a notification says so.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the verification link' }).click();
    await page.getByText('The verification link is copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(certificate.verificationUrl);

    // Russian, then Uzbek, from the language menu.
    await page.getByRole('button', { name: /^Language: / }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Мои сертификаты', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Открыть PDF' }).waitFor();
    await page.getByRole('button', { name: /^Язык: / }).click();
    await page.getByRole('menuitem', { name: 'Oʻzbekcha' }).click();
    await page.getByRole('heading', { name: 'Mening sertifikatlarim', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'PDF ni ochish' }).waitFor();
    await page.getByRole('button', { name: /^Til: / }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    // My trainings: each day's mark and the completion.
    await page.goto('/my/trainings');
    await page.getByRole('heading', { name: 'My trainings', level: 1 }).waitFor();
    const days = page.getByRole('table', { name: 'Attendance by day' }).getByRole('row');
    await days.filter({ hasText: '14 March 2023' }).getByText('Present').waitFor();
    await days.filter({ hasText: '15 March 2023' }).getByText('Late').waitFor();
    await page.getByText('Completed', { exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // Register for the open edition, then cancel, confirming.
    await page.goto('/my/conferences');
    await page
      .getByRole('button', { name: 'Register for Technology and Trafficking 2031' })
      .click();
    await page.getByText('You are registered for Technology and Trafficking 2031.').waitFor();
    const stored = async () =>
      (await app.ok(REGISTRATIONS, { id: openEditionId }, app.adminToken)).edition.registrations
        .nodes;
    expect(await stored()).toEqual([{ status: 'REGISTERED', person: { id: holder.id } }]);
    await page
      .getByRole('button', { name: 'Cancel my registration for Technology and Trafficking 2031' })
      .click();
    await page.getByRole('dialog', { name: 'Cancel the registration?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page
      .getByText('Your registration for Technology and Trafficking 2031 is cancelled.')
      .waitFor();
    expect(await stored()).toEqual([{ status: 'CANCELLED', person: { id: holder.id } }]);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Or from a conference's own page.
    await page.goto(`/editions/${thirdEditionId}`);
    await page
      .getByRole('heading', { name: 'Cybercrime and Trafficking 2032', level: 1 })
      .waitFor();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByText('Your registration: registered.').waitFor();
    expect(
      (await app.ok(REGISTRATIONS, { id: thirdEditionId }, app.adminToken)).edition.registrations
        .nodes,
    ).toEqual([{ status: 'REGISTERED', person: { id: holder.id } }]);
    // Nothing is wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows anyone an edition with its agenda by day and the calendar file, and asks them to log in to register', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: PHONE });
    await page.goto('/');
    await page.getByRole('link', { name: 'Technology and Trafficking 2031' }).click();
    await page
      .getByRole('heading', { name: 'Technology and Trafficking 2031', level: 1 })
      .waitFor();
    await page.getByText('Use and Abuse of Technology').waitFor();
    await page.getByText('Times are local to the venue (Asia/Tashkent).').waitFor();
    await page.getByRole('tab', { name: /^Day 1/ }).waitFor();
    await page.getByText('Opening of the conference').waitFor();
    await page.getByRole('tab', { name: /^Day 2/ }).click();
    await page.getByText('Technology against trafficking').waitFor();
    await page
      .getByRole('tabpanel')
      .getByText('Jonathan Henick, Ambassador of the United States to Uzbekistan')
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    // The calendar file the link gives: the agenda's times in Tashkent's zone.
    const href = await page
      .getByRole('link', { name: /Add the agenda to my calendar/ })
      .getAttribute('href');
    const ics = await (await context.request.get(href!)).text();
    expect(ics).toContain('DTSTART;TZID=Asia/Tashkent:20310729T140000');
    await page.getByRole('link', { name: 'Log in to register' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/editions/${openEditionId}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('verifies a certificate at the address of its QR code, in the reader’s language', async () => {
    const { context, page, errors } = await newPage(browser, app, { locale: 'ru-RU' });
    await page.goto(new URL(certificate.verificationUrl).pathname);
    await page.getByRole('heading', { name: 'Проверка сертификата', level: 1 }).waitFor();
    await page.getByText('Сертификат действителен.').waitFor();
    await page.getByRole('cell', { name: 'Dilnoza Qodirova' }).waitFor();
    await page.getByRole('cell', { name: certificate.serial }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Проверить другой код' }).click();
    await page.getByRole('textbox', { name: /Код проверки/ }).fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Сертификата с таким кодом проверки нет').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    // (The browser logs the unknown code's 404 answer itself; nothing else may appear.)
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});
