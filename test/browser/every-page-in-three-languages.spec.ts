import { Browser, BrowserContext } from 'playwright-core';
import { ADMIN } from '../support/test-app';
import { anEdition, aProgramme, aSeries, aTrainingEvent, theInteriorMinistry } from '../factories';
import { launchBrowser, startWebApp, WebApp } from './support/browser';

/**
 * Every main page speaks the reader's language: an admin (who may open them all) reads
 * each in English, Russian and Uzbek; the three read differently, the Russian in Cyrillic.
 */
describe('in a browser: every main page in English, Russian and Uzbek', () => {
  let app: WebApp;
  let browser: Browser;
  let pages: string[];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const series = await aSeries(app);
    const edition = await anEdition(series.id).inYear(2022).published().create(app);
    const delegation = await app.ok(
      `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`,
      { input: { editionId: edition.id, kind: 'COUNTRY', country: 'UZ', seats: 8 } },
      app.adminToken,
    );
    const ownerId = (await theInteriorMinistry().create(app)).id;
    const programmeId = (await aProgramme(ownerId).create(app)).id;
    const trainingEvent = await aTrainingEvent(programmeId).create(app);
    pages = [
      '/',
      '/verify',
      '/login',
      '/account',
      `/editions/${edition.id}`,
      '/manage/editions',
      '/manage/editions/new',
      `/manage/editions/${edition.id}`,
      `/manage/editions/${edition.id}?section=agenda`,
      `/manage/editions/${edition.id}?section=partners`,
      `/manage/editions/${edition.id}?section=groups`,
      `/manage/editions/${edition.id}?section=recommendations`,
      `/manage/editions/${edition.id}?section=participation`,
      `/manage/editions/${edition.id}?section=delegations`,
      `/manage/editions/${edition.id}?section=letters`,
      `/manage/editions/${edition.id}?section=documents`,
      `/manage/editions/${edition.id}/registrations`,
      `/manage/editions/${edition.id}/check-in`,
      `/manage/editions/${edition.id}/badges`,
      `/manage/editions/${edition.id}/scan`,
      `/manage/editions/${edition.id}/mailings`,
      `/manage/editions/${edition.id}/evaluation`,
      `/trainings/events/${trainingEvent.id}/evaluation`,
      '/evaluate/a-link-nobody-was-sent',
      '/my/evaluations',
      '/manage/outbox',
      '/trainings/events',
      '/trainings/indicators',
      `/trainings/programmes/${programmeId}/recommendations`,
      `/trainings/programmes/${programmeId}`,
      `/trainings/events/${trainingEvent.id}/knowledge`,
      `/trainings/programmes/${programmeId}/cascade`,
      '/trainings/knowledge',
      '/admin/accounts',
      '/admin/series',
      '/my/delegations',
      `/my/delegations/${delegation.createDelegation.id}`,
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function headings(locale: string): Promise<string[]> {
    const context: BrowserContext = await browser.newContext({ baseURL: app.baseUrl, locale });
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: ADMIN },
      },
    });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const h1 = page.locator('h1').first();
      await h1.waitFor();
      // Read the page once it has loaded, not its "Loading…". A closed accordion panel
      // keeps its content hidden and unloaded until opened: only visible loaders count.
      await page
        .waitForFunction(
          "[...document.querySelectorAll('#main .mantine-Loader-root')].every((e) => !e.checkVisibility())",
        )
        .catch((error: unknown) => {
          throw new Error(`${path} (${locale}) is still loading: ${String(error)}`);
        });
      expect(await page.evaluate('document.documentElement.lang')).toBe(locale.slice(0, 2));
      // The page's own words (its content, such as an edition's title, is issue 12's).
      found.push((await page.locator('#main').innerText()).trim());
    }
    await context.close();
    return found;
  }

  it('shows each page in each language', async () => {
    const [en, ru, uz] = [
      await headings('en-GB'),
      await headings('ru-RU'),
      await headings('uz-UZ'),
    ];
    pages.forEach((path, i) => {
      expect({ path, languages: new Set([en[i], ru[i], uz[i]]).size }).toEqual({
        path,
        languages: 3,
      });
      expect({ path, ru: /[а-яё]/i.test(ru[i]) }).toEqual({ path, ru: true });
    });
    // Every page three times: about 40 s alone, more on a busy CI machine.
  }, 180_000);
});
