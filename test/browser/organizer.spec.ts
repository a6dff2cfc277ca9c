import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from '../factories';
import { pdfText } from '../support/pdf';
import {
  accessibilityProblems,
  launchBrowser,
  newPage,
  startWebApp,
  WebApp,
} from './support/browser';

const EDITION_TITLE = 'Regional conference on combating trafficking in persons';

/** The label as written, marked required (" *") or not. */
const labelled = (label: string) =>
  new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Waits until an input shows the value. */
async function expectValue(input: Locator, value: string) {
  for (let i = 0; i < 50 && (await input.inputValue()) !== value; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await input.inputValue()).toBe(value);
}

/** Picks an option of a Mantine select: opens it, types if it searches, clicks the option. */
async function choose(page: Page, label: string, option: string | RegExp, type?: string) {
  const input = page.locator('input:visible').and(page.getByLabel(labelled(label)));
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

describe('in a browser: an organizer plans an edition', () => {
  let app: WebApp;
  let browser: Browser;
  let organizer: { id: string; token: string; email: string };
  let seriesId: string;
  let speaker: { id: string; fullName: string };
  let participant: { id: string; fullName: string };
  let funder: { id: string; name: string };
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let editionId: string;
  let earlierId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp({ MAIL_WORKER: 'off' }), launchBrowser()]);
    seriesId = (await aSeries(app, 'Regional conference series')).id;
    organizer = await anAccount(app, 'ORGANIZER');
    // The organizer ran the 2025 edition, so may plan the series' next one.
    const lastYear = await anEdition(seriesId)
      .inYear(2025)
      .published()
      .create(app, organizer.token);
    earlierId = lastYear.id;
    // Its closing adopted a recommendation, to be followed up at the next one.
    const drafted = await app.ok(
      `mutation($e: ID!) { addRecommendation(editionId: $e, input: { text: "Train border guards to identify victims." }) { id } }`,
      { e: lastYear.id },
      organizer.token,
    );
    await app.ok(
      `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`,
      { id: drafted.addRecommendation.id },
      organizer.token,
    );
    funder = await anOrganization()
      .named('United Nations Office on Drugs and Crime', 'UNODC')
      .create(app);
    speaker = await aPerson().named('Dilnoza Gʻulomova', 'Дилноза Гуломова').create(app);
    participant = await aPerson().named('Aziz Karimov').create(app);
    ({ context, page, errors } = await newPage(browser, app));
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('logs in and lists the editions the organizer manages, with no accessibility problem', async () => {
    await page.goto('/login');
    const login = page.locator('form').filter({ has: page.getByLabel('Password') });
    await login.getByLabel('Email').fill(organizer.email);
    await login.getByRole('textbox', { name: 'Password' }).fill('a-long-password-1');
    await login.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: organizer.email }).waitFor();
    await page.goto('/manage/editions');
    await page.getByRole('heading', { level: 1, name: 'Editions I manage' }).waitFor();
    await page.getByRole('link', { name: /^2025 · Strengthening National/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('creates the edition, with the API’s complaint under the field at fault', async () => {
    await page.getByRole('link', { name: 'New edition' }).click();
    await page.getByRole('heading', { level: 1, name: 'New edition' }).waitFor();
    await choose(page, 'Conference series', 'Regional conference series');
    await page.getByLabel(labelled('Year')).fill('2027');
    await page.getByLabel(labelled('Title')).fill(EDITION_TITLE);
    await page.getByLabel(labelled('Theme of the year')).fill('Use and Abuse of Technology');
    await choose(page, 'Host country', 'Kazakhstan (KZ)', 'Kaz');
    await page.getByLabel(labelled('City')).fill('Almaty');
    await page.getByLabel(labelled('First day')).fill('2027-05-12');
    await page.getByLabel(labelled('Last day')).fill('2027-05-11');
    await page.getByRole('button', { name: 'Create the edition' }).click();
    // The last day before the first: the API names the field and the page shows it there.
    const lastDay = page.getByLabel(labelled('Last day'));
    await page.getByText('must not be before startDate').waitFor();
    expect(await lastDay.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);

    await lastDay.fill('2027-05-13');
    await page.getByRole('button', { name: 'Create the edition' }).click();
    await page.getByRole('heading', { level: 1, name: `2027 · ${EDITION_TITLE}` }).waitFor();
    editionId = page.url().split('/manage/editions/')[1].split('?')[0];
    expect(await accessibilityProblems(page)).toEqual([]);

    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { year title hostCountry city startDate endDate status canManage } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition).toEqual({
      year: 2027,
      title: EDITION_TITLE,
      hostCountry: 'KZ',
      city: 'Almaty',
      startDate: '2027-05-12',
      endDate: '2027-05-13',
      status: 'PLANNING',
      canManage: true,
    });
  });

  it('opens registration from the allowed next statuses', async () => {
    await page.getByRole('button', { name: 'Open registration' }).click();
    await page.getByText('The status is now: Registration open.').waitFor();
    // From there the edition may pause, start or close, but not open again.
    await page.getByRole('button', { name: 'Start the conference' }).waitFor();
    // The old button may still be leaving when the new ones appear.
    await page.getByRole('button', { name: 'Open registration' }).waitFor({ state: 'detached' });
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { status } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.status).toBe('REGISTRATION_OPEN');
  });

  async function addSession(
    fields: { start: string; end: string; title: string; kind?: string; room?: string },
    withSpeaker?: { search: string; name: string; title: string },
  ) {
    await page.getByRole('button', { name: 'Add the session' }).click();
    const form = page
      .locator('form')
      .filter({ has: page.getByLabel(labelled('Title of the session')) });
    await form.getByLabel(labelled('Starts at')).fill(fields.start);
    await form.getByLabel(labelled('Ends at')).fill(fields.end);
    await form.getByLabel(labelled('Title of the session')).fill(fields.title);
    if (fields.kind) await choose(page, 'Kind', fields.kind);
    if (fields.room) await form.getByLabel(labelled('Room')).fill(fields.room);
    if (withSpeaker) {
      await choose(page, 'Speaker', withSpeaker.name, withSpeaker.search);
      await form.getByLabel(labelled('Title printed on the agenda')).fill(withSpeaker.title);
      await form.getByRole('button', { name: 'Add the speaker' }).click();
      await form.getByText(`${withSpeaker.name}, ${withSpeaker.title}`).waitFor();
    }
    await form.getByRole('button', { name: 'Add the session' }).click();
    await page.getByText(`“${fields.title}” is on the agenda.`).waitFor();
    // The day's list is read again from the server: wait for the session to be in it.
    await page.getByText(`${fields.start}–${fields.end} · ${fields.title}`).waitFor();
  }

  const sessionLines = (day: string) =>
    page.getByRole('tabpanel', { name: day }).locator('ol > li p:first-child').allTextContents();

  it('plans a two-day agenda with a speaker, and reorders a day', async () => {
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('tab', { name: /^Day 1 · 12 May 2027/ }).waitFor();
    await addSession(
      { start: '10:00', end: '11:00', title: 'National referral mechanism', kind: 'Presentation' },
      {
        search: 'Dilnoza',
        name: 'Dilnoza Gʻulomova',
        title: 'Secretary of the National Commission',
      },
    );
    await addSession({
      start: '09:00',
      end: '09:30',
      title: 'Welcoming speeches',
      kind: 'Opening',
      room: 'Plenary hall',
    });
    expect(await sessionLines('Day 1 · 12 May 2027')).toEqual([
      '09:00–09:30 · Welcoming speeches',
      '10:00–11:00 · National referral mechanism',
    ]);
    // The presentation first: the pair keeps its span, each session its length.
    await page.getByRole('button', { name: 'Move “National referral mechanism” earlier' }).click();
    await page.getByText('09:00–10:00 · National referral mechanism').waitFor({ timeout: 10_000 });
    expect(await sessionLines('Day 1 · 12 May 2027')).toEqual([
      '09:00–10:00 · National referral mechanism',
      '10:30–11:00 · Welcoming speeches',
    ]);

    await page.getByRole('tab', { name: /^Day 2 · 13 May 2027/ }).click();
    await page.getByText('No session on this day yet.').waitFor();
    await addSession({
      start: '09:30',
      end: '11:30',
      title: 'Working groups: drafting recommendations',
      kind: 'Working group sitting',
    });
    expect(await accessibilityProblems(page)).toEqual([]);

    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { agenda { day startTime endTime kind title room speakers { titleOnAgenda person { id } } } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.agenda).toEqual([
      {
        day: 1,
        startTime: '09:00',
        endTime: '10:00',
        kind: 'PRESENTATION',
        title: 'National referral mechanism',
        room: null,
        speakers: [
          { titleOnAgenda: 'Secretary of the National Commission', person: { id: speaker.id } },
        ],
      },
      {
        day: 1,
        startTime: '10:30',
        endTime: '11:00',
        kind: 'OPENING',
        title: 'Welcoming speeches',
        room: 'Plenary hall',
        speakers: [],
      },
      {
        day: 2,
        startTime: '09:30',
        endTime: '11:30',
        kind: 'WORKING_GROUP_SITTING',
        title: 'Working groups: drafting recommendations',
        room: null,
        speakers: [],
      },
    ]);
  });

  it('forms a working group with a registered participant, then adopts its recommendation', async () => {
    const registered = await register(app, editionId, participant.id, organizer.token);
    expect(registered.errors).toBeUndefined();

    await page.getByRole('tab', { name: 'Working groups' }).click();
    await page.getByLabel(labelled('Name of the group')).fill('Victim protection');
    await page.getByLabel(labelled('Topic')).fill('Referral and return of victims');
    await page.getByRole('button', { name: 'Create the group' }).click();
    await page.getByText('The group “Victim protection” is created.').waitFor();
    const group = page.getByRole('region', { name: 'Victim protection' });
    await choose(
      page,
      'New member of Victim protection (a registered participant)',
      'Aziz Karimov',
    );
    await group.getByRole('button', { name: 'Add the member' }).click();
    await group.getByText('1 member').waitFor();

    await page.getByRole('tab', { name: 'Recommendations' }).click();
    await page
      .getByLabel(labelled('Text of the recommendation'))
      .fill('Set up a national referral mechanism for victims of trafficking.');
    await page.getByLabel(labelled('Addressed to')).fill('Ministries of Internal Affairs');
    await choose(page, 'Working group that drafted it', 'Victim protection');
    await page.getByRole('button', { name: 'Add the recommendation' }).click();
    await page.getByText('Recommendation 1 is added as a draft.').waitFor();
    await page.getByRole('button', { name: 'Adopt recommendation 1' }).click();
    await page.getByText('Recommendation 1 is adopted.').waitFor();
    await page.getByText('Adopted', { exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) {
        workingGroups { name topic members { person { id } } }
        recommendations { number text addressedTo status workingGroup { name } }
      } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.workingGroups).toEqual([
      {
        name: 'Victim protection',
        topic: 'Referral and return of victims',
        members: [{ person: { id: participant.id } }],
      },
    ]);
    expect(edition.recommendations).toEqual([
      {
        number: 1,
        text: 'Set up a national referral mechanism for victims of trafficking.',
        addressedTo: 'Ministries of Internal Affairs',
        status: 'ADOPTED',
        workingGroup: { name: 'Victim protection' },
      },
    ]);
  });

  it('downloads the agenda in Russian with the session titles', async () => {
    await page.getByRole('tab', { name: 'Documents' }).click();
    const link = page.getByRole('link', { name: 'Agenda — Русский (PDF)' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/documents/editions/${editionId}/agenda.pdf?lang=ru`);
    // The same request the link makes, with this browser's session cookie.
    const response = await context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfText(await response.body())).replace(/\s+/g, ' ');
    expect(text).toContain('ПРОГРАММА');
    expect(text).toContain('День 1');
    expect(text).toContain('День 2');
    for (const title of [
      'National referral mechanism',
      'Welcoming speeches',
      'Working groups: drafting recommendations',
      'Secretary of the National Commission',
    ]) {
      expect(text).toContain(title);
    }
  });

  it('adds a funder among the partners', async () => {
    await page.getByRole('tab', { name: 'Partners' }).click();
    await page.getByText('No partner yet.').waitFor();
    await choose(page, 'Organization', /^United Nations Office on Drugs and Crime/, 'UNODC');
    await choose(page, 'Role', 'Funder');
    await page.getByRole('button', { name: 'Add the partner' }).click();
    await page.getByText('The partner is added.').waitFor();
    await page
      .getByText('United Nations Office on Drugs and Crime (UNODC)', { exact: true })
      .waitFor();
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { partners { role organization { id } } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.partners).toEqual([{ role: 'FUNDER', organization: { id: funder.id } }]);
  });

  it('changes a session: its day, room, moderator and a new speaker', async () => {
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Edit “Welcoming speeches”' }).click();
    const form = page
      .locator('form')
      .filter({ has: page.getByLabel(labelled('Title of the session')) });
    await choose(page, 'Day', 'Day 2, 13 May 2027');
    await form.getByLabel(labelled('Room')).fill('Hall B');
    await choose(page, 'Moderator', 'Dilnoza Gʻulomova', 'Gʻulomova');
    await choose(page, 'Speaker', 'Aziz Karimov', 'Karimov');
    await form.getByRole('button', { name: 'Add the speaker' }).click();
    await form.getByRole('button', { name: 'Save the session' }).click();
    await page.getByText('“Welcoming speeches” is saved.').waitFor();
    await page.getByRole('tab', { name: /^Day 2 · 13 May 2027/ }).click();
    await page.getByText('Moderator: Dilnoza Gʻulomova').waitFor();
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { agenda(day: 2) { title room moderator { id } speakers { person { id } } } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.agenda[1]).toEqual({
      title: 'Welcoming speeches',
      room: 'Hall B',
      moderator: { id: speaker.id },
      speakers: [{ person: { id: participant.id } }],
    });
  });

  it('records progress on the 2025 edition’s recommendation', async () => {
    await page.getByRole('tab', { name: 'Recommendations' }).click();
    await page.getByText('No progress recorded at this edition yet.').waitFor();
    await choose(page, 'Earlier recommendation', /^2025\/1\. Train border guards/);
    await choose(page, 'Progress', 'Implemented');
    await page.getByLabel(labelled('Note')).fill('Two hundred guards trained in 2026.');
    await page.getByRole('button', { name: 'Record the progress' }).click();
    await page.getByText('The progress is recorded.').waitFor();
    await page.getByText('Recommendation 1 of 2025').waitFor();
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { followUps { status note recommendation { text } } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.followUps).toEqual([
      {
        status: 'IMPLEMENTED',
        note: 'Two hundred guards trained in 2026.',
        recommendation: { text: 'Train border guards to identify victims.' },
      },
    ]);
  });

  it('tells when a colleague saved the details meanwhile, and saves on the saved version', async () => {
    await page.getByRole('tab', { name: 'Details and status' }).click();
    const title = page.getByLabel(labelled('Title'));
    await expectValue(title, EDITION_TITLE);
    // A refetch still under way (earlier changes invalidate the edition) would bring the
    // colleague's version in: let it finish first, so the page holds the older one.
    await page.waitForLoadState('networkidle');
    await app.ok(
      `mutation($id: ID!) { updateEdition(id: $id, input: { title: "Renamed by a colleague" }) { id } }`,
      { id: editionId },
      organizer.token,
    );
    await page.getByLabel(labelled('Venue')).fill('Palace of Independence');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('Someone else saved this edition meanwhile.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Load the saved version' }).click();
    await expectValue(title, 'Renamed by a colleague');
    await page.getByLabel(labelled('Venue')).fill('Palace of Independence');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { title venue } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition).toEqual({ title: 'Renamed by a colleague', venue: 'Palace of Independence' });
  });

  it('sets the time zone of the agenda', async () => {
    const zone = page.locator('input:visible').and(page.getByLabel(labelled('Time zone')));
    await expectValue(zone, 'Asia/Almaty');
    await choose(page, 'Time zone', 'Asia/Aqtobe', 'Asia/Aqt');
    await page.getByRole('button', { name: 'Save the details' }).click();
    // The previous test's "Saved." may still be on screen: ask the API until the save landed.
    const storedZone = async () =>
      (
        await app.ok(
          `query($id: ID!) { edition(id: $id) { timeZone } }`,
          { id: editionId },
          organizer.token,
        )
      ).edition.timeZone;
    for (let i = 0; i < 50 && (await storedZone()) !== 'Asia/Aqtobe'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await storedZone()).toBe('Asia/Aqtobe');
  });

  it('renames a working group and gives it a facilitator', async () => {
    await page.getByRole('tab', { name: 'Working groups' }).click();
    await page.getByRole('button', { name: 'Rename the group Victim protection' }).click();
    const group = page.getByRole('region', { name: 'Victim protection' });
    await group.getByLabel(labelled('Name of the group')).fill('Protection of victims');
    await group.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByRole('region', { name: 'Protection of victims' });
    await choose(page, 'New facilitator of Protection of victims', 'Dilnoza Gʻulomova', 'Dilnoza');
    await renamed.getByRole('button', { name: 'Add the facilitator' }).click();
    await renamed
      .getByRole('button', { name: 'Remove the facilitator Dilnoza Gʻulomova' })
      .waitFor();
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { workingGroups { name facilitators { id } memberCount } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.workingGroups).toEqual([
      { name: 'Protection of victims', facilitators: [{ id: speaker.id }], memberCount: 1 },
    ]);
  });

  it('removes a session once the organizer confirms', async () => {
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('tab', { name: /^Day 2 · 13 May 2027/ }).click();
    const title = 'Working groups: drafting recommendations';
    // The first time the organizer thinks better of it.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: `Remove “${title}”` }).click();
    await page.getByText(`09:30–11:30 · ${title}`).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Remove “${title}”` }).click();
    await page.getByText('The session is removed.').waitFor();
    await page.getByText(`09:30–11:30 · ${title}`).waitFor({ state: 'detached' });
    const { edition } = await app.ok(
      `query($id: ID!) { edition(id: $id) { agenda(day: 2) { title } } }`,
      { id: editionId },
      organizer.token,
    );
    expect(edition.agenda).toEqual([{ title: 'Welcoming speeches' }]);
  });

  it('fits a 360 px phone screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    // Evaluated in the page (this file is not typed with the DOM).
    const overflow = () =>
      page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('tab', { name: /^Day 1 · 12 May 2027/ }).click();
    await page.getByText('09:00–10:00 · National referral mechanism').waitFor();
    await page.getByRole('button', { name: 'Add the session' }).click();
    await page.getByLabel(labelled('Title of the session')).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto('/manage/editions');
    await page.getByRole('link', { name: /^2027 · / }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('shows the participation in Russian, and logs no console error', async () => {
    // Aziz came on the second day of the 2025 edition.
    const registered = await register(app, earlierId, participant.id, organizer.token);
    await app.ok(
      `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`,
      { input: { registrationId: registered.data.registerParticipant.id, day: '2025-07-29' } },
      organizer.token,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.goto(`/manage/editions/${earlierId}`);
    await page.getByRole('tab', { name: 'Участие' }).click();
    await page.getByRole('heading', { name: 'Участие' }).waitFor();
    await page.getByRole('rowheader', { name: 'Узбекистан' }).waitFor();
    const row = (name: string) =>
      page.getByRole('row', { name: new RegExp(`^${name}`) }).textContent();
    expect(await row('Узбекистан')).toBe('Узбекистан11');
    expect(await row('День 1')).toBe('День 1, 28 июля 2025 г.0');
    expect(await row('День 2')).toBe('День 2, 29 июля 2025 г.1');
    expect(await row('Не указан')).toBe('Не указан11');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
