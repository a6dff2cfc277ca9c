import { readFile } from 'node:fs/promises';
import { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { anAccount, anOrganization, aPerson } from '../factories';
import { pdfText } from '../support/pdf';
import { unzip } from '../support/zip';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const ROSTER = `query($id: ID!) {
  trainingEvent(id: $id) {
    roster { enrollment { id } person { fullName } marks { day status } completed }
  }
}`;
const PEOPLE = `{ people(first: 1) { totalCount } }`;
const TRAINEES = ['Aziza Karimova', 'Bobur Toshmatov', 'Dilnoza Yusupova'];
const DAY_1 = '2024-03-04';
const DAY_2 = '2024-03-05';
// A lost connection makes the browser log each failed request: expected while offline.
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to fetch/;

/**
 * A trainer on a phone runs a two-day seminar: marks a day (one mark while the network is
 * down), imports more trainees from a file with a bad row, issues the certificates and
 * downloads them. Each step is checked on the screen and in what the API stores.
 */
describe('in a browser: a trainer on a phone', () => {
  let app: WebApp;
  let browser: Browser;
  let trainer: { id: string; token: string; email: string };
  let eventId: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const roster = async () =>
    (await app.ok(ROSTER, { id: eventId }, trainer.token)).trainingEvent.roster as {
      enrollment: { id: string };
      person: { fullName: string };
      marks: { day: string; status: string | null }[];
      completed: boolean;
    }[];
  const statusOn = async (name: string, day: string) =>
    (await roster())
      .find((entry) => entry.person.fullName === name)!
      .marks.find((mark) => mark.day === day)!.status;
  /** The marks of day 1 waiting on the phone (localStorage), as stored. */
  const pendingOnPhone = () =>
    page.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(`trainings.pendingMarks.${eventId}.${DAY_1}`)})`,
    );
  const noHorizontalScroll = () =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const ministry = await anOrganization()
      .named('Ministry of Internal Affairs', 'MIA')
      .create(app);
    const programmeId = (
      await app.ok(
        `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
        { input: { title: 'Investigating trafficking in persons', ownerId: ministry.id } },
        app.adminToken,
      )
    ).createTrainingProgramme.id;
    trainer = await anAccount(app, 'TRAINER');
    eventId = (
      await app.ok(
        `mutation($p: ID!, $input: CreateTrainingEventInput!) { createTrainingEvent(programmeId: $p, input: $input) { id } }`,
        {
          p: programmeId,
          input: {
            title: 'Identification of victims',
            country: 'UZ',
            region: 'Samarkand region',
            city: 'Samarkand',
            startDate: DAY_1,
            endDate: DAY_2,
            trainerIds: [trainer.id],
          },
        },
        app.adminToken,
      )
    ).createTrainingEvent.id;
    for (const name of TRAINEES) {
      const person = await aPerson().named(name).in(ministry.id).officer().create(app);
      await app.ok(
        `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`,
        { e: eventId, p: person.id },
        trainer.token,
      );
    }
    ({ context, page, errors } = await newPage(browser, app, { viewport: PHONE }));
    await page.goto('/login');
    await page.getByLabel('Email').first().fill(trainer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('a-long-password-1');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  // A failed step must not leave the phone offline for the next journeys.
  afterEach(() => context.setOffline(false));
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('marks a day with one tap per trainee, keeps a mark made offline and saves it when back online', async () => {
    await page.goto('/trainings/events');
    await page.getByRole('heading', { name: 'My training events' }).waitFor();
    await page.getByText('3 trainees enrolled').waitFor();
    await page.getByRole('link', { name: 'Identification of victims' }).click();
    await page.getByRole('heading', { name: 'Roster' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Day 1: 4 March 2024' }).click();
    await page.getByRole('heading', { name: 'Day 1: 4 March 2024' }).waitFor();

    for (const name of TRAINEES) {
      await page.getByRole('radiogroup', { name }).getByRole('radio', { name: 'Present' }).click();
    }
    await page.getByText('3 of 3 trainees marked').waitFor();
    await page.getByText('Saving…').first().waitFor({ state: 'detached' });
    for (const name of TRAINEES) expect(await statusOn(name, DAY_1)).toBe('PRESENT');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);

    // The network drops: the mark stays on the phone, shown as not saved yet.
    await context.setOffline(true);
    const bobur = page.getByRole('radiogroup', { name: 'Bobur Toshmatov' });
    await bobur.getByRole('radio', { name: 'Late' }).click();
    await page.getByText('Not saved yet', { exact: true }).waitFor();
    await page.getByText('1 mark is not saved yet.', { exact: false }).waitFor();
    expect(await bobur.getByRole('radio', { name: 'Late' }).isChecked()).toBe(true);
    const kept = await pendingOnPhone();
    expect(JSON.parse(kept!)).toEqual({ [(await roster())[1].enrollment.id]: 'LATE' });
    expect(await statusOn('Bobur Toshmatov', DAY_1)).toBe('PRESENT');

    // Back online: it is sent by itself.
    await context.setOffline(false);
    await page.getByText('Not saved yet', { exact: true }).waitFor({ state: 'detached' });
    await page
      .getByText('1 mark is not saved yet.', { exact: false })
      .waitFor({ state: 'detached' });
    expect(await statusOn('Bobur Toshmatov', DAY_1)).toBe('LATE');
    expect(await pendingOnPhone()).toBeNull();

    // A mark that cannot be sent survives a reload, and is sent by the periodic retry.
    const refuseMarks = (route: Route) =>
      route.request().postData()?.includes('MarkAttendance')
        ? route.abort('internetdisconnected')
        : route.continue();
    await page.route('**/graphql', refuseMarks);
    const dilnoza = page.getByRole('radiogroup', { name: 'Dilnoza Yusupova' });
    await dilnoza.getByRole('radio', { name: 'Absent' }).click();
    await page.getByText('Not saved yet', { exact: true }).waitFor();
    // The event page says a mark waits on this phone; opening the day sends it.
    await page.getByRole('link', { name: '← Identification of victims' }).click();
    await page
      .getByText('1 mark on this phone is not saved yet: open the day to send it.')
      .waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Day 1: 4 March 2024' }).click();
    await page.getByText('Not saved yet', { exact: true }).waitFor();
    expect(await dilnoza.getByRole('radio', { name: 'Absent' }).isChecked()).toBe(true);
    expect(await statusOn('Dilnoza Yusupova', DAY_1)).toBe('PRESENT');
    await page.unroute('**/graphql', refuseMarks);
    await page.getByText('Not saved yet', { exact: true }).waitFor({ state: 'detached' });
    expect(await statusOn('Dilnoza Yusupova', DAY_1)).toBe('ABSENT');

    // Usable on the narrowest phones too.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await noHorizontalScroll()).toBe(true);
    await page.setViewportSize(PHONE);
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });

  it('checks a roster file first, showing its bad row with nothing stored, then imports the good rows', async () => {
    const peopleBefore = (await app.ok(PEOPLE, {}, app.adminToken)).people.totalCount;
    await page.goto(`/trainings/events/${eventId}`);
    await page.getByRole('link', { name: 'Import a roster' }).click();
    await page.getByRole('heading', { name: 'Import a roster' }).waitFor();
    const csv =
      'full_name,email,organization\n' +
      'Farrux Aliyev,farrux@example.uz,Ministry of Internal Affairs\n' +
      'Gulnora Rashidova,not-an-email,\n' +
      'Hamid Nazarov,,\n';
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByLabel('Roster file (CSV)').click(),
    ]);
    await chooser.setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();

    const bad = page.getByRole('region', { name: /1 row with a problem/ });
    await bad.waitFor();
    const badRow = bad.getByRole('row').nth(1);
    expect(await badRow.getByRole('cell').allInnerTexts()).toEqual([
      '3',
      'email',
      expect.stringMatching(/email/i),
    ]);
    const good = page.getByRole('region', { name: '2 rows to import' });
    await good.getByText('Farrux Aliyev').waitFor();
    await good.getByText('Hamid Nazarov').waitFor();
    // Checked, not stored.
    expect(await roster()).toHaveLength(3);
    expect((await app.ok(PEOPLE, {}, app.adminToken)).people.totalCount).toBe(peopleBefore);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);

    await page.getByRole('button', { name: 'Import the 2 good rows' }).click();
    await page.getByText('Roster imported').waitFor();
    await page.getByText('2 trainees enrolled', { exact: false }).waitFor();
    expect((await roster()).map((entry) => entry.person.fullName).sort()).toEqual(
      [...TRAINEES, 'Farrux Aliyev', 'Hamid Nazarov'].sort(),
    );
    expect((await app.ok(PEOPLE, {}, app.adminToken)).people.totalCount).toBe(peopleBefore + 2);
  });

  it('issues the certificates with a progress bar and downloads them as a ZIP', async () => {
    // Day 2 marked for the first three (and Dilnoza's day 1 set right): they complete; the
    // two imported ones did not come.
    const entries = await roster();
    const dilnoza = entries.find((entry) => entry.person.fullName === 'Dilnoza Yusupova')!;
    await app.ok(
      `mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { id } }`,
      { input: { enrollmentId: dilnoza.enrollment.id, day: DAY_1, status: 'PRESENT' } },
      trainer.token,
    );
    await app.ok(
      `mutation($input: MarkDayInput!) { markAttendance(input: $input) { id } }`,
      {
        input: {
          eventId,
          day: DAY_2,
          marks: entries.map((entry) => ({
            enrollmentId: entry.enrollment.id,
            status: TRAINEES.includes(entry.person.fullName) ? 'PRESENT' : 'ABSENT',
          })),
        },
      },
      trainer.token,
    );
    await page.goto(`/trainings/events/${eventId}`);
    await page.getByRole('heading', { name: 'Roster' }).waitFor();
    await page.getByText('5 trainees, 3 completed.').waitFor();
    await page.getByText('(3 of 5 marked)').waitFor();
    await page.getByText('(5 of 5 marked)').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    const [rosterFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Roster as CSV' }).click(),
    ]);
    const rosterCsv = await readFile(await rosterFile.path(), 'utf8');
    for (const name of TRAINEES) expect(rosterCsv).toContain(name);
    await page.getByRole('link', { name: 'Certificates' }).click();
    await page.getByText('3 of 5 trainees completed the training.').waitFor();

    // No settings yet: the page says what is missing and asks for it.
    await page.getByRole('heading', { name: 'Certificate settings' }).waitFor();
    await page.getByLabel('Serial number prefix').fill('TIP');
    await page.getByLabel('Signed by (name)').fill('Rustam Azimov');
    await page.getByLabel('Position of the signatory').fill('Head of the Training Centre');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText(/Serial numbers TIP-/).waitFor();

    await page.getByRole('button', { name: 'Issue certificates' }).click();
    const progress = page.getByRole('progressbar', { name: 'Issuing certificates' });
    await progress.waitFor();
    await page.getByText('Done: 3 new certificates issued.').waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('3');
    expect(await progress.getAttribute('aria-valuemax')).toBe('3');
    expect(await accessibilityProblems(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the 3 certificates (ZIP)' }).click(),
    ]);
    const zip = await unzip(await readFile(await download.path()));
    expect(zip.map((entry) => entry.name)).toHaveLength(3);
    expect(zip.every((entry) => entry.name.endsWith('.pdf'))).toBe(true);
    const texts = await Promise.all(zip.map((entry) => pdfText(entry.content)));
    for (const name of TRAINEES) expect(texts.some((text) => text.includes(name))).toBe(true);
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });
  it('shows the indicators grouped as chosen, and downloads them as CSV in the reader’s language', async () => {
    await page.goto('/trainings/indicators');
    await page.getByRole('heading', { name: 'Training indicators' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('cell', { name: '2024' }).waitFor();
    // Year, people enrolled, people trained, enrollments, completions.
    expect(await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '2024',
      '5',
      '3',
      '5',
      '3',
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Показатели обучения' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать эту таблицу (CSV)' }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual([
      'Год,Записано людей,Обучено людей,Записей,Завершений',
      '2024,5,3,5,3',
      'Итого,5,3,5,3',
      '',
    ]);
    await page.getByRole('button', { name: 'Язык: Русский' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Training indicators' }).waitFor();
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });
  it('shows a refused mark on its row and does not send it again', async () => {
    const hamid = (await roster()).find((entry) => entry.person.fullName === 'Hamid Nazarov')!;
    await page.goto(`/trainings/events/${eventId}/attendance/${DAY_2}`);
    const row = page.getByRole('radiogroup', { name: 'Hamid Nazarov' });
    await row.waitFor();
    // He withdraws while the sheet is open.
    await app.ok(
      `mutation($id: ID!) { withdrawTrainee(enrollmentId: $id) { id } }`,
      { id: hamid.enrollment.id },
      trainer.token,
    );
    let marksSent = 0;
    page.on('request', (request) => {
      if (request.postData()?.includes('MarkAttendance')) marksSent++;
    });
    await row.getByRole('radio', { name: 'Present' }).click();
    await page.getByText('This trainee is no longer enrolled (withdrawn).').waitFor();
    // The mark goes back to what is stored, and is neither pending nor retried.
    expect(await row.getByRole('radio', { name: 'Absent' }).isChecked()).toBe(true);
    expect(await page.getByText('Not saved yet', { exact: true }).count()).toBe(0);
    await page.waitForTimeout(4500);
    expect(marksSent).toBe(1);
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });
  it('keeps marks when the session has ended, and sends them after logging in again', async () => {
    await page.goto(`/trainings/events/${eventId}/attendance/${DAY_2}`);
    const aziza = page.getByRole('radiogroup', { name: 'Aziza Karimova' });
    await aziza.waitFor();
    await context.clearCookies();
    await aziza.getByRole('radio', { name: 'Excused' }).click();
    await page.getByText('Your session has ended').waitFor();
    expect(await statusOn('Aziza Karimova', DAY_2)).toBe('PRESENT');
    await page.getByRole('link', { name: 'Log in again' }).click();
    await page.getByRole('textbox', { name: 'Email' }).first().fill(trainer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('a-long-password-1');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    // Back on the sheet, the kept mark goes out.
    await page.getByRole('heading', { name: 'Day 2: 5 March 2024' }).waitFor();
    expect(await aziza.getByRole('radio', { name: 'Excused' }).isChecked()).toBe(true);
    await page.getByText('Not saved yet', { exact: true }).waitFor({ state: 'detached' });
    await page.getByText('Saving…').waitFor({ state: 'detached' });
    expect(await statusOn('Aziza Karimova', DAY_2)).toBe('EXCUSED');
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });

  it('lists what is left to translate of the event, and saves its Russian and Uzbek title', async () => {
    await page.goto(`/trainings/events/${eventId}`);
    const missing = page.getByRole('region', { name: 'Missing translations' });
    const titleItem = missing
      .getByRole('listitem')
      .filter({ hasText: 'Identification of victims' });
    await titleItem.waitFor();
    expect(await titleItem.textContent()).toBe(
      'Training event · Title of the event: Identification of victims (missing: Русский, Oʻzbekcha)',
    );
    const before = await missing.getByRole('listitem').count();
    const title = page.getByRole('group', { name: 'Title of the event' });
    await title.getByRole('textbox', { name: 'Русский' }).fill('Выявление жертв');
    await title.getByRole('textbox', { name: 'Oʻzbekcha' }).fill('Qurbonlarni aniqlash');
    await page.getByRole('button', { name: 'Save the versions' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await titleItem.waitFor({ state: 'detached' });
    expect(await missing.getByRole('listitem').count()).toBe(before - 1);
    const { trainingEvent } = await app.ok(
      `query($id: ID!) { trainingEvent(id: $id) { versions { field en ru uz } } }`,
      { id: eventId },
      trainer.token,
    );
    expect(trainingEvent.versions[0]).toEqual({
      field: 'title',
      en: 'Identification of victims',
      ru: 'Выявление жертв',
      uz: 'Qurbonlarni aniqlash',
    });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await noHorizontalScroll()).toBe(true);
    await page.setViewportSize(PHONE);
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });

  it('offers a Latin-only name in Cyrillic, and stores it when accepted', async () => {
    const ministry = await anOrganization().named('Prosecutor General’s Office').create(app);
    const person = await aPerson().named('Gʻulomova Dilnoza').in(ministry.id).create(app);
    await app.ok(
      `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`,
      { e: eventId, p: person.id },
      trainer.token,
    );
    await page.goto(`/trainings/events/${eventId}`);
    const line = page.getByRole('group', {
      name: 'Name in the other script for Gʻulomova Dilnoza',
    });
    await line.getByText('Name in the other script: Ғуломова Дилноза').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await noHorizontalScroll()).toBe(true);
    await page.setViewportSize(PHONE);

    await line.getByRole('button', { name: 'Accept' }).click();
    await line.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Gʻulomova Dilnoza\s*Ғуломова Дилноза/ }).waitFor();
    const stored = await app.ok(
      `query($id: ID!) { person(id: $id) { fullNameAlt suggestedAltName } }`,
      { id: person.id },
      trainer.token,
    );
    expect(stored.person).toEqual({ fullNameAlt: 'Ғуломова Дилноза', suggestedAltName: null });
    expect(errors.filter((error) => !OFFLINE_NOISE.test(error))).toEqual([]);
  });
});
