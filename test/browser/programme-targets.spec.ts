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
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

describe('in a browser: an organizer sets a programme’s targets and sees target, actual and %', () => {
  let app: WebApp;
  let browser: Browser;
  let organizer: { email: string };
  let programmeId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const account = await anAccount(app, 'ORGANIZER');
    organizer = account;
    const ownerId = (await theInteriorMinistry().create(app)).id;
    programmeId = (
      await aProgramme(ownerId).titled('Countering trafficking 2023').create(app, account.token)
    ).id;
    const event = await aTrainingEvent(programmeId)
      .titled('Identification of victims')
      .on('2023-03-14', '2023-03-15')
      .create(app, account.token);
    // Two trainees, both completing: one woman, one man.
    for (const person of [aPerson().judge().female(), aPerson().officer().male()]) {
      const { id } = await person.create(app);
      const enrollment = await enroll(app, event.id, id, account.token);
      for (const day of ['2023-03-14', '2023-03-15'])
        await attendanceOn(event.id, day).present(enrollment.id).record(app, account.token);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('from the events list, on a phone: sets 2023’s targets, sees the API’s field error, then target, actual and %', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: PHONE });
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: { email: organizer.email, password: 'a-long-password-1' } },
      },
    });
    await page.goto('/trainings/events');
    await page.getByRole('link', { name: 'Countering trafficking 2023' }).click();
    await page.getByRole('heading', { level: 1, name: 'Countering trafficking 2023' }).waitFor();
    await page.getByText('No targets are set yet.').waitFor();

    await page.getByLabel('From', { exact: false }).first().fill('2023-01-01');
    await page.getByLabel('to', { exact: false }).first().fill('2023-12-31');
    await page.getByRole('textbox', { name: 'People trained', exact: true }).fill('4');
    await page.getByRole('textbox', { name: 'Women trained' }).fill('2');
    // Satisfaction above 5: the API refuses it, and the page shows why beside the field.
    await page.getByRole('textbox', { name: 'Mean satisfaction (1–5)' }).fill('7');
    await page.getByRole('button', { name: 'Save the targets' }).click();
    await page.getByText('satisfaction must not be greater than 5').waitFor();
    await page.getByRole('textbox', { name: 'Mean satisfaction (1–5)' }).fill('4');
    await page.getByRole('button', { name: 'Save the targets' }).click();
    await page.getByText('The targets are saved.').waitFor();

    const table = page.getByRole('region', { name: 'Targets for 2023' });
    await table.waitFor();
    // Two of four people trained (50 %), two of two women (100 %), one woman of two: 50 %.
    await table.getByRole('row', { name: /^People trained 4 2 50 %/ }).waitFor();
    await table.getByRole('row', { name: /^People trained: Female 2 1 50 %/ }).waitFor();
    await table.getByRole('row', { name: /^Share of women, % – 50 –/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const pdf = page.getByRole('link', { name: 'PDF (RU)' });
    expect(await pdf.getAttribute('href')).toBe(
      `/trainings/programmes/${programmeId}/donor-report.pdf?from=2023-01-01&to=2023-12-31&lang=ru`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toBe('donor-report-2023-01-01-2023-12-31.pdf');
    expect(errors).toEqual([]);
    await context.close();
  });
});
