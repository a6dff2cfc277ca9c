import { anAccount, anEdition, aSeries } from './factories';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

/** Recommendations adopted at an edition and their follow-up at later ones. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

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
});
