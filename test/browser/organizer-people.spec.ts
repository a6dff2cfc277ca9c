import { Browser, Page } from 'playwright-core';
import { anAccount, anEdition, anOrganization, aPerson, aSeries } from '../factories';
import { TestSmtpServer } from '../support/smtp';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  startWebApp,
  WebApp,
} from './support/browser';

const PASSWORD = 'a-long-password-1';
const SMALL_PHONE = { width: 360, height: 740 };

async function logIn(page: Page, email: string, password = PASSWORD) {
  page.setDefaultTimeout(8000);
  await page.goto('/login');
  // By what the fields are, so it works in every language.
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * What sticks out of the screen sideways, making the page scroll (nothing, on a phone):
 * the elements past the right edge when the page is wider than the screen.
 */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  // Runs in the page, where `document` exists (the test's own types have no DOM), once
  // the layout has settled (two frames).
  return page.evaluate(async () => {
    interface Box {
      tagName: string;
      className: string;
      getBoundingClientRect(): { right: number };
    }
    const page = globalThis as unknown as {
      document: {
        documentElement: { scrollWidth: number; clientWidth: number };
        querySelectorAll(selector: string): Iterable<Box>;
      };
      requestAnimationFrame(callback: () => void): void;
    };
    const frame = () => new Promise<void>((resolve) => page.requestAnimationFrame(resolve));
    await frame();
    await frame();
    const root = page.document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    return [...page.document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth)
      .map((element) => `${element.tagName}.${element.className}`)
      .slice(0, 10);
  });
}

describe('in a browser: an organizer registers, checks in and mails participants', () => {
  let app: WebApp;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let organizer: { id: string; token: string; email: string };
  let editionId: string;
  let seriesId: string;
  let eventId: string;

  const registrations = async () =>
    (
      await app.ok(
        `query($id: ID!) { registrations(editionId: $id, first: 100) { nodes { id status person { fullName email } checkIns { day } } } }`,
        { id: editionId },
        organizer.token,
      )
    ).registrations.nodes as {
      id: string;
      status: string;
      person: { fullName: string; email: string | null };
      checkIns: { day: string }[];
    }[];

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    [app, browser] = await Promise.all([
      startWebApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '50', MAIL_RETRY_BASE_SECONDS: '0' }),
      launchBrowser(),
    ]);
    organizer = await anAccount(app, 'ORGANIZER');
    const series = await aSeries(app, 'Regional conference on trafficking in persons');
    seriesId = series.id;
    editionId = (
      await anEdition(series.id)
        .on('2022-07-28', '2022-07-29')
        .published()
        .create(app, organizer.token)
    ).id;
    await aPerson()
      .named('Malika Qodirova', 'Малика Қодирова')
      .withEmail('malika@example.uz')
      .judge()
      .create(app);
    const owner = await anOrganization().named('Training Centre', 'TC').create(app);
    const { createTrainingProgramme } = await app.ok(
      `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
      { input: { title: 'Victim identification', ownerId: owner.id } },
      app.adminToken,
    );
    eventId = (
      await app.ok(
        `mutation($programmeId: ID!, $input: CreateTrainingEventInput!) { createTrainingEvent(programmeId: $programmeId, input: $input) { id } }`,
        {
          programmeId: createTrainingProgramme.id,
          input: {
            title: 'Seminar in Samarkand',
            city: 'Samarkand',
            country: 'UZ',
            region: 'Samarkand region',
            startDate: '2026-03-02',
            endDate: '2026-03-04',
          },
        },
        app.adminToken,
      )
    ).createTrainingEvent.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('registers one participant found in the directory and one created on the spot', async () => {
    const { context, page, errors } = await newPage(browser, app);
    await logIn(page, organizer.email);
    await page.goto(`/manage/editions/${editionId}/registrations`);
    await page.getByRole('heading', { name: 'Registrations', level: 1 }).waitFor();

    await page.getByLabel('Find the person in the directory').fill('qodir');
    await page.getByRole('button', { name: 'Register Malika Qodirova' }).click();
    await page.getByText('Malika Qodirova is registered (Registered).').waitFor();

    await page.getByLabel('Full name').fill('Javlon Karimov');
    await page.getByRole('textbox', { name: 'Country', exact: true }).fill('uz');
    await page.getByLabel('Email (optional)').fill('javlon@example.uz');
    await page.getByRole('button', { name: 'Add and register' }).click();
    await page.getByText('Javlon Karimov is registered (Registered).').waitFor();

    const table = page.getByRole('region', { name: 'Registrations of this edition' });
    await table.getByRole('rowheader', { name: /Javlon Karimov/ }).waitFor();
    await table.getByRole('rowheader', { name: /Malika Qodirova/ }).waitFor();
    await page.getByText('2 registrations match').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // Malika confirms she comes.
    await table.getByRole('button', { name: 'Confirm: Malika Qodirova' }).click();
    await page.getByText('Malika Qodirova: confirmed.').waitFor();
    await page.getByText('Confirmed: 1').waitFor();

    const stored = await registrations();
    expect(stored.map((r) => [r.person.fullName, r.status]).sort()).toEqual([
      ['Javlon Karimov', 'REGISTERED'],
      ['Malika Qodirova', 'CONFIRMED'],
    ]);
    expect(stored.find((r) => r.person.fullName === 'Javlon Karimov')?.person.email).toBe(
      'javlon@example.uz',
    );

    // The filters: a name finds one.
    await page.getByLabel('Name', { exact: true }).fill('karim');
    await page.getByText('1 registration matches').waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // On a small phone the table scrolls inside its own frame, not the page.
    const phone = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(phone.page, organizer.email);
    await phone.page.goto(`/manage/editions/${editionId}/registrations`);
    const frame = phone.page.getByRole('region', { name: 'Registrations of this edition' });
    await frame.getByRole('rowheader', { name: /Javlon Karimov/ }).waitFor();
    expect(await sidewaysOverflow(phone.page)).toEqual([]);
    expect(await frame.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('checks a participant in on day 1 with part of the name and one tap, on a small phone', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(page, organizer.email);
    await page.goto(`/manage/editions/${editionId}/check-in`);
    await page.getByRole('link', { name: /Day 1: 28 July 2022/ }).click();
    await page.getByRole('heading', { name: 'Check-in, day 1', level: 1 }).waitFor();
    await page.getByText('0 of 2 checked in on this day').waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    // The account menu in the header stays on the small screen.
    const accountMenu = await page.getByRole('banner').getByRole('button').last().boundingBox();
    expect(accountMenu!.x + accountMenu!.width).toBeLessThanOrEqual(SMALL_PHONE.width);

    // The search box has the focus: the organizer just types.
    await page.keyboard.type('kari');
    const javlon = page.getByRole('button', { name: /Javlon Karimov/ });
    await expect(page.getByRole('button', { name: /Malika Qodirova/ }).count()).resolves.toBe(0);
    await javlon.click();
    await page.getByText('1 of 2 checked in on this day').waitFor();
    expect(await javlon.getAttribute('aria-pressed')).toBe('true');
    const dayOf = async (name: string) =>
      (await registrations()).find((r) => r.person.fullName === name)!.checkIns.map((c) => c.day);
    expect(await dayOf('Javlon Karimov')).toEqual(['2022-07-28']);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);

    // A wrong tap is undone with another, and redone.
    await javlon.click();
    await page.getByText('0 of 2 checked in on this day').waitFor();
    expect(await dayOf('Javlon Karimov')).toEqual([]);
    await javlon.click();
    await page.getByText('1 of 2 checked in on this day').waitFor();
    expect(await dayOf('Javlon Karimov')).toEqual(['2022-07-28']);
    expect(await dayOf('Malika Qodirova')).toEqual([]);

    // Day 2 is another day: nobody is in yet.
    await page.getByRole('link', { name: 'Other days' }).click();
    await page.getByRole('link', { name: /Day 2/ }).click();
    await page.getByText('0 of 2 checked in on this day').waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // A Russian-speaking organizer finds Malika by her name in Cyrillic.
    const ru = await newPage(browser, app, { locale: 'ru-RU', viewport: SMALL_PHONE });
    await logIn(ru.page, organizer.email);
    await ru.page.goto(`/manage/editions/${editionId}/check-in/2022-07-28`);
    await ru.page.getByRole('heading', { name: 'Отметка участников, день 1', level: 1 }).waitFor();
    await ru.page.getByText('Отмечен 1 из 2 в этот день').waitFor();
    await ru.page.keyboard.type('қодир');
    await ru.page.getByRole('button', { name: /Malika Qodirova/ }).waitFor();
    await expect(ru.page.getByRole('button', { name: /Javlon/ }).count()).resolves.toBe(0);
    expect(ru.errors).toEqual([]);
    await ru.context.close();
  });

  it('previews a mailing with its recipient count, sends it, and sees it in the outbox', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(page, organizer.email);
    await page.goto(`/manage/editions/${editionId}/mailings`);
    await page.getByRole('heading', { name: 'Mailings', level: 1 }).waitFor();
    // The reminder to the registered and confirmed participants (the defaults).
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('2 people will get it.').waitFor();
    await preview.getByText(/^Subject: Reminder: Strengthening National/).waitFor();
    await preview.getByText(/Dear Javlon Karimov,/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);

    await preview.getByRole('button', { name: 'Send…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Send “Reminder before the edition” to 2 people now\?/).waitFor();
    await dialog.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('2 messages are queued.').waitFor();

    // The two registration confirmations, then the two reminders, reach the SMTP server.
    await smtp.waitFor(4);
    const reminders = smtp.received.filter((mail) => mail.subject?.startsWith('Reminder:'));
    const addresses = reminders.flatMap((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value ?? []),
    );
    expect(addresses.map((a) => `${a.name} <${a.address}>`).sort()).toEqual([
      'Javlon Karimov <javlon@example.uz>',
      'Malika Qodirova <malika@example.uz>',
    ]);

    await page.getByRole('link', { name: 'See the outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Failed messages' })
      .getByText('No message failed.')
      .waitFor();
    const all = page.getByRole('region', { name: 'Messages' });
    await all.getByText('4 messages').waitFor();
    await expect(all.getByText(/^Reminder: Strengthening National/).count()).resolves.toBe(2);
    await all.getByText('Javlon Karimov <javlon@example.uz>').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a failed message in the outbox and sends it again', async () => {
    // The mail server refuses the invitation of a new participant for good.
    smtp.refuseAll(550, 'mailbox unavailable');
    const person = await aPerson()
      .named('Dilnoza Rahimova')
      .withEmail('dilnoza@example.uz')
      .create(app, organizer.token);
    await app.ok(
      `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id } }`,
      { input: { editionId, personId: person.id } },
      organizer.token,
    );
    const invitation = async () =>
      (
        await app.ok(
          `query($filter: OutboxFilter) { outbox(filter: $filter) { nodes { state attempts } } }`,
          { filter: { editionId, recipient: 'dilnoza@example.uz' } },
          organizer.token,
        )
      ).outbox.nodes[0] as { state: string; attempts: number } | undefined;
    for (let i = 0; i < 100 && (await invitation())?.state !== 'FAILED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await invitation())?.state).toBe('FAILED');
    smtp.accept();

    const { context, page, errors } = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(page, organizer.email);
    // The organizer of a single edition sees its mail at once.
    await page.goto('/manage/outbox');
    const failed = page.getByRole('region', { name: 'Failed messages' });
    await failed.getByText('Dilnoza Rahimova <dilnoza@example.uz>').waitFor();
    await failed.getByText(/Last error: .*mailbox unavailable/).waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await failed.getByRole('button', { name: 'Send again to dilnoza@example.uz' }).click();
    await page.getByText('The message to dilnoza@example.uz is queued again.').waitFor();
    await failed.getByText('No message failed.').waitFor();

    const received = await smtp.waitFor(5);
    expect(received.some((mail) => mail.text?.includes('Dilnoza Rahimova'))).toBe(true);
    for (let i = 0; i < 100 && (await invitation())?.state !== 'SENT'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await invitation()).toEqual({ state: 'SENT', attempts: 1 });

    // She cannot come after all: the organizer cancels her invitation.
    await page.goto(`/manage/editions/${editionId}/registrations`);
    await page.getByRole('button', { name: 'Cancel the registration: Dilnoza Rahimova' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Cancel the registration of Dilnoza Rahimova\?/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel the registration' }).click();
    await page.getByText('Dilnoza Rahimova: registration cancelled.').waitFor();
    expect(
      (await registrations()).find((r) => r.person.fullName === 'Dilnoza Rahimova')?.status,
    ).toBe('CANCELLED');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an admin create a trainer account and assign it to a training event', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(page, 'admin@test.local', 'admin-password-1');
    await page.goto('/admin/accounts');
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();

    await page.getByRole('textbox', { name: 'Email' }).fill('trainer.aziza@example.uz');
    // The API's objection shows under the field it names.
    const password = page.getByRole('textbox', { name: 'Password' });
    await password.fill('short');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('must have at least 10 characters').waitFor();
    const errorId = (await password.getAttribute('aria-describedby'))!.split(/\s+/)[0];
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(
      'must have at least 10 characters',
    );
    await password.fill('trainer-password-1');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText(/The account trainer.aziza@example.uz \(Trainer\) is created/).waitFor();
    await page.getByRole('rowheader', { name: 'trainer.aziza@example.uz' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Account' }).click();
    await page.getByRole('option', { name: /trainer.aziza@example.uz/ }).click();
    await page.getByRole('combobox', { name: 'Training event' }).click();
    await page.getByRole('option', { name: /Seminar in Samarkand/ }).click();
    await page.getByRole('button', { name: 'Make trainer of the event' }).click();
    await page.getByText('now trains at “Seminar in Samarkand”').waitFor();

    const { users } = await app.ok(`{ users { id email role } }`, {}, app.adminToken);
    const trainer = users.find((u: { email: string }) => u.email === 'trainer.aziza@example.uz');
    expect(trainer.role).toBe('TRAINER');
    const { trainingEvent } = await app.ok(
      `query($id: ID!) { trainingEvent(id: $id) { trainers { id } } }`,
      { id: eventId },
      app.adminToken,
    );
    expect(trainingEvent.trainers).toEqual([{ id: trainer.id }]);
    // The new account logs in with the password the admin gave.
    await expect(app.login('trainer.aziza@example.uz', 'trainer-password-1')).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an admin set the rotation of a series', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: SMALL_PHONE });
    await logIn(page, 'admin@test.local', 'admin-password-1');
    await page.goto('/admin/series');
    await page.getByRole('heading', { name: 'Series and rotation', level: 1 }).waitFor();
    const card = page.getByRole('article', {
      name: 'Regional conference on trafficking in persons',
    });
    await card.getByRole('button', { name: /Edit the rotation/ }).click();
    await card.getByRole('button', { name: 'Add a year' }).click();
    await card.getByRole('textbox', { name: 'Year' }).last().fill('2027');
    await card.getByRole('textbox', { name: 'Host country' }).last().fill('kz');
    await card.getByRole('button', { name: 'Add a year' }).click();
    // A country that does not exist is refused, under its field.
    const second = card.getByRole('textbox', { name: 'Host country' }).last();
    await second.fill('xx');
    await card.getByRole('button', { name: 'Save the rotation' }).click();
    await card.getByText('must be an ISO 3166 two-letter country code such as UZ or KZ').waitFor();
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    await second.fill('tj');
    await card.getByRole('button', { name: 'Save the rotation' }).click();
    await card
      .getByText('The rotation of “Regional conference on trafficking in persons” is saved.')
      .waitFor();
    await card.getByRole('cell', { name: 'Kazakhstan' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);

    const { series } = await app.ok(
      `query($id: ID!) { series(id: $id) { rotation { year hostCountry } } }`,
      { id: seriesId },
    );
    expect(series.rotation).toEqual([
      { year: 2027, hostCountry: 'KZ' },
      { year: 2028, hostCountry: 'TJ' },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
