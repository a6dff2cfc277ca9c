import { randomUUID } from 'node:crypto';
import { anAccount, anEdition, aPerson, aSeries } from './factories';
import { ADD_SESSION } from './support/conferences';
import { problem, startTestApp, TestApp } from './support/test-app';

/** The agenda of an edition: its days, sessions, rooms and speakers. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

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
});
