import { anAccount, anEdition, aSeries } from './factories';
import {
  BUKHARA_ROTATION,
  SET_ROTATION,
  CREATE_SERIES,
  CREATE_EDITION,
  editionInput,
  editionsOfSeries,
} from './support/conferences';
import { problem, startTestApp, TestApp } from './support/test-app';

/** A series, its rotation of host countries, and who may keep them. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

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
      expect((await editionsOfSeries(t, series.id, t.adminToken)).totalCount).toBe(1);
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
      expect((await editionsOfSeries(t, series.id, organizer.token)).totalCount).toBe(1);
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
});
