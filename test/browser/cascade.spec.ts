import { Browser } from 'playwright-core';
import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  attendanceOn,
  enroll,
  theInteriorMinistry,
} from '../factories';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  startWebApp,
  WebApp,
} from './support/browser';

const MARK = `mutation($eventId: ID!, $input: EventCascadeInput!) { markEventCascade(eventId: $eventId, input: $input) { id } }`;

describe('in a browser: an organizer marks a training of trainers and reads the cascade', () => {
  let app: WebApp;
  let browser: Browser;
  let organizer: { email: string };
  const event: Record<string, string> = {};

  /** Enrolls the people and marks them present on both days: they complete. */
  async function completers(eventId: string, days: string[], names: string[]) {
    const ids: string[] = [];
    for (const name of names) {
      const person = await aPerson().named(name).create(app);
      ids.push((await enroll(app, eventId, person.id)).id);
    }
    for (const day of days) await attendanceOn(eventId, day).all(ids, 'PRESENT').record(app);
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const account = await anAccount(app, 'ORGANIZER');
    organizer = account;
    const ownerId = (await theInteriorMinistry().create(app)).id;
    const programmeId = (await aProgramme(ownerId).create(app, account.token)).id;
    const master = await aPerson().named('Nodira Karimova', 'Нодира Каримова').create(app);
    const masterAccount = await anAccount(app, 'TRAINER', master.id);
    const create = async (title: string, start: string, end: string, trainerId?: string) =>
      (
        await aTrainingEvent(programmeId)
          .titled(title)
          .on(start, end)
          .ledBy(...(trainerId ? [trainerId] : []))
          .create(app, account.token)
      ).id;
    event.tot = await create('Training of trainers', '2023-02-01', '2023-02-02', masterAccount.id);
    await completers(event.tot, ['2023-02-01', '2023-02-02'], ['Aziz Rahimov', 'Madina Saidova']);
    event.cascade = await create('Seminar in Navoi', '2023-03-01', '2023-03-02');
    await completers(event.cascade, ['2023-03-01', '2023-03-02'], ['Otabek Nazarov']);
    // A training of trainers held after the seminar: it cannot have delivered it.
    event.later = await create('Training of trainers, autumn', '2023-09-01', '2023-09-02');
    await app.ok(
      MARK,
      { eventId: event.later, input: { trainingOfTrainers: true } },
      account.token,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('marks the events from their pages, is told why a choice is wrong, and reads the cascade', async () => {
    const { context, page, errors } = await newPage(browser, app);
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: { email: organizer.email, password: 'a-long-password-1' } },
      },
    });

    await page.goto(`/trainings/events/${event.tot}`);
    await page.getByRole('checkbox', { name: 'This event trains trainers' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    await page.goto(`/trainings/events/${event.cascade}`);
    const deliveredBy = page.getByRole('combobox', { name: 'Delivered by the trainers of' });
    await deliveredBy.waitFor();
    await deliveredBy.selectOption(event.later);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The API's refusal, shown by the field it names.
    await page.getByText(/starts after this event/).waitFor();
    expect(await deliveredBy.getAttribute('aria-invalid')).toBe('true');
    await deliveredBy.selectOption(event.tot);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await page.getByText(/starts after this event/).count()).toBe(0);

    await page.getByRole('link', { name: 'Trainers and cascade' }).click();
    await page.getByRole('heading', { name: 'Trainers and the cascade' }).waitFor();
    const figure = (name: string) => page.getByTestId(`reach-${name}`).innerText();
    // Directly: the two trainers trained; through the cascade: the seminar's trainee.
    expect(await figure('direct')).toContain('2');
    expect(await figure('throughCascade')).toContain('1');
    expect(await figure('total')).toContain('3');
    const main = await page.locator('#main').innerText();
    expect(main).toContain('1 master trainer: Nodira Karimova');
    expect(main).toContain('2 trainers trained: Aziz Rahimov, Madina Saidova');
    expect(main).toContain('1 trained: Otabek Nazarov');
    // The pool: the master trainer, and the two trained as trainers at the ToT.
    const pool = page.getByRole('table');
    await pool.getByText('Нодира Каримова').waitFor();
    expect(await pool.getByRole('row').count()).toBe(4);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
