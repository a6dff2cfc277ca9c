import { Browser, BrowserContext } from 'playwright-core';
import { anAccount, anEdition, aPerson, aSeries, register } from '../factories';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  PHONE,
  startWebApp,
  WebApp,
} from './support/browser';

const PASSWORD = 'a-long-password-1';

/**
 * In a browser: a participant agrees to be listed and asks for a visa invitation letter on
 * their phone; the organizer reviews the passport data in the Letters tab and approves;
 * the participant then finds the letter's PDF.
 */
describe('in a browser: an invitation letter, from request to download', () => {
  let app: WebApp;
  let browser: Browser;
  let editionId: string;
  let registrationId: string;
  let participant: { email: string };
  let organizer: { email: string };

  async function loggedIn(context: BrowserContext, email: string) {
    await context.request.post('/graphql', {
      data: {
        query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
        variables: { input: { email, password: PASSWORD } },
      },
    });
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    const organizerAccount = await anAccount(app, 'ORGANIZER');
    organizer = organizerAccount;
    const series = await aSeries(app);
    editionId = (
      await anEdition(series.id)
        .titled('Regional conference 2031')
        .inYear(2031)
        .hostedBy('TM', 'Ashgabat')
        .openForRegistration()
        .create(app, organizerAccount.token)
    ).id;
    const person = await aPerson()
      .named('Dilnoza Karimova', 'Дилноза Каримова')
      .withEmail('dilnoza@example.org')
      .create(app);
    registrationId = (await register(app, editionId, person.id, organizerAccount.token)).data!
      .registerParticipant.id;
    participant = await anAccount(app, 'PARTICIPANT', person.id);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is requested with the passport data, approved by the organizer, then opened', async () => {
    const { context, page, errors } = await newPage(browser, app, { viewport: PHONE });
    await loggedIn(context, participant.email);
    await page.goto('/my/conferences');
    await page.getByRole('heading', { name: 'Regional conference 2031' }).waitFor();

    // The consent to the public list.
    await page
      .getByRole('switch', {
        name: 'Show me in the public list of participants of Regional conference 2031',
      })
      .check({ force: true });
    await page.getByText('Your choice is saved.').waitFor();
    const listed = await app.ok(
      `query($id: ID!) { registration(id: $id) { listed } }`,
      { id: registrationId },
      app.adminToken,
    );
    expect(listed.registration.listed).toBe(true);

    // The request, with a wrong passport number first: the field says what is wrong.
    await page.getByRole('button', { name: 'Request an invitation letter' }).click();
    await page
      .getByRole('textbox', { name: 'Full name as in the passport' })
      .fill('KARIMOVA DILNOZA');
    await page.getByLabel('Nationality').first().fill('Uzbek');
    await page.getByRole('option', { name: 'Uzbekistan (UZ)' }).click();
    await page.getByRole('textbox', { name: 'Passport number' }).fill('AB-1');
    await page.getByLabel('Date of birth').fill('1984-03-17');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByText('must be 5 to 20 letters and digits').waitFor();
    await page.getByRole('textbox', { name: 'Passport number' }).fill('AB1234567');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByText('Requested: the organizers will review it').waitFor();

    // The organizer reviews the passport data and approves.
    const staff = await newPage(browser, app);
    await loggedIn(staff.context, organizer.email);
    await staff.page.goto(`/manage/editions/${editionId}?section=letters`);
    await staff.page.getByRole('heading', { name: 'Invitation letters for visas' }).waitFor();
    await staff.page
      .getByRole('button', { name: 'Review and approve the letter of Dilnoza Karimova' })
      .click();
    await staff.page.getByText('AB1234567').waitFor();
    await staff.page.getByRole('textbox', { name: 'Signed by (name)' }).fill('Maral Annayeva');
    await staff.page
      .getByRole('textbox', { name: 'Position of the signatory' })
      .fill('Head of the Secretariat');
    await staff.page.getByRole('button', { name: 'Approve and send the letter' }).click();
    await staff.page.getByText('TM-2031/0001').first().waitFor();
    // Check the page once the closing dialog has left it.
    await staff.page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await accessibilityProblems(staff.page)).toEqual([]);
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // The participant finds the letter.
    await page.reload();
    const link = page.getByRole('link', { name: 'Open the letter (PDF)' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const pdf = await context.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.getByText('No. TM-2031/0001').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
