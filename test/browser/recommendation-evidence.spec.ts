import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  anAccount,
  anEdition,
  aPerson,
  aProgramme,
  aSeries,
  attendanceOn,
  aTrainingEvent,
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

/**
 * An organizer names, on a training event's page, the 2022 recommendation it implements;
 * the 2023 edition's follow-up of that recommendation then shows the event's figures.
 */
describe('in a browser: an organizer links a training event to a recommendation', () => {
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let organizer: { id: string; token: string; email: string };
  let laterEditionId: string;
  let eventId: string;
  let programmeId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    organizer = await anAccount(app, 'ORGANIZER');
    const seriesId = (await aSeries(app)).id;
    const earlier = await anEdition(seriesId).inYear(2022).published().create(app, organizer.token);
    laterEditionId = (
      await anEdition(seriesId)
        .inYear(2023)
        .hostedBy('KZ', 'Astana')
        .published()
        .create(app, organizer.token)
    ).id;
    const { addRecommendation } = await app.ok(
      `mutation($e: ID!) { addRecommendation(editionId: $e, input: { text: "Train investigators in digital evidence." }) { id } }`,
      { e: earlier.id },
      organizer.token,
    );
    const recommendationId = addRecommendation.id as string;
    await app.ok(
      `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`,
      { id: recommendationId },
      organizer.token,
    );
    await app.ok(
      `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`,
      {
        input: {
          recommendationId,
          editionId: laterEditionId,
          status: 'IN_PROGRESS',
          note: 'Seminars under way.',
        },
      },
      organizer.token,
    );
    const ownerId = (await theInteriorMinistry().create(app)).id;
    programmeId = (
      await aProgramme(ownerId).titled('Investigating trafficking').create(app, organizer.token)
    ).id;
    eventId = (
      await aTrainingEvent(programmeId)
        .titled('Seminar in Samarkand')
        .on('2023-03-14', '2023-03-15')
        .completedAfter({ minDays: 2 })
        .create(app, organizer.token)
    ).id;
    const enrollments: string[] = [];
    for (let i = 0; i < 3; i++) {
      const person = await aPerson().officer().create(app);
      enrollments.push((await enroll(app, eventId, person.id, organizer.token)).id);
    }
    await attendanceOn(eventId, '2023-03-14')
      .all(enrollments, 'PRESENT')
      .record(app, organizer.token);
    await attendanceOn(eventId, '2023-03-15')
      .present(enrollments[0])
      .present(enrollments[1])
      .absent(enrollments[2])
      .record(app, organizer.token);
    ({ context, page, errors } = await newPage(browser, app));
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('names the recommendation on the event page and sees the figures in the follow-up', async () => {
    await page.goto('/login');
    const login = page.locator('form').filter({ has: page.getByLabel('Password') });
    await login.getByLabel('Email').fill(organizer.email);
    await login.getByRole('textbox', { name: 'Password' }).fill('a-long-password-1');
    await login.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: organizer.email }).waitFor();

    await page.goto(`/trainings/events/${eventId}`);
    await page
      .getByRole('heading', { level: 2, name: 'Conference recommendations it implements' })
      .waitFor();
    await page.getByText('None named.', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Adopted recommendations' }).click();
    await page.getByRole('option', { name: /2022\/1\. Train investigators/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save the recommendations' }).click();
    await page.getByText('The recommendations are saved.', { exact: true }).waitFor();
    await page.getByText('2022, Tashkent, recommendation 1:').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The programme's own list is one link away.
    await page
      .getByRole('link', { name: 'Recommendations the whole programme implements' })
      .click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Investigating trafficking: recommendations it implements',
      })
      .waitFor();
    await page.getByText('None named.', { exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.goto(`/manage/editions/${laterEditionId}?section=recommendations`);
    const table = page.getByRole('table', {
      name: 'Trainings implementing Recommendation 1 of 2022',
    });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Seminar in Samarkand/ });
    expect((await row.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'Seminar in Samarkand (event) 1 2 —',
    );
    await page.getByText('Training events that started before 28 July 2023.').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
