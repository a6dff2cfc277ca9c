import { Clock } from '@platform/core';
import {
  anAccount,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  enroll,
  theInlBureau,
  theInteriorMinistry,
  MarkStatus,
} from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const ENROLL = `mutation($eventId: ID!, $personId: ID!) { enrollTrainee(eventId: $eventId, personId: $personId) { id status } }`;
const ROSTER = `query($id: ID!) { trainingEvent(id: $id) { roster { person { fullName } marks { day status } attendedDays attendanceRate completed } } }`;

describe('law-enforcement trainings: enrollment, attendance per day and completion', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let trainer: { id: string; token: string; email: string };
  let otherTrainer: { id: string; token: string };
  let programmeId: string;

  /** A seminar in Samarkand, 14–15 March 2023, led by the trainer. */
  const anEvent = () => aTrainingEvent(programmeId).ledBy(trainer.id);

  /** Enrolls `count` new operational officers; returns their enrollment ids. */
  async function enrollOfficers(eventId: string, count: number, token = trainer.token) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const person = await aPerson().officer().create(t);
      ids.push((await enroll(t, eventId, person.id, token)).id);
    }
    return ids;
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const mia = await theInteriorMinistry().create(t);
    const inl = await theInlBureau().create(t);
    const programme = await aProgramme(mia.id)
      .titled('Investigating trafficking in persons')
      .fundedBy(inl.id)
      .targeting('OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR')
      .onTopics('Identification of victims', 'Victim-centred investigations')
      .create(t, organizer.token);
    expect(programme).toMatchObject({
      owner: { name: mia.name },
      funders: [{ acronym: 'INL' }],
    });
    programmeId = programme.id;
  });
  afterAll(() => t.close());

  it('derives the days of an event from its dates and keeps its completion rule', async () => {
    const event = await anEvent()
      .on('2023-03-14', '2023-03-16')
      .completedAfter({ minPercent: 60, excusedCounts: true })
      .create(t, organizer.token);
    expect(event).toMatchObject({
      days: ['2023-03-14', '2023-03-15', '2023-03-16'],
      dayCount: 3,
      completionRule: { minDays: null, minPercent: 60, excusedCounts: true },
      // A trainer's email is for admins and the trainer (account-visibility.ts).
      trainers: [{ id: trainer.id }],
    });
  });

  it('refuses bad events: dates in the wrong order, a rule needing more days than there are, a non-trainer as trainer', async () => {
    const seminar = () =>
      aTrainingEvent(programmeId).titled('x-seminar').in('Bukhara region', 'Bukhara');
    const wrongOrder = await seminar().on('2023-05-02', '2023-05-01').attempt(t, organizer.token);
    expect(wrongOrder.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endDate',
    });
    const tooMany = await seminar()
      .on('2023-05-01', '2023-05-02')
      .completedAfter({ minDays: 3 })
      .attempt(t, organizer.token);
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'completion.minDays',
    });
    const notTrainer = await seminar()
      .on('2023-05-01', '2023-05-02')
      .ledBy(organizer.id)
      .attempt(t, organizer.token);
    expect(notTrainer.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trainerIds',
      reason: 'NOT_A_TRAINER',
    });
  });

  it('marks a whole day at once, and derives attendance rate and completion from the marks', async () => {
    const event = await anEvent().completedAfter({ minDays: 2 }).create(t, organizer.token);
    const [a, b, c] = await enrollOfficers(event.id, 3);
    await attendanceOn(event.id, '2023-03-14')
      .present(a)
      .late(b)
      .present(c)
      .record(t, trainer.token);
    await attendanceOn(event.id, '2023-03-15')
      .present(a)
      .present(b)
      .absent(c, 'Called to duty')
      .record(t, trainer.token);
    const roster = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
    const byId = (i: number) => roster[i];
    expect(roster.map((r: any) => [r.attendedDays, r.attendanceRate, r.completed]).sort()).toEqual([
      [1, 50, false],
      [2, 100, true],
      [2, 100, true],
    ]);
    expect(byId(0).marks.map((m: any) => m.day)).toEqual(['2023-03-14', '2023-03-15']);
  });

  it('counts an excused absence only when the rule says so', async () => {
    for (const excusedCounts of [false, true]) {
      const event = await anEvent()
        .completedAfter({ minDays: 2, excusedCounts })
        .create(t, organizer.token);
      const [a] = await enrollOfficers(event.id, 1);
      await attendanceOn(event.id, '2023-03-14').present(a).record(t, trainer.token);
      await attendanceOn(event.id, '2023-03-15').excused(a).record(t, trainer.token);
      const [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
      expect(entry.completed).toBe(excusedCounts);
    }
  });

  it('refuses marks outside the dates of the event, for people not enrolled, or listed twice', async () => {
    const event = await anEvent().create(t, organizer.token);
    const [a] = await enrollOfficers(event.id, 1);
    const outside = await attendanceOn(event.id, '2023-03-16').present(a).attempt(t, trainer.token);
    expect(outside.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'day',
      reason: 'DAY_OUTSIDE_EVENT',
    });
    const other = await anEvent().create(t, organizer.token);
    const [stranger] = await enrollOfficers(other.id, 1);
    const notHere = await attendanceOn(event.id, '2023-03-14')
      .present(a)
      .present(stranger)
      .attempt(t, trainer.token);
    expect(notHere.errors![0].extensions).toMatchObject({
      field: 'marks.1.enrollmentId',
      reason: 'NOT_ENROLLED',
    });
    const twice = await attendanceOn(event.id, '2023-03-14')
      .present(a)
      .absent(a)
      .attempt(t, trainer.token);
    expect(twice.errors![0].extensions).toMatchObject({ field: 'marks.1.enrollmentId' });
    // Nothing of the refused days was stored.
    const [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
    expect(entry.marks).toEqual([
      { day: '2023-03-14', status: null },
      { day: '2023-03-15', status: null },
    ]);
  });

  it('replaces a mark when a day is re-marked or corrected, keeping who changed what and when', async () => {
    // A trainer whose account is linked to a person shows that person's name; one
    // without a person shows its id only. Neither shows the account's email.
    const named = await anAccount(
      t,
      'TRAINER',
      (await aPerson().named('Sherzod Ismoilov').create(t)).id,
    );
    const event = await anEvent()
      .ledBy(trainer.id, otherTrainer.id, named.id)
      .create(t, organizer.token);
    const [a] = await enrollOfficers(event.id, 1);
    const before = Date.now();
    await attendanceOn(event.id, '2023-03-14').absent(a).record(t, trainer.token);
    await t.ok(
      `mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { status remark } }`,
      { input: { enrollmentId: a, day: '2023-03-14', status: 'LATE', remark: 'Arrived at 10:30' } },
      named.token,
    );
    const history = await t.ok(
      `query($id: ID!) { attendanceHistory(enrollmentId: $id) {
         day previousStatus status remark changedBy { id name } changedAt } }`,
      { id: a },
      otherTrainer.token,
    );
    expect(history.attendanceHistory).toEqual([
      {
        day: '2023-03-14',
        previousStatus: null,
        status: 'ABSENT',
        remark: null,
        changedBy: { id: trainer.id, name: null },
        changedAt: expect.any(String),
      },
      {
        day: '2023-03-14',
        previousStatus: 'ABSENT',
        status: 'LATE',
        remark: 'Arrived at 10:30',
        changedBy: { id: named.id, name: 'Sherzod Ismoilov' },
        changedAt: expect.any(String),
      },
    ]);
    for (const change of history.attendanceHistory) {
      expect(Date.parse(change.changedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(change.changedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // The account's email is not there to ask for.
    const email = await t.gql(
      `query($id: ID!) { attendanceHistory(enrollmentId: $id) { changedBy { email } } }`,
      { id: a },
      otherTrainer.token,
    );
    expect(email.errors![0].message).toMatch(/Cannot query field "email" on type "MarkAuthor"/);
    const [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
    expect(entry.marks[0]).toEqual({ day: '2023-03-14', status: 'LATE' });
  });

  it('refuses marking or correcting a day that has not come yet', async () => {
    const clock = t.app.get(Clock);
    const today = jest.spyOn(clock, 'now').mockReturnValue(new Date('2023-03-14T07:30:00Z'));
    try {
      const event = await anEvent().create(t, organizer.token);
      const [a] = await enrollOfficers(event.id, 1);
      const mark = (day: string) =>
        attendanceOn(event.id, day).present(a).attempt(t, trainer.token);
      const correct = (day: string) =>
        t.gql(
          `mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { status } }`,
          { input: { enrollmentId: a, day, status: 'EXCUSED' } },
          trainer.token,
        );
      expect((await mark('2023-03-14')).errors).toBeUndefined();
      for (const early of [await mark('2023-03-15'), await correct('2023-03-15')]) {
        expect(early.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'day',
          reason: 'DAY_NOT_YET',
        });
        expect(early.errors![0].message).toBe(
          'day: 2023-03-15 has not come yet (today is 2023-03-14)',
        );
      }
      let [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
      expect(entry.marks).toEqual([
        { day: '2023-03-14', status: 'PRESENT' },
        { day: '2023-03-15', status: null },
      ]);

      // The next morning the second day can be marked, and the first still corrected.
      today.mockReturnValue(new Date('2023-03-15T04:00:00Z'));
      expect((await mark('2023-03-15')).errors).toBeUndefined();
      expect((await correct('2023-03-14')).errors).toBeUndefined();
      [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
      expect(entry.marks).toEqual([
        { day: '2023-03-14', status: 'EXCUSED' },
        { day: '2023-03-15', status: 'PRESENT' },
      ]);
    } finally {
      today.mockRestore();
    }
  });

  it('refuses a day after today by the real clock too', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const event = await anEvent().on(day(-1), day(2)).create(t, organizer.token);
    const [a] = await enrollOfficers(event.id, 1);
    const later = await attendanceOn(event.id, day(2)).present(a).attempt(t, trainer.token);
    expect(later.errors![0].extensions).toMatchObject({ field: 'day', reason: 'DAY_NOT_YET' });
    const yesterday = await attendanceOn(event.id, day(-1)).present(a).attempt(t, trainer.token);
    expect(yesterday.errors).toBeUndefined();
  });

  it('applies two trainers marking the same day at once one after the other: no lost or doubled marks', async () => {
    const event = await anEvent().ledBy(trainer.id, otherTrainer.id).create(t, organizer.token);
    const ids = await enrollOfficers(event.id, 12);
    const day = (status: MarkStatus, token: string) =>
      attendanceOn(event.id, '2023-03-14').all(ids, status).attempt(t, token);
    const results = await Promise.all([
      day('PRESENT', trainer.token),
      day('LATE', otherTrainer.token),
      day('PRESENT', trainer.token),
      day('LATE', otherTrainer.token),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const roster = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
    expect(roster).toHaveLength(12);
    const firstDay = roster.map((entry: any) => entry.marks[0].status);
    // Every trainee has exactly one mark for the day, all from the same last request.
    expect(new Set(firstDay).size).toBe(1);
    expect(['PRESENT', 'LATE']).toContain(firstDay[0]);
    const history = await t.ok(
      `query($id: ID!) { attendanceHistory(enrollmentId: $id) { status } }`,
      { id: ids[0] },
      trainer.token,
    );
    expect(history.attendanceHistory.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps trainers to their own events and participants to their own enrollments', async () => {
    const event = await anEvent().create(t, organizer.token);
    const person = await aPerson().named('Gʻayrat Oʻrinov', 'Ғайрат Ўринов').create(t);
    const enrollment = await enroll(t, event.id, person.id, trainer.token);
    await attendanceOn(event.id, '2023-03-14').present(enrollment.id).record(t, trainer.token);

    const foreign = await attendanceOn(event.id, '2023-03-15')
      .absent(enrollment.id)
      .attempt(t, otherTrainer.token);
    // Events are not public: another trainer's event does not exist for them.
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ROSTER, { id: event.id }, otherTrainer.token))).toBe('NOT_FOUND');
    const mine = await t.ok(
      `{ trainingEvents(first: 100) { nodes { id } } }`,
      {},
      otherTrainer.token,
    );
    expect(mine.trainingEvents.nodes.map((n: any) => n.id)).not.toContain(event.id);
    const theirs = await t.ok(
      `{ trainingEvents(first: 100) { totalCount nodes { id } } }`,
      {},
      trainer.token,
    );
    expect(theirs.trainingEvents.nodes.map((n: any) => n.id)).toContain(event.id);

    const participant = await anAccount(t, 'PARTICIPANT', person.id);
    const own = await t.ok(
      `{ myEnrollments { person { fullName } event { title } marks { day status } completed } }`,
      {},
      participant.token,
    );
    expect(own.myEnrollments).toEqual([
      {
        person: { fullName: 'Gʻayrat Oʻrinov' },
        event: { title: 'Identification of victims of trafficking' },
        marks: [{ day: '2023-03-14', status: 'PRESENT' }],
        completed: false,
      },
    ]);
    // The trainee sees their event (through their enrollment) but not its roster.
    expect(errorCode(await t.gql(ROSTER, { id: event.id }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`{ trainingEvents { totalCount } }`))).toBe('UNAUTHENTICATED');
    // Their own marks' history (who changed what) is the trainers' record.
    const history = await t.gql(
      `query($id: ID!) { attendanceHistory(enrollmentId: $id) { status } }`,
      { id: enrollment.id },
      participant.token,
    );
    expect(errorCode(history)).toBe('FORBIDDEN');
  });

  it('exports the roster with its marks as CSV, names in every script intact', async () => {
    const event = await anEvent().create(t, organizer.token);
    const person = await aPerson()
      .named('Dilnoza Gʻulomova', 'Дилноза Гуломова')
      .female()
      .judge()
      .create(t);
    const enrollment = await enroll(t, event.id, person.id, trainer.token);
    await attendanceOn(event.id, '2023-03-14').present(enrollment.id).record(t, trainer.token);
    await attendanceOn(event.id, '2023-03-15').late(enrollment.id).record(t, trainer.token);

    const res = await t
      .http()
      .get(`/trainings/events/${event.id}/roster.csv`)
      .set('authorization', `Bearer ${trainer.token}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Name (other script),Sex,Category,Organization,Country,2023-03-14,2023-03-15,Days attended,Attendance %,Completed',
    );
    expect(lines[1]).toBe(
      'Dilnoza Gʻulomova,Дилноза Гуломова,Female,Judge,,Uzbekistan,present,late,2,100,yes',
    );
    await t
      .http()
      .get(`/trainings/events/${event.id}/roster.csv`)
      .set('authorization', `Bearer ${otherTrainer.token}`)
      .expect(404);
    await t.http().get(`/trainings/events/${event.id}/roster.csv`).expect(401);
  });

  it('lists the events with their enrolled counts in a constant number of statements', async () => {
    const events = [
      await anEvent().create(t, organizer.token),
      await anEvent().create(t, organizer.token),
      await anEvent().completedAfter({ minDays: 1 }).create(t, organizer.token),
    ];
    const [first] = await enrollOfficers(events[0].id, 2);
    await enrollOfficers(events[2].id, 1);
    await t.ok(
      `mutation($id: ID!) { withdrawTrainee(enrollmentId: $id) { id } }`,
      { id: first },
      trainer.token,
    );
    const LIST = `{ trainingEvents(first: 100) { nodes { id enrolledCount requiredDays } } }`;
    const { result, statements } = await t.countQueries(() => t.ok(LIST, {}, trainer.token));
    const byId = new Map(
      result.trainingEvents.nodes.map((n: { id: string }) => [n.id, n] as const),
    );
    expect(byId.get(events[0].id)).toMatchObject({ enrolledCount: 1, requiredDays: 2 });
    expect(byId.get(events[1].id)).toMatchObject({ enrolledCount: 0 });
    expect(byId.get(events[2].id)).toMatchObject({ enrolledCount: 1, requiredDays: 1 });
    // More events add no statement.
    await anEvent().create(t, organizer.token);
    const again = await t.countQueries(() => t.ok(LIST, {}, trainer.token));
    // The mail and document workers poll their tables meanwhile, on SQLite in a
    // transaction of their own (begin … commit, even when nothing is due): count the
    // request's own statements, a read without a transaction.
    const own = (sql: string[]) =>
      sql.filter(
        (q) => !/outbox|document_job/i.test(q) && !/^\s*(begin|commit|rollback)\b/i.test(q),
      );
    expect(own(again.statements)).toHaveLength(own(statements).length);
  });

  it('does not enroll the same person twice', async () => {
    const event = await anEvent().create(t, organizer.token);
    const person = await aPerson().create(t);
    await enroll(t, event.id, person.id, trainer.token);
    const again = await t.gql(ENROLL, { eventId: event.id, personId: person.id }, trainer.token);
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ENROLLED',
    });
  });

  it('never enrolls more trainees than the event has places, even at once', async () => {
    const event = await anEvent().seats(3).create(t, organizer.token);
    const people = await Promise.all(Array.from({ length: 8 }, () => aPerson().create(t)));
    const results = await Promise.all(
      people.map((p) => t.gql(ENROLL, { eventId: event.id, personId: p.id }, trainer.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions!.reason)).toEqual(
      Array(5).fill('EVENT_FULL'),
    );
    expect((await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster).toHaveLength(
      3,
    );
  });

  it("shows the organizers of the programme every event's roster, and other organizers none", async () => {
    const event = await anEvent().create(t, organizer.token);
    await enrollOfficers(event.id, 2);
    expect(
      (await t.ok(ROSTER, { id: event.id }, organizer.token)).trainingEvent.roster,
    ).toHaveLength(2);
    const stranger = await anAccount(t, 'ORGANIZER');
    expect(errorCode(await t.gql(ROSTER, { id: event.id }, stranger.token))).toBe('NOT_FOUND');
    const assigned = await t.ok(
      `mutation($p: ID!, $u: ID!) { assignProgrammeOrganizer(programmeId: $p, userId: $u) { id } }`,
      { p: programmeId, u: stranger.id },
      organizer.token,
    );
    expect(assigned.assignProgrammeOrganizer.id).toBe(programmeId);
    const strangerNow = await t.login(stranger.email, 'a-long-password-1');
    expect((await t.ok(ROSTER, { id: event.id }, strangerNow)).trainingEvent.roster).toHaveLength(
      2,
    );
  });
});
