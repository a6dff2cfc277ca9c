import { Browser } from 'playwright-core';
import { anAccount, anEdition, aSeries } from '../factories';
import { TestSmtpServer } from '../support/smtp';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const CREATE = `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`;
const INVITE = `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { id } }`;
const NOMINATIONS = `query($id: ID!) { delegation(id: $id) { nominations { status person { fullName } registration { status } } } }`;

/** A one-page PDF: the nomination letter the focal point picks from their disk. */
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe('in a browser: a focal point nominates, the organizer approves', () => {
  let app: WebApp;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let organizer: { email: string; token: string };
  let editionId: string;
  let delegationId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    [app, browser] = await Promise.all([
      startWebApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50', MAIL_RATE_PER_SECOND: '1000' }),
      launchBrowser(),
    ]);
    organizer = await anAccount(app, 'ORGANIZER');
    const series = await aSeries(app);
    editionId = (
      await anEdition(series.id)
        .titled('Regional Conference 2026')
        .inYear(2026)
        .hostedBy('TM', 'Ashgabat')
        .seats(30)
        .openForRegistration()
        .create(app, organizer.token)
    ).id;
    delegationId = (
      await app.ok(
        CREATE,
        {
          input: {
            editionId,
            kind: 'COUNTRY',
            country: 'UZ',
            seats: 2,
            categorySeats: [{ category: 'JUDGE', seats: 1 }],
          },
        },
        organizer.token,
      )
    ).createDelegation.id;
    await app.ok(
      INVITE,
      {
        input: {
          delegationId,
          email: 'nodira@example.uz',
          fullName: 'Nodira Xolmatova',
          language: 'EN',
        },
      },
      organizer.token,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('signs in with the invitation link, nominates within the seats, is refused beyond them, uploads the letter and submits; the organizer approves', async () => {
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toContain('Focal point of the delegation of Uzbekistan');
    const link = /https?:\/\/\S+\/login-link\/[^\s"<>]+/.exec(mail.text!)?.[0];
    expect(link).toBeDefined();

    const { page, errors } = await newPage(browser, app, { viewport: PHONE });
    await page.goto(link!);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'My delegations', level: 1 }).waitFor();
    await page.getByText('0 of 2 taken, 2 left').waitFor();
    await page.getByText('Judge: 0 of 1 taken, 1 left').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open the delegation' }).click();
    await page.getByRole('heading', { name: 'Uzbekistan', level: 1 }).waitFor();

    const nominate = async (latin: string, cyrillic: string, category: string) => {
      await page.getByRole('textbox', { name: 'Name in Latin letters' }).fill(latin);
      await page.getByRole('textbox', { name: 'Name in Cyrillic letters' }).fill(cyrillic);
      await page
        .locator('input:visible')
        .and(page.getByLabel('Category', { exact: true }))
        .click();
      await page.getByRole('option', { name: category, exact: true }).click();
      await page.getByRole('button', { name: 'Nominate', exact: true }).click();
    };
    await page.getByRole('checkbox', { name: /public list of participants/ }).check();
    await nominate('Sardor Aliyev', 'Сардор Алиев', 'Judge');
    await page.getByText('Sardor Aliyev is nominated (draft).').waitFor();
    await page.getByText('Judge: 1 of 1 taken, 0 left').waitFor();

    // A second judge: beyond the judges' seats.
    await nominate('Bobur Qodirov', 'Бобур Қодиров', 'Judge');
    const refusal = page.getByRole('alert').filter({ hasText: 'No seat left' });
    await refusal.waitFor();
    await refusal.getByText(/no Judge seats left/).waitFor();
    await nominate('Malika Yusupova', 'Малика Юсупова', 'Prosecutor');
    await page.getByText('2 of 2 taken, 0 left').waitFor();
    // A third delegate: beyond the delegation's seats.
    await nominate('Jasur Toshmatov', 'Жасур Тошматов', 'Investigator');
    await page
      .getByRole('alert')
      .filter({ hasText: 'all 2 seats of this delegation are taken' })
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The letter for the judge, then submit.
    const judge = page.getByRole('article').filter({ hasText: 'Sardor Aliyev' });
    await judge.locator('input[type=file]').setInputFiles({
      name: 'nomination-letter.pdf',
      mimeType: 'application/pdf',
      buffer: LETTER,
    });
    await judge.getByRole('button', { name: 'Upload the letter' }).click();
    await page.getByText('The letter is uploaded.').waitFor();
    await judge.getByRole('link', { name: 'Open the letter' }).waitFor();
    await judge.getByRole('button', { name: 'Submit' }).click();
    await judge.getByText('Submitted', { exact: true }).waitFor();
    expect(errors).toEqual([]);

    // The organizer approves in the edition's workspace.
    const organizerPage = (await newPage(browser, app)).page;
    await organizerPage.goto('/login');
    const login = organizerPage
      .locator('form')
      .filter({ has: organizerPage.getByLabel('Password') });
    await login.getByLabel('Email').fill(organizer.email);
    await login.getByRole('textbox', { name: 'Password' }).fill('a-long-password-1');
    await login.getByRole('button', { name: 'Log in' }).click();
    await organizerPage.waitForURL('**/manage/editions');
    await organizerPage.goto(`/manage/editions/${editionId}?section=delegations`);
    await organizerPage.getByRole('button', { name: /Uzbekistan/ }).click();
    const nominee = organizerPage.getByRole('article').filter({ hasText: 'Sardor Aliyev' });
    await nominee.getByRole('button', { name: 'Approve' }).click();
    await nominee.getByText('Approved', { exact: true }).waitFor();
    expect(await accessibilityProblems(organizerPage)).toEqual([]);

    const data = await app.ok(NOMINATIONS, { id: delegationId }, organizer.token);
    expect(data.delegation.nominations).toContainEqual({
      status: 'APPROVED',
      person: { fullName: 'Sardor Aliyev' },
      registration: { status: 'REGISTERED' },
    });

    // The organizer names the head of delegation among its nominees…
    await organizerPage.getByLabel('Head of delegation').first().click();
    await organizerPage.getByRole('option', { name: 'Sardor Aliyev' }).click();
    await organizerPage.getByText('The head of delegation is saved.').waitFor();
    const head = await app.ok(
      `query($id: ID!) { delegation(id: $id) { head { fullName } } }`,
      { id: delegationId },
      organizer.token,
    );
    expect(head.delegation.head).toEqual({ fullName: 'Sardor Aliyev' });

    // …and adds an international organization's delegation, found by part of its name.
    await app.ok(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          name: 'United Nations Office on Drugs and Crime',
          acronym: 'UNODC',
          country: 'AT',
          type: 'INTERNATIONAL_ORGANIZATION',
        },
      },
      organizer.token,
    );
    await organizerPage.getByText('International organization', { exact: true }).click();
    await organizerPage.getByLabel('Organization', { exact: true }).first().fill('Drugs and Crime');
    await organizerPage.getByRole('option', { name: /UNODC/ }).click();
    await organizerPage.getByRole('button', { name: 'Create the delegation' }).click();
    await organizerPage
      .getByRole('button', { name: /United Nations Office on Drugs and Crime/ })
      .waitFor();
    expect(await accessibilityProblems(organizerPage)).toEqual([]);
  }, 120_000);
});
