import { anAccount, anEdition, aPerson, aSeries } from './factories';
import {
  BUKHARA_ROTATION,
  SET_ROTATION,
  CREATE_EDITION,
  UPDATE_EDITION,
  EDITION,
  CHANGE_STATUS,
  ADD_SESSION,
  editionInput,
  editionsOfSeries,
} from './support/conferences';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

/** Who sees an edition (published or not) and who manages it. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

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
      const list = await editionsOfSeries(t, seriesId);
      expect(list.nodes.map((e) => e.id)).toEqual([publishedId]);
      expect(list.totalCount).toBe(1);
      expect((await t.ok(EDITION, { id: publishedId })).edition.isPublished).toBe(true);
      expect(errorCode(await t.gql(EDITION, { id: draftId }))).toBe('NOT_FOUND');
    });

    it('shows the organizer who created it their unpublished edition', async () => {
      const list = await editionsOfSeries(t, seriesId, owner.token);
      expect(list.nodes.map((e) => e.year)).toEqual([2023, 2022]);
      expect((await t.ok(EDITION, { id: draftId }, owner.token)).edition).toMatchObject({
        year: 2023,
        isPublished: false,
      });
    });

    it('keeps other organizers out: not found while unpublished, forbidden once published', async () => {
      const stranger = await anAccount(t, 'ORGANIZER');
      expect(errorCode(await t.gql(EDITION, { id: draftId }, stranger.token))).toBe('NOT_FOUND');
      expect((await editionsOfSeries(t, seriesId, stranger.token)).nodes.map((e) => e.id)).toEqual([
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
      expect((await editionsOfSeries(t, seriesId, owner.token)).totalCount).toBe(2);
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
      expect((await editionsOfSeries(t, seriesId, owner.token)).totalCount).toBe(2);
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
      expect(
        (await editionsOfSeries(t, seriesId, colleague.token)).nodes.map((e) => e.id),
      ).toContain(draftId);
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
});
