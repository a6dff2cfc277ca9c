import { Browser, BrowserContext, Page } from 'playwright-core';
import { anAccount, anEdition, aSeries } from '../factories';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  startWebApp,
  WebApp,
} from './support/browser';

const RU_TITLE = 'Укрепление национальных и международных партнёрств в борьбе с торговлей людьми';
const UZ_TITLE = 'Odam savdosiga qarshi kurashda milliy va xalqaro hamkorlikni mustahkamlash';

/**
 * An organizer on a phone, with the page in Russian, puts an edition's texts in Russian
 * and Uzbek; readers then get the edition in their language.
 */
describe('in a browser: an organizer translates an edition on a phone', () => {
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let editionId: string;
  let organizerToken: string;

  // Evaluated in the page (this file is not typed with the DOM).
  const overflow = () =>
    page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
  const missing = (heading = 'Недостающие переводы') => page.getByRole('region', { name: heading });
  const text = (legend: string) => page.getByRole('group', { name: legend });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const series = await aSeries(app, 'Regional conference series');
    const organizer = await anAccount(app, 'ORGANIZER');
    organizerToken = organizer.token;
    editionId = (await anEdition(series.id).inYear(2027).published().create(app, organizer.token))
      .id;
    ({ context, page, errors } = await newPage(browser, app, {
      locale: 'ru-RU',
      viewport: { width: 360, height: 740 },
    }));
    page.setDefaultTimeout(10_000);
    // Logged in with this browser's cookie, the account's language Russian.
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: { email: organizer.email, password: 'a-long-password-1' } },
      },
    });
    await context.request.post('/graphql', {
      data: { query: `mutation { setMyLanguage(language: RU) { id } }` },
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('lists the texts with no Russian or Uzbek version yet', async () => {
    await page.goto(`/manage/editions/${editionId}`);
    await missing().getByText('У 3 текстов ещё нет русского или узбекского варианта.').waitFor();
    expect(await missing().getByRole('listitem').allTextContents()).toEqual([
      'Конференция · Название: Strengthening National and International Partnerships in Combating Trafficking in Persons (нет: Русский, Oʻzbekcha)',
      'Конференция · Тема года: Use and Abuse of Technology (нет: Русский, Oʻzbekcha)',
      'Конференция · Город: Tashkent (нет: Русский, Oʻzbekcha)',
    ]);
    // The form edits the English, whatever the page's language.
    expect(await page.getByRole('textbox', { name: 'Название' }).inputValue()).toBe(
      'Strengthening National and International Partnerships in Combating Trafficking in Persons',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('shows the API’s complaint next to the version at fault', async () => {
    await text('Тема года').getByRole('textbox', { name: 'Oʻzbekcha' }).fill('x'.repeat(5001));
    await page.getByRole('button', { name: 'Сохранить сведения' }).click();
    const box = text('Тема года').getByRole('textbox', { name: 'Oʻzbekcha' });
    await text('Тема года').getByText(/5000/).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // Typing again takes the complaint away.
    await box.fill('');
    await text('Тема года').getByText(/5000/).waitFor({ state: 'detached' });
    expect(await box.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('saves the Russian and Uzbek title and city, and the panel shrinks', async () => {
    await text('Название').getByRole('textbox', { name: 'Русский' }).fill(RU_TITLE);
    await text('Название').getByRole('textbox', { name: 'Oʻzbekcha' }).fill(UZ_TITLE);
    await text('Город').getByRole('textbox', { name: 'Русский' }).fill('Ташкент');
    await text('Город').getByRole('textbox', { name: 'Oʻzbekcha' }).fill('Toshkent');
    await page.getByRole('button', { name: 'Сохранить сведения' }).click();
    await page.getByText('Сохранено.', { exact: true }).waitFor();
    await missing().getByText('У 1 текста ещё нет русского или узбекского варианта.').waitFor();
    expect(await missing().getByRole('listitem').allTextContents()).toEqual([
      'Конференция · Тема года: Use and Abuse of Technology (нет: Русский, Oʻzbekcha)',
    ]);
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { title versions { field en ru uz } } }`,
      { id: editionId },
      app.adminToken,
    );
    expect(edition.versions).toEqual([
      {
        field: 'title',
        en: 'Strengthening National and International Partnerships in Combating Trafficking in Persons',
        ru: RU_TITLE,
        uz: UZ_TITLE,
      },
      { field: 'theme', en: 'Use and Abuse of Technology', ru: null, uz: null },
      { field: 'city', en: 'Tashkent', ru: 'Ташкент', uz: 'Toshkent' },
      { field: 'venue', en: null, ru: null, uz: null },
    ]);
    // The page's heading is read in the page's language.
    await page.getByRole('heading', { level: 1, name: `2027 · ${RU_TITLE}` }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('shows the public page in Russian, then in Uzbek once the reader switches', async () => {
    await page.goto(`/editions/${editionId}`);
    await page.getByRole('heading', { level: 1, name: RU_TITLE }).waitFor();
    await page
      .getByText(/Ташкент/)
      .first()
      .waitFor();
    // The menu is in the header, on a phone too.
    await page.getByRole('button', { name: 'Язык: Русский' }).click();
    await page.getByRole('menuitem', { name: 'Oʻzbekcha' }).click();
    // Read again in Uzbek, without a reload.
    await page.getByRole('heading', { level: 1, name: UZ_TITLE }).waitFor();
    await page
      .getByText(/Toshkent/)
      .first()
      .waitFor();
    // No Uzbek theme yet: the English one.
    await page.getByText('Use and Abuse of Technology').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('removes a version emptied in its box, sending only that change', async () => {
    await page.goto(`/manage/editions/${editionId}`);
    const sent: unknown[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as {
        operationName?: string;
        variables: { input: { translations: unknown } };
      } | null;
      if (body?.operationName === 'UpdateEditionDetails')
        sent.push(body.variables.input.translations);
    });
    const uzbekCity = text('Shahar').getByRole('textbox', { name: 'Oʻzbekcha' });
    await uzbekCity.fill('');
    await page.getByRole('button', { name: 'Maʼlumotlarni saqlash' }).click();
    await page.getByText('Saqlandi.', { exact: true }).waitFor();
    expect(sent).toEqual([[{ field: 'city', uz: null }]]);
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { versions { field en ru uz } } }`,
      { id: editionId },
      app.adminToken,
    );
    expect(edition.versions[2]).toEqual({ field: 'city', en: 'Tashkent', ru: 'Ташкент', uz: null });
    await missing('Yetishmayotgan tarjimalar').getByRole('listitem').nth(1).waitFor();
    expect(
      await missing('Yetishmayotgan tarjimalar').getByRole('listitem').allTextContents(),
    ).toEqual([
      'Konferensiya · Yil mavzusi: Use and Abuse of Technology (yoʻq: Русский, Oʻzbekcha)',
      'Konferensiya · Shahar: Tashkent (yoʻq: Oʻzbekcha)',
    ]);
    expect(errors).toEqual([]);
  });

  it('puts a session of the agenda in Russian and Uzbek through its form', async () => {
    await app.ok(
      `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
      {
        e: editionId,
        input: { day: 1, startTime: '09:00', endTime: '09:30', kind: 'OPENING', title: 'Opening' },
      },
      organizerToken,
    );
    await page.goto(`/manage/editions/${editionId}`);
    // Back to Russian, as the reader left it in Uzbek.
    await page.getByRole('button', { name: 'Til: Oʻzbekcha' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    // The card lists the session's title too, after the edition's own texts.
    await missing().getByText('У 3 текстов ещё нет русского или узбекского варианта.').waitFor();
    expect(await missing().getByRole('listitem').allTextContents()).toEqual([
      'Конференция · Тема года: Use and Abuse of Technology (нет: Русский, Oʻzbekcha)',
      'Конференция · Город: Tashkent (нет: Oʻzbekcha)',
      'Заседание · Название заседания: Opening (нет: Русский, Oʻzbekcha)',
    ]);

    await page.getByRole('tab', { name: 'Программа' }).click();
    await page.getByRole('button', { name: 'Изменить «Opening»' }).click();
    // The form edits the English, with the versions below it.
    expect(await page.getByRole('textbox', { name: 'Название заседания' }).inputValue()).toBe(
      'Opening',
    );
    const title = text('Название заседания');
    await title.getByRole('textbox', { name: 'Русский' }).fill('Открытие');
    await title.getByRole('textbox', { name: 'Oʻzbekcha' }).fill('Ochilish');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Сохранить заседание' }).click();
    await page.getByText('«Opening» сохранено.', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Сведения и статус' }).click();
    await missing().getByText('У 2 текстов ещё нет русского или узбекского варианта.').waitFor();
    expect(await missing().getByRole('listitem').allTextContents()).toEqual([
      'Конференция · Тема года: Use and Abuse of Technology (нет: Русский, Oʻzbekcha)',
      'Конференция · Город: Tashkent (нет: Oʻzbekcha)',
    ]);

    await page.goto(`/editions/${editionId}`);
    await page.getByRole('heading', { level: 3, name: 'Открытие' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
