import { randomUUID } from 'node:crypto';
import { anAccount, anEdition, anOrganization, aSeries } from './factories';
import {
  SET_ROTATION,
  CREATE_EDITION,
  UPDATE_EDITION,
  EDITION,
  EDITIONS,
  CHANGE_STATUS,
  editionInput,
  editionsOfSeries,
} from './support/conferences';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

/** Creating, finding and changing editions, and their partners. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('bad input changes nothing', () => {
    let seriesId: string;
    let editionId: string;

    beforeAll(async () => {
      seriesId = (await aSeries(t)).id;
      editionId = (await anEdition(seriesId).inYear(2022).create(t)).id;
    });

    it('refuses an edition that ends before it starts', async () => {
      const before = await editionsOfSeries(t, seriesId, t.adminToken);
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
      expect(await editionsOfSeries(t, seriesId, t.adminToken)).toEqual(before);
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
      const before = await editionsOfSeries(t, seriesId, t.adminToken);
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
      expect(await editionsOfSeries(t, seriesId, t.adminToken)).toEqual(before);

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
      const before = await editionsOfSeries(t, seriesId, t.adminToken);
      const res = await t.gql(
        CREATE_EDITION,
        { input: editionInput(seriesId, 2023, { hostCountry: 'KZ', dressCode: 'formal' }) },
        t.adminToken,
      );
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/dressCode/);
      expect(await editionsOfSeries(t, seriesId, t.adminToken)).toEqual(before);
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
});
