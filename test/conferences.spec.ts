import { randomUUID } from 'node:crypto';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from './factories';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';

// The host rotation agreed in Bukhara (November 2021).
const BUKHARA_ROTATION = [
  { year: 2022, hostCountry: 'UZ' },
  { year: 2023, hostCountry: 'KZ' },
  { year: 2024, hostCountry: 'KG' },
  { year: 2025, hostCountry: 'TJ' },
  { year: 2026, hostCountry: 'TM' },
];

const SET_ROTATION = `mutation($seriesId: ID!, $input: SetRotationInput!) {
  setRotation(seriesId: $seriesId, input: $input) { id rotation { year hostCountry hostCountryName } }
}`;
const CREATE_SERIES = `mutation($input: CreateSeriesInput!) { createConferenceSeries(input: $input) { id } }`;
const CREATE_EDITION = `mutation($input: CreateEditionInput!) {
  createEdition(input: $input) { id year hostCountry hostCountryName city startDate endDate status isPublished version }
}`;
const UPDATE_EDITION = `mutation($id: ID!, $input: UpdateEditionInput!) {
  updateEdition(id: $id, input: $input) { id title startDate endDate version isPublished }
}`;
const EDITION = `query($id: ID!) { edition(id: $id) { id title year startDate endDate status version isPublished } }`;
const EDITIONS = `query($filter: EditionFilter, $first: Int, $after: String) {
  editions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id year hostCountry }
  }
}`;
const CHANGE_STATUS = `mutation($id: ID!, $status: EditionStatus!) { changeEditionStatus(id: $id, status: $status) { status } }`;
const ADD_SESSION = `mutation($editionId: ID!, $input: AgendaSessionInput!) {
  addAgendaSession(editionId: $editionId, input: $input) { id day startTime endTime title }
}`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;

/** A whole CreateEditionInput for the given year, without a host country unless given. */
function editionInput(seriesId: string, year: number, fields: Record<string, unknown> = {}) {
  return {
    seriesId,
    title: `Regional conference on combating trafficking in persons, ${year}`,
    year,
    city: 'Tashkent',
    startDate: `${year}-07-28`,
    endDate: `${year}-07-29`,
    ...fields,
  };
}

/** The extensions of the first error: code, reason and, for bad input, the field at fault. */
function problem(res: GraphQLResponse) {
  expect(res.errors).toBeDefined();
  return res.errors![0].extensions!;
}

describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function editionsOfSeries(seriesId: string, token?: string) {
    const data = await t.ok(EDITIONS, { filter: { seriesId }, first: 100 }, token);
    return data.editions as {
      totalCount: number;
      nodes: { id: string; year: number; hostCountry: string }[];
    };
  }

  describe('the series and its rotating host', () => {
    it('gives a new edition the host country that the Bukhara rotation plans for its year', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const series = await aSeries(t);

      // The rotation is agreed between the countries: an admin keeps it.
      const planned = await t.ok(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: BUKHARA_ROTATION } },
        t.adminToken,
      );
      expect(planned.setRotation.rotation).toEqual([
        { year: 2022, hostCountry: 'UZ', hostCountryName: 'Uzbekistan' },
        { year: 2023, hostCountry: 'KZ', hostCountryName: 'Kazakhstan' },
        { year: 2024, hostCountry: 'KG', hostCountryName: 'Kyrgyzstan' },
        { year: 2025, hostCountry: 'TJ', hostCountryName: 'Tajikistan' },
        { year: 2026, hostCountry: 'TM', hostCountryName: 'Turkmenistan' },
      ]);
      // The plan is public.
      const publicView = await t.ok(
        `query($id: ID!) { series(id: $id) { name rotation { year hostCountry } } }`,
        { id: series.id },
      );
      expect(publicView.series.rotation).toEqual(BUKHARA_ROTATION);

      // The admin creates the first edition and makes the organizer its organizer, who
      // then creates the next ones.
      await anEdition(series.id).inYear(2022).create(t, organizer.token);
      const almaty = await t.ok(
        CREATE_EDITION,
        { input: editionInput(series.id, 2023, { city: 'Almaty' }) },
        organizer.token,
      );
      expect(almaty.createEdition).toMatchObject({
        year: 2023,
        hostCountry: 'KZ',
        hostCountryName: 'Kazakhstan',
        city: 'Almaty',
        status: 'PLANNING',
        isPublished: false,
      });
      const bishkek = await t.ok(
        CREATE_EDITION,
        { input: editionInput(series.id, 2024, { city: 'Bishkek' }) },
        organizer.token,
      );
      expect(bishkek.createEdition).toMatchObject({
        hostCountry: 'KG',
        hostCountryName: 'Kyrgyzstan',
      });
    });

    it('keeps the series, its rotation and its editions to admins and its organizers', async () => {
      const series = await aSeries(t);
      await t.ok(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: BUKHARA_ROTATION } },
        t.adminToken,
      );
      const organizer = await anAccount(t, 'ORGANIZER');
      await anEdition(series.id).inYear(2022).create(t, organizer.token);
      const stranger = await anAccount(t, 'ORGANIZER');

      // Organizing one edition does not make the whole rotation one's own.
      const replaced = await t.gql(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: [{ year: 2023, hostCountry: 'UZ' }] } },
        organizer.token,
      );
      expect(problem(replaced)).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        problem(await t.gql(CREATE_SERIES, { input: { name: 'Another series' } }, organizer.token)),
      ).toMatchObject({ code: 'FORBIDDEN' });
      // An organizer of none of its editions cannot take a year of the series.
      const squatted = await t.gql(
        CREATE_EDITION,
        { input: editionInput(series.id, 2023) },
        stranger.token,
      );
      expect(problem(squatted)).toMatchObject({ code: 'FORBIDDEN' });
      const plan = await t.ok(`query($id: ID!) { series(id: $id) { rotation { year } } }`, {
        id: series.id,
      });
      expect(plan.series.rotation).toHaveLength(5);
      expect((await editionsOfSeries(series.id, t.adminToken)).totalCount).toBe(1);
    });

    it('refuses a second edition in the same year', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const series = await aSeries(t);
      await anEdition(series.id).inYear(2022).create(t, organizer.token);

      const again = await t.gql(
        CREATE_EDITION,
        { input: editionInput(series.id, 2022, { hostCountry: 'UZ', city: 'Bukhara' }) },
        organizer.token,
      );
      expect(problem(again)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
        reason: 'EDITION_YEAR_TAKEN',
      });
      expect((await editionsOfSeries(series.id, organizer.token)).totalCount).toBe(1);
    });

    it('asks for a host country when the rotation has none for the year', async () => {
      const series = await aSeries(t);
      await t.ok(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: BUKHARA_ROTATION } },
        t.adminToken,
      );
      const res = await t.gql(
        CREATE_EDITION,
        { input: editionInput(series.id, 2027) },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostCountry' });
      const given = await t.ok(
        CREATE_EDITION,
        { input: editionInput(series.id, 2027, { hostCountry: 'UZ', city: 'Samarkand' }) },
        t.adminToken,
      );
      expect(given.createEdition.hostCountry).toBe('UZ');
    });

    it('refuses a rotation that names a year twice, keeping the plan it had', async () => {
      const series = await aSeries(t);
      await t.ok(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: BUKHARA_ROTATION } },
        t.adminToken,
      );

      const res = await t.gql(
        SET_ROTATION,
        {
          seriesId: series.id,
          input: {
            slots: [
              { year: 2022, hostCountry: 'UZ' },
              { year: 2022, hostCountry: 'KZ' },
            ],
          },
        },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slots' });
      expect(res.errors![0].message).toMatch(/2022/);
      const kept = await t.ok(
        `query($id: ID!) { series(id: $id) { rotation { year hostCountry } } }`,
        { id: series.id },
      );
      expect(kept.series.rotation).toEqual(BUKHARA_ROTATION);
    });

    it('replaces the whole plan when the rotation is set again', async () => {
      const series = await aSeries(t);
      await t.ok(
        SET_ROTATION,
        { seriesId: series.id, input: { slots: BUKHARA_ROTATION } },
        t.adminToken,
      );
      const replaced = await t.ok(
        SET_ROTATION,
        {
          seriesId: series.id,
          input: {
            slots: [
              { year: 2027, hostCountry: 'UZ' },
              { year: 2026, hostCountry: 'TM' },
            ],
          },
        },
        t.adminToken,
      );
      expect(replaced.setRotation.rotation.map((slot: { year: number }) => slot.year)).toEqual([
        2026, 2027,
      ]);
    });
  });

  describe('bad input changes nothing', () => {
    let seriesId: string;
    let editionId: string;

    beforeAll(async () => {
      seriesId = (await aSeries(t)).id;
      editionId = (await anEdition(seriesId).inYear(2022).create(t)).id;
    });

    it('refuses an edition that ends before it starts', async () => {
      const before = await editionsOfSeries(seriesId, t.adminToken);
      const res = await t.gql(
        CREATE_EDITION,
        {
          input: editionInput(seriesId, 2023, {
            hostCountry: 'KZ',
            startDate: '2023-07-29',
            endDate: '2023-07-28',
          }),
        },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
      expect(await editionsOfSeries(seriesId, t.adminToken)).toEqual(before);
    });

    it('refuses moving the end of an edition before its start, and keeps its dates', async () => {
      const res = await t.gql(
        UPDATE_EDITION,
        { id: editionId, input: { title: 'Renamed', endDate: '2022-07-27' } },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
      const edition = (await t.ok(EDITION, { id: editionId }, t.adminToken)).edition;
      expect(edition).toMatchObject({ startDate: '2022-07-28', endDate: '2022-07-29', version: 1 });
      expect(edition.title).not.toBe('Renamed');
    });

    it('refuses a start date outside the edition year', async () => {
      const res = await t.gql(
        CREATE_EDITION,
        {
          input: editionInput(seriesId, 2024, {
            hostCountry: 'KG',
            startDate: '2025-07-28',
            endDate: '2025-07-29',
          }),
        },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
    });

    it('names the field holding a country code that does not exist', async () => {
      const before = await editionsOfSeries(seriesId, t.adminToken);
      const created = await t.gql(
        CREATE_EDITION,
        { input: editionInput(seriesId, 2023, { hostCountry: 'XX' }) },
        t.adminToken,
      );
      expect(problem(created)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostCountry' });
      expect(created.errors![0].message).toMatch(/country code/);
      const lowerCase = await t.gql(
        CREATE_EDITION,
        { input: editionInput(seriesId, 2023, { hostCountry: 'kz' }) },
        t.adminToken,
      );
      expect(problem(lowerCase)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostCountry' });
      expect(await editionsOfSeries(seriesId, t.adminToken)).toEqual(before);

      const updated = await t.gql(
        UPDATE_EDITION,
        { id: editionId, input: { hostCountry: 'Uzbekistan' } },
        t.adminToken,
      );
      expect(problem(updated)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostCountry' });
      const rotation = await t.gql(
        SET_ROTATION,
        {
          seriesId,
          input: {
            slots: [
              { year: 2022, hostCountry: 'UZ' },
              { year: 2023, hostCountry: 'QQ' },
            ],
          },
        },
        t.adminToken,
      );
      expect(problem(rotation)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'slots.1.hostCountry',
      });
    });

    it('refuses an input field the API does not know', async () => {
      const before = await editionsOfSeries(seriesId, t.adminToken);
      const res = await t.gql(
        CREATE_EDITION,
        { input: editionInput(seriesId, 2023, { hostCountry: 'KZ', dressCode: 'formal' }) },
        t.adminToken,
      );
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/dressCode/);
      expect(await editionsOfSeries(seriesId, t.adminToken)).toEqual(before);
    });
  });

  describe('who sees and who manages an edition', () => {
    let seriesId: string;
    let owner: { id: string; token: string };
    let draftId: string;
    let publishedId: string;

    beforeAll(async () => {
      owner = await anAccount(t, 'ORGANIZER');
      seriesId = (await aSeries(t)).id;
      draftId = (
        await anEdition(seriesId).inYear(2023).hostedBy('KZ', 'Almaty').create(t, owner.token)
      ).id;
      publishedId = (await anEdition(seriesId).inYear(2022).published().create(t, owner.token)).id;
    });

    it('shows anonymous visitors only published editions', async () => {
      const list = await editionsOfSeries(seriesId);
      expect(list.nodes.map((e) => e.id)).toEqual([publishedId]);
      expect(list.totalCount).toBe(1);
      expect((await t.ok(EDITION, { id: publishedId })).edition.isPublished).toBe(true);
      expect(errorCode(await t.gql(EDITION, { id: draftId }))).toBe('NOT_FOUND');
    });

    it('shows the organizer who created it their unpublished edition', async () => {
      const list = await editionsOfSeries(seriesId, owner.token);
      expect(list.nodes.map((e) => e.year)).toEqual([2023, 2022]);
      expect((await t.ok(EDITION, { id: draftId }, owner.token)).edition).toMatchObject({
        year: 2023,
        isPublished: false,
      });
    });

    it('keeps other organizers out: not found while unpublished, forbidden once published', async () => {
      const stranger = await anAccount(t, 'ORGANIZER');
      expect(errorCode(await t.gql(EDITION, { id: draftId }, stranger.token))).toBe('NOT_FOUND');
      expect((await editionsOfSeries(seriesId, stranger.token)).nodes.map((e) => e.id)).toEqual([
        publishedId,
      ]);

      const hidden = await t.gql(
        UPDATE_EDITION,
        { id: draftId, input: { title: 'Taken over' } },
        stranger.token,
      );
      expect(errorCode(hidden)).toBe('NOT_FOUND');
      const visible = await t.gql(
        UPDATE_EDITION,
        { id: publishedId, input: { title: 'Taken over' } },
        stranger.token,
      );
      expect(errorCode(visible)).toBe('FORBIDDEN');
      const status = await t.gql(
        CHANGE_STATUS,
        { id: publishedId, status: 'CLOSED' },
        stranger.token,
      );
      expect(errorCode(status)).toBe('FORBIDDEN');
      expect((await t.ok(EDITION, { id: publishedId })).edition).toMatchObject({
        status: 'PLANNING',
      });
      expect((await t.ok(EDITION, { id: publishedId })).edition.title).not.toBe('Taken over');
    });

    it('lists the editions one manages, and tells on each whether one may change it', async () => {
      const stranger = await anAccount(t, 'ORGANIZER');
      const MANAGED = `query($filter: EditionFilter) { editions(filter: $filter, first: 100) { nodes { id canManage } } }`;
      const managed = async (token?: string) =>
        (await t.ok(MANAGED, { filter: { seriesId, managed: true } }, token)).editions.nodes;
      expect(await managed(owner.token)).toEqual([
        { id: draftId, canManage: true },
        { id: publishedId, canManage: true },
      ]);
      expect(await managed(stranger.token)).toEqual([]);
      expect(await managed()).toEqual([]);
      expect((await managed(t.adminToken)).map((e: { id: string }) => e.id)).toEqual([
        draftId,
        publishedId,
      ]);
      // Without the filter the stranger still sees the published one, but may not change it.
      const all = await t.ok(MANAGED, { filter: { seriesId } }, stranger.token);
      expect(all.editions.nodes).toEqual([{ id: publishedId, canManage: false }]);
      const NEXT = `query($id: ID!) { edition(id: $id) { status nextStatuses } }`;
      expect((await t.ok(NEXT, { id: publishedId }, owner.token)).edition).toEqual({
        status: 'PLANNING',
        nextStatuses: ['REGISTRATION_OPEN', 'IN_PROGRESS', 'CLOSED'],
      });
      expect((await t.ok(NEXT, { id: publishedId }, stranger.token)).edition.nextStatuses).toEqual(
        [],
      );
    });

    it('asks anonymous callers to log in before changing anything', async () => {
      const attempts = [
        t.gql(`mutation { createConferenceSeries(input: { name: "Anonymous series" }) { id } }`),
        t.gql(CREATE_EDITION, { input: editionInput(seriesId, 2024, { hostCountry: 'KG' }) }),
        t.gql(UPDATE_EDITION, { id: publishedId, input: { title: 'Anonymous edit' } }),
        t.gql(SET_ROTATION, { seriesId, input: { slots: BUKHARA_ROTATION } }),
        t.gql(CHANGE_STATUS, { id: publishedId, status: 'CLOSED' }),
        t.gql(ADD_SESSION, {
          editionId: publishedId,
          input: {
            day: 1,
            startTime: '09:00',
            endTime: '10:00',
            kind: 'OPENING',
            title: 'Opening',
          },
        }),
      ];
      expect((await Promise.all(attempts)).map(errorCode)).toEqual(
        Array(attempts.length).fill('UNAUTHENTICATED'),
      );
      expect((await editionsOfSeries(seriesId, owner.token)).totalCount).toBe(2);
    });

    it('does not let a participant create editions', async () => {
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      const res = await t.gql(
        CREATE_EDITION,
        { input: editionInput(seriesId, 2024, { hostCountry: 'KG' }) },
        participant.token,
      );
      expect(errorCode(res)).toBe('FORBIDDEN');
      const series = await t.gql(
        `mutation { createConferenceSeries(input: { name: "A participant's series" }) { id } }`,
        {},
        participant.token,
      );
      expect(errorCode(series)).toBe('FORBIDDEN');
      const update = await t.gql(
        UPDATE_EDITION,
        { id: publishedId, input: { title: 'Participant edit' } },
        participant.token,
      );
      expect(errorCode(update)).toBe('FORBIDDEN');
      expect((await editionsOfSeries(seriesId, owner.token)).totalCount).toBe(2);
    });

    it('lets an admin assign a second organizer, who can then manage the edition', async () => {
      const colleague = await anAccount(t, 'ORGANIZER');
      expect(
        errorCode(
          await t.gql(UPDATE_EDITION, { id: draftId, input: { venue: 'Rixos' } }, colleague.token),
        ),
      ).toBe('NOT_FOUND');

      const assigned = await t.ok(
        `mutation($editionId: ID!, $userId: ID!) { assignEditionOrganizer(editionId: $editionId, userId: $userId) { id organizers { id } } }`,
        { editionId: draftId, userId: colleague.id },
        t.adminToken,
      );
      expect(
        assigned.assignEditionOrganizer.organizers.map((u: { id: string }) => u.id).sort(),
      ).toEqual([owner.id, colleague.id].sort());

      const updated = await t.ok(
        UPDATE_EDITION,
        { id: draftId, input: { title: 'Second Central Asian Regional Conference' } },
        colleague.token,
      );
      expect(updated.updateEdition.title).toBe('Second Central Asian Regional Conference');
      expect((await editionsOfSeries(seriesId, colleague.token)).nodes.map((e) => e.id)).toContain(
        draftId,
      );
      // The organizer list is for organizers only.
      const anonymousView = await t.ok(
        `query($id: ID!) { edition(id: $id) { organizers { id } } }`,
        { id: publishedId },
      );
      expect(anonymousView.edition.organizers).toBeNull();
    });

    it('assigns organizer accounts only', async () => {
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      const res = await t.gql(
        `mutation($editionId: ID!, $userId: ID!) { assignEditionOrganizer(editionId: $editionId, userId: $userId) { id } }`,
        { editionId: draftId, userId: participant.id },
        t.adminToken,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    });
  });

  describe('finding editions', () => {
    let seriesId: string;

    beforeAll(async () => {
      seriesId = (await aSeries(t)).id;
      const hosts: [number, string, string][] = [
        [2022, 'UZ', 'Tashkent'],
        [2023, 'KZ', 'Almaty'],
        [2024, 'KG', 'Bishkek'],
        [2025, 'TJ', 'Dushanbe'],
        [2026, 'TM', 'Ashgabat'],
        [2027, 'UZ', 'Samarkand'],
      ];
      for (const [year, country, city] of hosts) {
        await anEdition(seriesId).inYear(year).hostedBy(country, city).published().create(t);
      }
    });

    it('filters by year and by host country', async () => {
      const in2023 = await t.ok(EDITIONS, { filter: { seriesId, year: 2023 } });
      expect(in2023.editions.totalCount).toBe(1);
      expect(in2023.editions.nodes[0]).toMatchObject({ year: 2023, hostCountry: 'KZ' });

      const inUzbekistan = await t.ok(EDITIONS, { filter: { seriesId, hostCountry: 'UZ' } });
      expect(inUzbekistan.editions.nodes.map((e: { year: number }) => e.year)).toEqual([
        2027, 2022,
      ]);
      expect(inUzbekistan.editions.totalCount).toBe(2);

      const none = await t.ok(EDITIONS, { filter: { seriesId, year: 2024, hostCountry: 'UZ' } });
      expect(none.editions).toMatchObject({
        totalCount: 0,
        nodes: [],
        pageInfo: { hasNextPage: false },
      });
    });

    it('pages through the editions, newest first', async () => {
      const years: number[] = [];
      let after: string | undefined;
      const pages: { totalCount: number; hasNextPage: boolean }[] = [];
      do {
        const data = await t.ok(EDITIONS, { filter: { seriesId }, first: 4, after });
        const page = data.editions;
        years.push(...page.nodes.map((e: { year: number }) => e.year));
        pages.push({ totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage });
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
      expect(years).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
      expect(pages).toEqual([
        { totalCount: 6, hasNextPage: true },
        { totalCount: 6, hasNextPage: false },
      ]);
    });

    it('refuses a cursor it did not hand out, and page sizes out of range', async () => {
      const garbage = await t.gql(EDITIONS, { filter: { seriesId }, after: 'not-a-cursor' });
      expect(problem(garbage)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(problem(await t.gql(EDITIONS, { filter: { seriesId }, first: 0 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
      expect(
        problem(await t.gql(EDITIONS, { filter: { hostCountry: 'Kazakhstan' } })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.hostCountry',
      });
    });
  });

  describe('changing an edition', () => {
    it('refuses an update made from a stale version, keeping the newer change', async () => {
      const seriesId = (await aSeries(t)).id;
      const { id } = await anEdition(seriesId).inYear(2022).create(t);
      const read = (await t.ok(EDITION, { id }, t.adminToken)).edition;

      const first = await t.ok(
        UPDATE_EDITION,
        { id, input: { expectedVersion: read.version, title: 'Strengthening partnerships' } },
        t.adminToken,
      );
      expect(first.updateEdition.version).toBe(read.version + 1);

      const stale = await t.gql(
        UPDATE_EDITION,
        { id, input: { expectedVersion: read.version, title: 'An older idea' } },
        t.adminToken,
      );
      expect(problem(stale)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect((await t.ok(EDITION, { id }, t.adminToken)).edition).toMatchObject({
        title: 'Strengthening partnerships',
        version: read.version + 1,
      });
    });

    it('moves an edition forward through its statuses, and never reopens a closed one', async () => {
      const seriesId = (await aSeries(t)).id;
      const { id } = await anEdition(seriesId).inYear(2022).create(t);
      for (const status of ['REGISTRATION_OPEN', 'IN_PROGRESS', 'CLOSED']) {
        expect(
          (await t.ok(CHANGE_STATUS, { id, status }, t.adminToken)).changeEditionStatus.status,
        ).toBe(status);
      }
      const reopen = await t.gql(CHANGE_STATUS, { id, status: 'PLANNING' }, t.adminToken);
      expect(problem(reopen)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_STATUS_CHANGE',
      });
      const back = await t.gql(CHANGE_STATUS, { id, status: 'IN_PROGRESS' }, t.adminToken);
      expect(problem(back)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_STATUS_CHANGE',
      });
      expect((await t.ok(EDITION, { id }, t.adminToken)).edition.status).toBe('CLOSED');
    });
  });

  describe('partners', () => {
    it('lists the host, co-organizers and funders of the 2022 Tashkent edition with their names', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      const edition = await anEdition(seriesId).inYear(2022).published().create(t, organizer.token);
      const commission = await anOrganization()
        .named('National Commission on Combating Human Trafficking and Forced Labour')
        .ofType('GOVERNMENT')
        .from('UZ')
        .create(t);
      const interior = await anOrganization()
        .named('Ministry of Internal Affairs', 'MIA')
        .ofType('GOVERNMENT')
        .from('UZ')
        .create(t);
      const unodc = await anOrganization()
        .named('United Nations Office on Drugs and Crime', 'UNODC')
        .ofType('INTERNATIONAL_ORGANIZATION')
        .from('UZ')
        .create(t);
      const usaid = await anOrganization()
        .named('United States Agency for International Development', 'USAID')
        .ofType('DONOR')
        .from('US')
        .create(t);
      const inl = await anOrganization()
        .named('Bureau of International Narcotics and Law Enforcement Affairs', 'INL')
        .ofType('DONOR')
        .from('US')
        .create(t);

      const addPartner = `mutation($editionId: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $editionId, input: $input) { id role organization { name } } }`;
      const partners: [{ id: string }, string][] = [
        [commission, 'HOST'],
        [interior, 'CO_ORGANIZER'],
        [unodc, 'CO_ORGANIZER'],
        [usaid, 'FUNDER'],
        [inl, 'FUNDER'],
      ];
      for (const [organization, role] of partners) {
        await t.ok(
          addPartner,
          { editionId: edition.id, input: { organizationId: organization.id, role } },
          organizer.token,
        );
      }
      // Adding the same partner in the same role again changes nothing.
      await t.ok(
        addPartner,
        { editionId: edition.id, input: { organizationId: usaid.id, role: 'FUNDER' } },
        organizer.token,
      );

      const data = await t.ok(
        `query($id: ID!) { edition(id: $id) { partners { role organization { name acronym countryName } } } }`,
        { id: edition.id },
      );
      const byRole = (role: string) =>
        data.edition.partners
          .filter((p: { role: string }) => p.role === role)
          .map((p: { organization: { name: string } }) => p.organization.name)
          .sort();
      expect(data.edition.partners).toHaveLength(5);
      expect(byRole('HOST')).toEqual([
        'National Commission on Combating Human Trafficking and Forced Labour',
      ]);
      expect(byRole('CO_ORGANIZER')).toEqual([
        'Ministry of Internal Affairs',
        'United Nations Office on Drugs and Crime',
      ]);
      expect(byRole('FUNDER')).toEqual([
        'Bureau of International Narcotics and Law Enforcement Affairs',
        'United States Agency for International Development',
      ]);
      expect(data.edition.partners).toContainEqual({
        role: 'FUNDER',
        organization: {
          name: 'United States Agency for International Development',
          acronym: 'USAID',
          countryName: 'United States',
        },
      });

      const unknown = await t.gql(
        addPartner,
        { editionId: edition.id, input: { organizationId: randomUUID(), role: 'PARTNER' } },
        organizer.token,
      );
      expect(problem(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    });
  });

  describe('the agenda', () => {
    const AGENDA = `query($id: ID!, $day: Int) {
      edition(id: $id) {
        agenda(day: $day) { day startTime endTime kind title room speakers { position titleOnAgenda person { fullName fullNameAlt email } } }
      }
    }`;
    const AGENDA_DAY = `query($editionId: ID!, $day: Int!) { agendaDay(editionId: $editionId, day: $day) { startTime title } }`;

    let organizer: { token: string };
    let editionId: string;
    let dilnoza: { id: string };
    let carter: { id: string };
    let otkir: { id: string };

    beforeAll(async () => {
      organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      editionId = (
        await anEdition(seriesId)
          .inYear(2022)
          .on('2022-07-28', '2022-07-29')
          .published()
          .create(t, organizer.token)
      ).id;
      dilnoza = await aPerson()
        .named('Dilnoza Gʻulomova', 'Дилноза Гуломова')
        .withEmail('d.gulomova@commission.example.uz')
        .create(t);
      carter = await aPerson()
        .named('James Carter')
        .from('US')
        .withEmail('j.carter@embassy.example.gov')
        .create(t);
      otkir = await aPerson()
        .named('Oʻtkir Rahimov', 'Ўткир Рахимов')
        .withEmail('o.rahimov@mia.example.uz')
        .create(t);

      // Added out of order, across both days.
      const sessions = [
        {
          day: 2,
          startTime: '11:30',
          endTime: '13:00',
          kind: 'PLENARY',
          title: 'Plenary sitting of the working groups',
          room: 'Plenary hall',
        },
        {
          day: 1,
          startTime: '11:00',
          endTime: '12:30',
          kind: 'PANEL',
          title: 'Transnational referral and return of victims',
          room: 'Plenary hall',
        },
        {
          day: 1,
          startTime: '09:00',
          endTime: '09:30',
          kind: 'OPENING',
          title: 'Welcoming speeches',
          room: 'Plenary hall',
          speakers: [
            { personId: dilnoza.id, titleOnAgenda: 'Secretary of the National Commission' },
            { personId: carter.id, titleOnAgenda: 'Representative of the United States Embassy' },
          ],
        },
        {
          day: 2,
          startTime: '09:30',
          endTime: '11:30',
          kind: 'WORKING_GROUP_SITTING',
          title: 'Working groups: drafting recommendations',
          room: 'Rooms A-C',
        },
        {
          day: 1,
          startTime: '09:30',
          endTime: '10:30',
          kind: 'PRESENTATION',
          title: 'National referral mechanism: three years of practice',
          room: 'Plenary hall',
          speakers: [
            {
              personId: otkir.id,
              titleOnAgenda: 'Head of the anti-trafficking unit, Ministry of Internal Affairs',
            },
          ],
        },
        { day: 1, startTime: '10:30', endTime: '11:00', kind: 'BREAK', title: 'Coffee break' },
      ];
      for (const input of sessions) await t.ok(ADD_SESSION, { editionId, input }, organizer.token);
    });

    async function titlesOfDay(day: number) {
      return (await t.ok(AGENDA_DAY, { editionId, day })).agendaDay.map(
        (s: { title: string }) => s.title,
      );
    }

    it('shows each day in time order, with the speakers in speaking order', async () => {
      const data = await t.ok(AGENDA, { id: editionId, day: 1 });
      const agenda = data.edition.agenda;
      expect(
        agenda.map((s: { startTime: string; title: string }) => `${s.startTime} ${s.title}`),
      ).toEqual([
        '09:00 Welcoming speeches',
        '09:30 National referral mechanism: three years of practice',
        '10:30 Coffee break',
        '11:00 Transnational referral and return of victims',
      ]);
      expect(agenda[0].speakers).toEqual([
        {
          position: 0,
          titleOnAgenda: 'Secretary of the National Commission',
          person: { fullName: 'Dilnoza Gʻulomova', fullNameAlt: 'Дилноза Гуломова', email: null },
        },
        {
          position: 1,
          titleOnAgenda: 'Representative of the United States Embassy',
          person: { fullName: 'James Carter', fullNameAlt: null, email: null },
        },
      ]);
      expect(agenda[1].speakers[0].person).toEqual({
        fullName: 'Oʻtkir Rahimov',
        fullNameAlt: 'Ўткир Рахимов',
        email: null,
      });
      expect(agenda[2].speakers).toEqual([]);

      expect(await titlesOfDay(1)).toEqual(agenda.map((s: { title: string }) => s.title));
      expect(await titlesOfDay(2)).toEqual([
        'Working groups: drafting recommendations',
        'Plenary sitting of the working groups',
      ]);

      const whole = await t.ok(AGENDA, { id: editionId });
      expect(
        whole.edition.agenda.map(
          (s: { day: number; startTime: string }) => `${s.day} ${s.startTime}`,
        ),
      ).toEqual(['1 09:00', '1 09:30', '1 10:30', '1 11:00', '2 09:30', '2 11:30']);
    });

    it("shows the speakers' emails to the admin but not to anonymous visitors", async () => {
      const anonymous = await t.ok(AGENDA, { id: editionId, day: 1 });
      const admin = await t.ok(AGENDA, { id: editionId, day: 1 }, t.adminToken);
      const emails = (data: any) =>
        data.edition.agenda.flatMap((s: any) => s.speakers.map((sp: any) => sp.person.email));
      expect(emails(anonymous)).toEqual([null, null, null]);
      expect(emails(admin)).toEqual([
        'd.gulomova@commission.example.uz',
        'j.carter@embassy.example.gov',
        'o.rahimov@mia.example.uz',
      ]);
    });

    it('refuses days outside the edition', async () => {
      const added = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 3,
            startTime: '09:00',
            endTime: '10:00',
            kind: 'SPEECH',
            title: 'A third day',
          },
        },
        organizer.token,
      );
      expect(problem(added)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'day',
        reason: 'DAY_OUTSIDE_EDITION',
      });
      expect(problem(await t.gql(AGENDA_DAY, { editionId, day: 3 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'day',
      });
      expect(problem(await t.gql(AGENDA_DAY, { editionId, day: 0 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'day',
      });
      expect(problem(await t.gql(AGENDA, { id: editionId, day: 3 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'day',
      });
    });

    it('refuses a session that ends before it starts', async () => {
      const res = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 2,
            startTime: '15:00',
            endTime: '14:00',
            kind: 'SPEECH',
            title: 'Backwards',
          },
        },
        organizer.token,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endTime' });
      const malformed = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: { day: 2, startTime: '9am', endTime: '10:00', kind: 'SPEECH', title: 'Malformed' },
        },
        organizer.token,
      );
      expect(problem(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startTime' });
      expect(await titlesOfDay(2)).toHaveLength(2);
    });

    it('refuses booking a room twice at the same time, but allows back-to-back sessions and other rooms', async () => {
      const clash = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 1,
            startTime: '10:00',
            endTime: '10:15',
            kind: 'SPEECH',
            title: 'Overlapping speech',
            room: 'Plenary hall',
          },
        },
        organizer.token,
      );
      expect(problem(clash)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'room',
        reason: 'ROOM_DOUBLE_BOOKED',
      });
      expect(clash.errors![0].message).toMatch(/National referral mechanism/);

      await t.ok(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 1,
            startTime: '10:00',
            endTime: '10:15',
            kind: 'SPEECH',
            title: 'Side event',
            room: 'Room B',
          },
        },
        organizer.token,
      );
      const closing = await t.ok(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 2,
            startTime: '13:00',
            endTime: '13:30',
            kind: 'CLOSING',
            title: 'Closing: adoption of the recommendations',
            room: 'Plenary hall',
          },
        },
        organizer.token,
      );
      expect(await titlesOfDay(2)).toEqual([
        'Working groups: drafting recommendations',
        'Plenary sitting of the working groups',
        'Closing: adoption of the recommendations',
      ]);

      // Moving a session into an occupied slot is refused too; lengthening it in its own slot is not.
      const update = `mutation($id: ID!, $input: UpdateAgendaSessionInput!) { updateAgendaSession(id: $id, input: $input) { startTime endTime } }`;
      const closingId = closing.addAgendaSession.id;
      const moved = await t.gql(
        update,
        { id: closingId, input: { startTime: '12:30' } },
        organizer.token,
      );
      expect(problem(moved)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ROOM_DOUBLE_BOOKED',
      });
      const lengthened = await t.ok(
        update,
        { id: closingId, input: { endTime: '13:45' } },
        organizer.token,
      );
      expect(lengthened.updateAgendaSession).toEqual({ startTime: '13:00', endTime: '13:45' });
    });

    it('refuses a speaker who is not in the directory, and creates no session', async () => {
      const before = await titlesOfDay(2);
      const res = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 2,
            startTime: '14:00',
            endTime: '15:00',
            kind: 'PANEL',
            title: 'A panel with a ghost',
            speakers: [{ personId: randomUUID() }],
          },
        },
        organizer.token,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'speakers.0.personId' });
      const second = await t.gql(
        ADD_SESSION,
        {
          editionId,
          input: {
            day: 2,
            startTime: '14:00',
            endTime: '15:00',
            kind: 'PANEL',
            title: 'A panel with a ghost',
            speakers: [{ personId: otkir.id }, { personId: randomUUID() }],
          },
        },
        organizer.token,
      );
      expect(problem(second)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'speakers.1.personId',
      });
      expect(await titlesOfDay(2)).toEqual(before);
    });

    it('moves a session earlier or later in its day, each keeping its length', async () => {
      const MOVE = `mutation($id: ID!, $direction: MoveDirection!) {
        moveAgendaSession(id: $id, direction: $direction) { id startTime endTime title }
      }`;
      const day2 = await t.ok(
        `query($id: ID!) { edition(id: $id) { agenda(day: 2) { id title } } }`,
        { id: editionId },
      );
      const [groups, , closing] = day2.edition.agenda;
      const plan = (data: {
        moveAgendaSession: { title: string; startTime: string; endTime: string }[];
      }) => data.moveAgendaSession.map((s) => `${s.startTime}-${s.endTime} ${s.title}`);
      // The closing (13:00–13:45) goes before the plenary (11:30–13:00), in the same span.
      expect(
        plan(await t.ok(MOVE, { id: closing.id, direction: 'EARLIER' }, organizer.token)),
      ).toEqual([
        '09:30-11:30 Working groups: drafting recommendations',
        '11:30-12:15 Closing: adoption of the recommendations',
        '12:15-13:45 Plenary sitting of the working groups',
      ]);
      expect(
        plan(await t.ok(MOVE, { id: closing.id, direction: 'LATER' }, organizer.token)),
      ).toEqual([
        '09:30-11:30 Working groups: drafting recommendations',
        '11:30-13:00 Plenary sitting of the working groups',
        '13:00-13:45 Closing: adoption of the recommendations',
      ]);
      const first = await t.gql(MOVE, { id: groups.id, direction: 'EARLIER' }, organizer.token);
      expect(problem(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'direction' });
      const last = await t.gql(MOVE, { id: closing.id, direction: 'LATER' }, organizer.token);
      expect(problem(last)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'direction' });
    });
  });

  describe('working groups', () => {
    const CREATE_GROUP = `mutation($editionId: ID!, $input: CreateWorkingGroupInput!) {
      createWorkingGroup(editionId: $editionId, input: $input) { id name capacity facilitators { fullName } memberCount }
    }`;
    const ADD_MEMBER = `mutation($groupId: ID!, $registrationId: ID!) {
      addWorkingGroupMember(workingGroupId: $groupId, registrationId: $registrationId) { memberCount }
    }`;
    const GROUPS = `query($id: ID!) { edition(id: $id) { workingGroups { name topic facilitators { fullName fullNameAlt } memberCount } } }`;
    const MEMBERS = `query($id: ID!) { edition(id: $id) { workingGroups { name members { person { fullName } } } } }`;

    let organizer: { token: string };
    let editionId: string;
    let referral: { id: string };
    let technology: { id: string };
    let seated: string[];
    let waitlisted: string;
    let elsewhere: string;

    beforeAll(async () => {
      organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      editionId = (
        await anEdition(seriesId).inYear(2022).seats(3).published().create(t, organizer.token)
      ).id;
      const otherEditionId = (
        await anEdition(seriesId).inYear(2023).hostedBy('KZ', 'Almaty').create(t, organizer.token)
      ).id;

      const rustam = await aPerson().named('Rustam Karimov', 'Рустам Каримов').create(t);
      const elena = await aPerson().named('Elena Petrova', 'Елена Петрова').create(t);
      referral = (
        await t.ok(
          CREATE_GROUP,
          {
            editionId,
            input: {
              name: 'Referral mechanisms',
              topic: 'Identification, referral and return of victims',
              capacity: 2,
              facilitatorIds: [rustam.id],
            },
          },
          organizer.token,
        )
      ).createWorkingGroup;
      technology = (
        await t.ok(
          CREATE_GROUP,
          {
            editionId,
            input: { name: 'Technology and online exploitation', facilitatorIds: [elena.id] },
          },
          organizer.token,
        )
      ).createWorkingGroup;

      const names = ['Aigerim Nurlanovna', 'Bakyt Asanov', 'Firuz Nazarov', 'Merdan Atayev'];
      const registrations: { id: string; status: string }[] = [];
      for (const name of names) {
        const person = await aPerson().named(name).create(t);
        registrations.push(
          (await register(t, editionId, person.id, organizer.token)).data!.registerParticipant,
        );
      }
      expect(registrations.map((r) => r.status)).toEqual([
        'REGISTERED',
        'REGISTERED',
        'REGISTERED',
        'WAITLISTED',
      ]);
      seated = registrations.slice(0, 3).map((r) => r.id);
      waitlisted = registrations[3].id;
      const visitor = await aPerson().named('Cholpon Ismailova').create(t);
      elsewhere = (await register(t, otherEditionId, visitor.id, organizer.token)).data!
        .registerParticipant.id;
    });

    it('creates groups with their facilitators', async () => {
      expect(referral).toMatchObject({
        name: 'Referral mechanisms',
        capacity: 2,
        facilitators: [{ fullName: 'Rustam Karimov' }],
        memberCount: 0,
      });
      const unknown = await t.gql(
        CREATE_GROUP,
        { editionId, input: { name: 'Ghosts', facilitatorIds: [randomUUID()] } },
        organizer.token,
      );
      expect(problem(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilitatorIds' });
      const duplicate = await t.gql(
        CREATE_GROUP,
        { editionId, input: { name: 'Referral mechanisms' } },
        organizer.token,
      );
      expect(problem(duplicate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('adds registered participants up to the capacity of the group', async () => {
      expect(
        (
          await t.ok(
            ADD_MEMBER,
            { groupId: referral.id, registrationId: seated[0] },
            organizer.token,
          )
        ).addWorkingGroupMember.memberCount,
      ).toBe(1);
      expect(
        (
          await t.ok(
            ADD_MEMBER,
            { groupId: referral.id, registrationId: seated[1] },
            organizer.token,
          )
        ).addWorkingGroupMember.memberCount,
      ).toBe(2);

      const full = await t.gql(
        ADD_MEMBER,
        { groupId: referral.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(problem(full)).toMatchObject({ code: 'CONFLICT', reason: 'WORKING_GROUP_FULL' });
      const twice = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(twice.errors).toBeUndefined();
      const again = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(problem(again)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MEMBER' });

      const members = await t.ok(MEMBERS, { id: editionId }, organizer.token);
      const referralMembers = members.edition.workingGroups.find(
        (g: { name: string }) => g.name === 'Referral mechanisms',
      ).members;
      expect(
        referralMembers.map((m: { person: { fullName: string } }) => m.person.fullName).sort(),
      ).toEqual(['Aigerim Nurlanovna', 'Bakyt Asanov']);
    });

    it('takes only seated participants of the same edition', async () => {
      const fromWaitlist = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: waitlisted },
        organizer.token,
      );
      expect(problem(fromWaitlist)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'registrationId',
      });
      const fromElsewhere = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: elsewhere },
        organizer.token,
      );
      expect(problem(fromElsewhere)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'registrationId',
      });
      const unknown = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: randomUUID() },
        organizer.token,
      );
      expect(problem(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationId' });
      const groups = await t.ok(GROUPS, { id: editionId });
      expect(
        groups.edition.workingGroups.find(
          (g: { name: string }) => g.name === 'Technology and online exploitation',
        ).memberCount,
      ).toBe(1);
    });

    it('shows the groups and facilitators of a published edition to anyone, but the members to its organizers only', async () => {
      const groups = await t.ok(GROUPS, { id: editionId });
      expect(groups.edition.workingGroups).toEqual([
        {
          name: 'Referral mechanisms',
          topic: 'Identification, referral and return of victims',
          facilitators: [{ fullName: 'Rustam Karimov', fullNameAlt: 'Рустам Каримов' }],
          memberCount: 2,
        },
        {
          name: 'Technology and online exploitation',
          topic: null,
          facilitators: [{ fullName: 'Elena Petrova', fullNameAlt: 'Елена Петрова' }],
          memberCount: 1,
        },
      ]);

      expect(errorCode(await t.gql(MEMBERS, { id: editionId }))).toBe('UNAUTHENTICATED');
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      expect(errorCode(await t.gql(MEMBERS, { id: editionId }, participant.token))).toBe(
        'FORBIDDEN',
      );
      const stranger = await anAccount(t, 'ORGANIZER');
      expect(errorCode(await t.gql(MEMBERS, { id: editionId }, stranger.token))).toBe('FORBIDDEN');
      const addByStranger = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[0] },
        stranger.token,
      );
      expect(errorCode(addByStranger)).toBe('FORBIDDEN');
    });
  });

  describe('recommendations and their follow-up', () => {
    const ADD = `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id number status } }`;
    const SET_STATUS = `mutation($id: ID!, $status: RecommendationStatus!) { setRecommendationStatus(id: $id, status: $status) { number status adoptedAt } }`;
    const FOLLOW_UP = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { status note edition { year } recommendation { number } } }`;
    const RECOMMENDATIONS = `query($id: ID!) {
      edition(id: $id) { recommendations { number status text addressedTo followUps { status note edition { year } } } }
    }`;

    let organizer: { token: string };
    let seriesId: string;
    let tashkent: string;
    let almaty: string;
    let earlier: string;
    let adopted: { id: string };
    let draft: { id: string };

    beforeAll(async () => {
      organizer = await anAccount(t, 'ORGANIZER');
      seriesId = (await aSeries(t)).id;
      earlier = (
        await anEdition(seriesId)
          .inYear(2021)
          .hostedBy('TM', 'Ashgabat')
          .published()
          .create(t, organizer.token)
      ).id;
      tashkent = (await anEdition(seriesId).inYear(2022).published().create(t, organizer.token)).id;
      almaty = (
        await anEdition(seriesId)
          .inYear(2023)
          .hostedBy('KZ', 'Almaty')
          .published()
          .create(t, organizer.token)
      ).id;

      adopted = (
        await t.ok(
          ADD,
          {
            editionId: tashkent,
            input: {
              text: 'Establish a transnational referral mechanism for victims of trafficking in Central Asia.',
              addressedTo: 'Ministries of Internal Affairs',
            },
          },
          organizer.token,
        )
      ).addRecommendation;
      draft = (
        await t.ok(
          ADD,
          {
            editionId: tashkent,
            input: { text: 'Train judges in the use of digital evidence in trafficking cases.' },
          },
          organizer.token,
        )
      ).addRecommendation;
    });

    it('numbers the drafts of an edition 1, 2, … and adopts them at the closing', async () => {
      expect([adopted, draft].map((r: any) => [r.number, r.status])).toEqual([
        [1, 'DRAFT'],
        [2, 'DRAFT'],
      ]);
      const result = await t.ok(SET_STATUS, { id: adopted.id, status: 'ADOPTED' }, organizer.token);
      expect(result.setRecommendationStatus).toMatchObject({ number: 1, status: 'ADOPTED' });
      expect(result.setRecommendationStatus.adoptedAt).toEqual(expect.any(String));
    });

    it('shows anonymous visitors the adopted recommendations only', async () => {
      const anonymous = await t.ok(RECOMMENDATIONS, { id: tashkent });
      expect(anonymous.edition.recommendations.map((r: any) => [r.number, r.status])).toEqual([
        [1, 'ADOPTED'],
      ]);
      expect(anonymous.edition.recommendations[0].addressedTo).toBe(
        'Ministries of Internal Affairs',
      );
      const own = await t.ok(RECOMMENDATIONS, { id: tashkent }, organizer.token);
      expect(own.edition.recommendations.map((r: any) => [r.number, r.status])).toEqual([
        [1, 'ADOPTED'],
        [2, 'DRAFT'],
      ]);
      const anonymousDraft = await t.gql(SET_STATUS, { id: draft.id, status: 'ADOPTED' });
      expect(errorCode(anonymousDraft)).toBe('UNAUTHENTICATED');
    });

    it('records progress at a later edition, visible from the recommendation and from that edition', async () => {
      const recorded = await t.ok(
        FOLLOW_UP,
        {
          input: {
            recommendationId: adopted.id,
            editionId: almaty,
            status: 'IN_PROGRESS',
            note: 'A regional working group on referral was set up in 2023.',
          },
        },
        organizer.token,
      );
      expect(recorded.recordFollowUp).toEqual({
        status: 'IN_PROGRESS',
        note: 'A regional working group on referral was set up in 2023.',
        edition: { year: 2023 },
        recommendation: { number: 1 },
      });

      const fromRecommendation = await t.ok(RECOMMENDATIONS, { id: tashkent });
      expect(fromRecommendation.edition.recommendations[0].followUps).toEqual([
        {
          status: 'IN_PROGRESS',
          note: 'A regional working group on referral was set up in 2023.',
          edition: { year: 2023 },
        },
      ]);
      const fromLaterEdition = await t.ok(
        `query($id: ID!) { edition(id: $id) { followUps { status note recommendation { number text edition { year } } } } }`,
        { id: almaty },
      );
      expect(fromLaterEdition.edition.followUps).toEqual([
        {
          status: 'IN_PROGRESS',
          note: 'A regional working group on referral was set up in 2023.',
          recommendation: {
            number: 1,
            text: 'Establish a transnational referral mechanism for victims of trafficking in Central Asia.',
            edition: { year: 2022 },
          },
        },
      ]);
    });

    it('refuses a follow-up at the same or an earlier edition, or at another series', async () => {
      for (const editionId of [tashkent, earlier]) {
        const res = await t.gql(
          FOLLOW_UP,
          { input: { recommendationId: adopted.id, editionId, status: 'IMPLEMENTED' } },
          organizer.token,
        );
        expect(problem(res)).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'editionId',
          reason: 'NOT_A_LATER_EDITION',
        });
      }
      const otherSeries = (await aSeries(t)).id;
      const unrelated = (
        await anEdition(otherSeries)
          .inYear(2024)
          .hostedBy('KG', 'Bishkek')
          .create(t, organizer.token)
      ).id;
      const res = await t.gql(
        FOLLOW_UP,
        { input: { recommendationId: adopted.id, editionId: unrelated, status: 'IMPLEMENTED' } },
        organizer.token,
      );
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_LATER_EDITION' });
    });

    it('refuses a follow-up on a recommendation that was never adopted', async () => {
      const res = await t.gql(
        FOLLOW_UP,
        { input: { recommendationId: draft.id, editionId: almaty, status: 'NOT_STARTED' } },
        organizer.token,
      );
      expect(problem(res)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'recommendationId',
        reason: 'RECOMMENDATION_NOT_ADOPTED',
      });
      const own = await t.ok(RECOMMENDATIONS, { id: tashkent }, organizer.token);
      expect(own.edition.recommendations[1].followUps).toEqual([]);
    });

    it('updates the follow-up when progress is recorded again at the same edition', async () => {
      await t.ok(
        FOLLOW_UP,
        {
          input: {
            recommendationId: adopted.id,
            editionId: almaty,
            status: 'IMPLEMENTED',
            note: 'The mechanism is in force.',
          },
        },
        organizer.token,
      );
      const data = await t.ok(RECOMMENDATIONS, { id: tashkent });
      expect(data.edition.recommendations[0].followUps).toEqual([
        { status: 'IMPLEMENTED', note: 'The mechanism is in force.', edition: { year: 2023 } },
      ]);
    });

    it('does not show anonymous visitors progress recorded at an edition that is not yet published', async () => {
      const bishkek = (
        await anEdition(seriesId).inYear(2024).hostedBy('KG', 'Bishkek').create(t, organizer.token)
      ).id;
      await t.ok(
        FOLLOW_UP,
        {
          input: {
            recommendationId: adopted.id,
            editionId: bishkek,
            status: 'IN_PROGRESS',
            note: 'Draft report',
          },
        },
        organizer.token,
      );

      const anonymous = await t.ok(RECOMMENDATIONS, { id: tashkent });
      expect(
        anonymous.edition.recommendations[0].followUps.map((f: any) => f.edition.year),
      ).toEqual([2023]);
      const own = await t.ok(RECOMMENDATIONS, { id: tashkent }, organizer.token);
      expect(
        own.edition.recommendations[0].followUps.map((f: any) => f.edition.year).sort(),
      ).toEqual([2023, 2024]);
    });

    it("does not reveal an unpublished edition's recommendation through a published edition's follow-ups", async () => {
      const unpublished = (await anEdition(seriesId).inYear(2019).create(t, organizer.token)).id;
      const hidden = (
        await t.ok(
          ADD,
          { editionId: unpublished, input: { text: 'A recommendation still under embargo.' } },
          organizer.token,
        )
      ).addRecommendation;
      await t.ok(SET_STATUS, { id: hidden.id, status: 'ADOPTED' }, organizer.token);
      await t.ok(
        FOLLOW_UP,
        { input: { recommendationId: hidden.id, editionId: earlier, status: 'NOT_STARTED' } },
        organizer.token,
      );

      const AT_EDITION = `query($id: ID!) { edition(id: $id) { followUps { status recommendation { text } } } }`;
      expect((await t.ok(AT_EDITION, { id: earlier })).edition.followUps).toEqual([]);
      expect((await t.ok(AT_EDITION, { id: earlier }, organizer.token)).edition.followUps).toEqual([
        {
          status: 'NOT_STARTED',
          recommendation: { text: 'A recommendation still under embargo.' },
        },
      ]);
    });
  });

  describe('participation figures', () => {
    const PARTICIPATION = `query($id: ID!) {
      edition(id: $id) {
        participation {
          registered attended waitlisted invited countries organizations
          byOrganizationType { key registered attended }
          byCountry { key attended }
          bySex { key registered attended }
          byDay { number date checkedIn }
          summary
        }
      }
    }`;

    it('counts who registered and who came, by organization type and by delegation', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      const editionId = (
        await anEdition(seriesId)
          .inYear(2022)
          .on('2022-07-28', '2022-07-29')
          .seats(6)
          .published()
          .create(t, organizer.token)
      ).id;

      const miaUz = await anOrganization()
        .named('Ministry of Internal Affairs of the Republic of Uzbekistan', 'MIA')
        .from('UZ')
        .create(t);
      const miaKz = await anOrganization()
        .named('Ministry of Internal Affairs of the Republic of Kazakhstan', 'MIA')
        .from('KZ')
        .create(t);
      const tenir = await anOrganization()
        .named('Tenir legal aid clinic')
        .ofType('NGO')
        .from('KG')
        .create(t);
      const iom = await anOrganization()
        .named('International Organization for Migration', 'IOM')
        .ofType('INTERNATIONAL_ORGANIZATION')
        .from('UZ')
        .create(t);
      const tm = await anOrganization()
        .named('Ministry of Foreign Affairs of Turkmenistan', 'MFA')
        .from('TM')
        .create(t);

      const enrol = async (
        name: string,
        country: string,
        organizationId: string | undefined,
        delegationCountry?: string,
      ) => {
        let person = aPerson().named(name).from(country);
        if (organizationId) person = person.in(organizationId);
        const { id } = await person.create(t);
        const data = await t.ok(
          `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id status } }`,
          { input: { editionId, personId: id, delegationCountry } },
          organizer.token,
        );
        return data.registerParticipant as { id: string; status: string };
      };
      const otkir = await enrol('Oʻtkir Rahimov', 'UZ', miaUz.id);
      const shavkat = await enrol('Shavkat Toʻxtayev', 'UZ', miaUz.id);
      const aigerim = await enrol('Aigerim Nurlanovna', 'KZ', miaKz.id);
      const aibek = await enrol('Aibek Dzhumabaev', 'KG', tenir.id);
      // A Russian citizen attending with the delegation of Tajikistan, without an organization.
      const firuz = await enrol('Firuz Nazarov', 'RU', undefined, 'TJ');
      const rustam = await enrol('Rustam Karimov', 'UZ', iom.id);
      const merdan = await enrol('Merdan Atayev', 'TM', tm.id);
      expect(merdan.status).toBe('WAITLISTED');
      const invitee = await aPerson().named('Cholpon Ismailova').from('KG').create(t);
      await t.ok(
        `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id } }`,
        { input: { editionId, personId: invitee.id } },
        organizer.token,
      );
      await t.ok(
        `mutation($id: ID!) { confirmRegistration(id: $id) { status } }`,
        { id: rustam.id },
        organizer.token,
      );

      const checkIns: [{ id: string }, string][] = [
        [otkir, '2022-07-28'],
        [otkir, '2022-07-29'],
        [shavkat, '2022-07-28'],
        [aigerim, '2022-07-29'],
        [firuz, '2022-07-28'],
        [rustam, '2022-07-29'],
      ];
      for (const [registration, day] of checkIns) {
        await t.ok(CHECK_IN, { input: { registrationId: registration.id, day } }, organizer.token);
      }
      expect(aibek.status).toBe('REGISTERED');

      const data = await t.ok(PARTICIPATION, { id: editionId }, organizer.token);
      expect(data.edition.participation).toEqual({
        registered: 6,
        attended: 5,
        waitlisted: 1,
        invited: 1,
        countries: 3,
        organizations: 3,
        byOrganizationType: [
          { key: 'GOVERNMENT', registered: 3, attended: 3 },
          { key: 'INTERNATIONAL_ORGANIZATION', registered: 1, attended: 1 },
          { key: 'NGO', registered: 1, attended: 0 },
          { key: 'NONE', registered: 1, attended: 1 },
        ],
        byCountry: [
          { key: 'UZ', attended: 3 },
          { key: 'KG', attended: 0 },
          { key: 'KZ', attended: 1 },
          { key: 'TJ', attended: 1 },
        ],
        // Nobody's sex is recorded here.
        bySex: [{ key: 'UNKNOWN', registered: 6, attended: 5 }],
        byDay: [
          { number: 1, date: '2022-07-28', checkedIn: 3 },
          { number: 2, date: '2022-07-29', checkedIn: 3 },
        ],
        summary:
          '5 representatives of government and international organizations from 3 countries attended.',
      });

      // The organizer finds a participant by part of their name.
      const found = await t.ok(
        `query($id: ID!) { registrations(editionId: $id, filter: { search: "rahim" }) { totalCount nodes { status person { fullName } } } }`,
        { id: editionId },
        organizer.token,
      );
      expect(found.registrations).toEqual({
        totalCount: 1,
        nodes: [{ status: 'REGISTERED', person: { fullName: 'Oʻtkir Rahimov' } }],
      });

      const admin = await t.ok(
        `query($id: ID!) { edition(id: $id) { participation { attended } } }`,
        { id: editionId },
        t.adminToken,
      );
      expect(admin.edition.participation.attended).toBe(5);
    });

    it('keeps the figures from participants and anonymous visitors', async () => {
      const seriesId = (await aSeries(t)).id;
      const editionId = (await anEdition(seriesId).inYear(2022).published().create(t)).id;
      const person = await aPerson().create(t);
      await register(t, editionId, person.id);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);

      expect(errorCode(await t.gql(PARTICIPATION, { id: editionId }, participant.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(PARTICIPATION, { id: editionId }))).toBe('UNAUTHENTICATED');
      const empty = await t.ok(
        `query($id: ID!) { edition(id: $id) { participation { registered attended summary } } }`,
        { id: editionId },
        t.adminToken,
      );
      expect(empty.edition.participation).toEqual({
        registered: 1,
        attended: 0,
        summary: 'Nobody has checked in yet.',
      });
    });
  });
});
