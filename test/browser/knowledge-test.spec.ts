import { Browser } from 'playwright-core';
import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  enroll,
  theInteriorMinistry,
} from '../factories';
import {
  accessibilityProblems,
  launchBrowser,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const text = (en: string) => ({ en, ru: `${en} (ru)`, uz: `${en} (uz)` });

describe('in a browser: a trainee takes the post-test on a phone', () => {
  let app: WebApp;
  let browser: Browser;
  let eventId: string;
  let trainee: { email: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const organizer = await anAccount(app, 'ORGANIZER');
    const ownerId = (await theInteriorMinistry().create(app)).id;
    const programmeId = (await aProgramme(ownerId).create(app, organizer.token)).id;
    // Yesterday and today: the post-test is open today.
    eventId = (await aTrainingEvent(programmeId).on(day(-1), day(0)).create(app, organizer.token))
      .id;
    const test = await app.ok(
      `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
      {
        input: {
          programmeId,
          passMark: 60,
          questions: [
            {
              type: 'SINGLE',
              text: text('Which is an indicator of trafficking?'),
              options: [text('Confiscated passport'), text('A paid holiday')],
              correct: [0],
            },
            {
              type: 'MULTIPLE',
              text: text('Which are elements of the offence?'),
              options: [text('Act'), text('Means'), text('Nationality')],
              correct: [0, 1],
            },
            { type: 'TRUE_FALSE', text: text('A child’s consent is irrelevant.'), correct: [0] },
          ],
        },
      },
      organizer.token,
    );
    await app.ok(
      `mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`,
      { id: test.createKnowledgeTest.id },
      organizer.token,
    );
    const person = await aPerson().officer().female().create(app);
    await enroll(app, eventId, person.id, organizer.token);
    trainee = await anAccount(app, 'PARTICIPANT', person.id);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("reads the test in Russian and Uzbek, in the question's own translation", async () => {
    const seen: string[] = [];
    for (const locale of ['en-GB', 'ru-RU', 'uz-UZ']) {
      const context = await browser.newContext({ baseURL: app.baseUrl, locale, viewport: PHONE });
      await context.request.post('/graphql', {
        data: {
          query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
          variables: { input: { email: trainee.email, password: 'a-long-password-1' } },
        },
      });
      const page = await context.newPage();
      for (const path of ['/my/trainings', `/my/trainings/${eventId}/test/POST`]) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForFunction("!document.querySelector('#main .mantine-Loader-root')");
        expect(await page.evaluate('document.documentElement.lang')).toBe(locale.slice(0, 2));
        seen.push((await page.locator('#main').innerText()).trim());
      }
      const suffix = { 'en-GB': '', 'ru-RU': ' (ru)', 'uz-UZ': ' (uz)' }[locale];
      await page
        .getByRole('heading', {
          name: `Which is an indicator of trafficking?${suffix}`,
          exact: true,
        })
        .waitFor();
      await context.close();
    }
    const [enList, enTest, ruList, ruTest, uzList, uzTest] = seen;
    expect(new Set([enList, ruList, uzList]).size).toBe(3);
    expect(new Set([enTest, ruTest, uzTest]).size).toBe(3);
    expect(ruList).toMatch(/[а-яё]/i);
    expect(ruTest).toMatch(/[а-яё]/i);
  }, 60_000);

  it('answers one question per screen, keeps the answers through a lost connection, and sees the score', async () => {
    const context = await browser.newContext({
      baseURL: app.baseUrl,
      locale: 'en-GB',
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: { email: trainee.email, password: 'a-long-password-1' } },
      },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Whatever the API sends the phone: never the right answers.
    const answersSent: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/graphql'))
        answersSent.push(await response.text().catch(() => ''));
    });

    await page.goto('/my/trainings');
    await page.getByRole('link', { name: 'Take the post-test' }).tap();
    await page.getByText('1 / 3').waitFor();
    await page.getByRole('heading', { name: 'Which is an indicator of trafficking?' }).waitFor();
    // One question per screen: the next one is not shown yet.
    expect(await page.getByText('Which are elements of the offence?').count()).toBe(0);
    const option = page.getByRole('radio', { name: 'Confiscated passport' });
    const box = await option.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44); // a touch target
    expect(box!.width).toBeGreaterThan(PHONE.width * 0.8);
    await option.tap();
    expect(await option.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Next' }).tap();

    // A reload keeps what was answered (kept in the phone until sent).
    await page.reload();
    await page.getByText('1 / 3').waitFor();
    expect(
      await page.getByRole('radio', { name: 'Confiscated passport' }).getAttribute('aria-checked'),
    ).toBe('true');
    await page.getByRole('button', { name: 'Next' }).tap();
    await page.getByText('2 / 3').waitFor();
    await page.getByRole('checkbox', { name: 'Act' }).tap();
    await page.getByRole('checkbox', { name: 'Nationality' }).tap();
    await page.getByRole('button', { name: 'Next' }).tap();
    await page.getByText('3 / 3').waitFor();
    await page.getByRole('radio', { name: 'True' }).tap();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The connection drops as the answers are sent: nothing is lost, a retry sends them.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Submit my answers' }).tap();
    await page.getByText('could not be sent').waitFor();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).tap();

    // Two right of three (the MULTIPLE one is all-or-nothing): 66.67%, over the pass mark 60%.
    await page.getByText('Your score: 66.67%').waitFor();
    await page.getByText('You reached the pass mark (60%).').waitFor();
    expect(answersSent.join('\n')).not.toMatch(/"correct"/);
    const stored = await app.ok(
      `{ myEnrollments { knowledge { post postSource openTests } } }`,
      {},
      await app.login(trainee.email, 'a-long-password-1'),
    );
    expect(stored.myEnrollments[0].knowledge).toEqual({
      post: 66.67,
      postSource: 'ONLINE',
      openTests: [],
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
