import { Clock } from '@platform/core';
import { anAccount, anOrganization, aPerson } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id title owner { name } funders { acronym } } }`;
const CREATE_EVENT = `mutation($programmeId: ID!, $input: CreateTrainingEventInput!) {
  createTrainingEvent(programmeId: $programmeId, input: $input) { id days dayCount completionRule { minDays minPercent excusedCounts } trainers { id } }
}`;
const ENROLL = `mutation($eventId: ID!, $personId: ID!) { enrollTrainee(eventId: $eventId, personId: $personId) { id status } }`;
const MARK_DAY = `mutation($input: MarkDayInput!) { markAttendance(input: $input) { day status } }`;
const ROSTER = `query($id: ID!) { trainingEvent(id: $id) { roster { person { fullName } marks { day status } attendedDays attendanceRate completed } } }`;

describe('law-enforcement trainings: enrollment, attendance per day and completion', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let trainer: { id: string; token: string; email: string };
  let otherTrainer: { id: string; token: string };
  let programmeId: string;

  async function anEvent(input: Record<string, unknown> = {}, token = organizer.token) {
    const data = await t.ok(
      CREATE_EVENT,
      {
        programmeId,
        input: {
          title: 'Identification of victims of trafficking',
          country: 'UZ',
          region: 'Samarkand region',
          city: 'Samarkand',
          startDate: '2023-03-14',
          endDate: '2023-03-15',
          trainerIds: [trainer.id],
          ...input,
        },
      },
      token,
    );
    return data.createTrainingEvent;
  }

  async function enroll(eventId: string, count: number, token = trainer.token) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const person = await aPerson().officer().create(t);
      ids.push((await t.ok(ENROLL, { eventId, personId: person.id }, token)).enrollTrainee.id);
    }
    return ids;
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const mia = await anOrganization()
      .named('Ministry of Internal Affairs of the Republic of Uzbekistan', 'MIA')
      .create(t);
    const inl = await anOrganization()
      .named('Bureau of International Narcotics and Law Enforcement Affairs', 'INL')
      .ofType('DONOR')
      .from('US')
      .create(t);
    const programme = await t.ok(
      CREATE_PROGRAMME,
      {
        input: {
          title: 'Investigating trafficking in persons',
          ownerId: mia.id,
          funderIds: [inl.id],
          targetCategories: ['OPERATIONAL_OFFICER', 'INVESTIGATOR', 'JUDGE', 'PROSECUTOR'],
          topics: ['Identification of victims', 'Victim-centred investigations'],
        },
      },
      organizer.token,
    );
    expect(programme.createTrainingProgramme).toMatchObject({
      owner: { name: mia.name },
      funders: [{ acronym: 'INL' }],
    });
    programmeId = programme.createTrainingProgramme.id;
  });
  afterAll(() => t.close());

  it('derives the days of an event from its dates and keeps its completion rule', async () => {
    const event = await anEvent({
      endDate: '2023-03-16',
      completion: { minPercent: 60, excusedCounts: true },
    });
    expect(event).toMatchObject({
      days: ['2023-03-14', '2023-03-15', '2023-03-16'],
      dayCount: 3,
      completionRule: { minDays: null, minPercent: 60, excusedCounts: true },
      // A trainer's email is for admins and the trainer (account-visibility.ts).
      trainers: [{ id: trainer.id }],
    });
  });

  it('refuses bad events: dates in the wrong order, a rule needing more days than there are, a non-trainer as trainer', async () => {
    const wrongOrder = await t.gql(
      CREATE_EVENT,
      {
        programmeId,
        input: {
          title: 'x-seminar',
          country: 'UZ',
          region: 'Bukhara region',
          city: 'Bukhara',
          startDate: '2023-05-02',
          endDate: '2023-05-01',
        },
      },
      organizer.token,
    );
    expect(wrongOrder.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endDate',
    });
    const tooMany = await t.gql(
      CREATE_EVENT,
      {
        programmeId,
        input: {
          title: 'x-seminar',
          country: 'UZ',
          region: 'Bukhara region',
          city: 'Bukhara',
          startDate: '2023-05-01',
          endDate: '2023-05-02',
          completion: { minDays: 3 },
        },
      },
      organizer.token,
    );
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'completion.minDays',
    });
    const notTrainer = await t.gql(
      CREATE_EVENT,
      {
        programmeId,
        input: {
          title: 'x-seminar',
          country: 'UZ',
          region: 'Bukhara region',
          city: 'Bukhara',
          startDate: '2023-05-01',
          endDate: '2023-05-02',
          trainerIds: [organizer.id],
        },
      },
      organizer.token,
    );
    expect(notTrainer.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trainerIds',
      reason: 'NOT_A_TRAINER',
    });
  });

  it('marks a whole day at once, and derives attendance rate and completion from the marks', async () => {
    const event = await anEvent({ completion: { minDays: 2 } });
    const [a, b, c] = await enroll(event.id, 3);
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [
            { enrollmentId: a, status: 'PRESENT' },
            { enrollmentId: b, status: 'LATE' },
            { enrollmentId: c, status: 'PRESENT' },
          ],
        },
      },
      trainer.token,
    );
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-15',
          marks: [
            { enrollmentId: a, status: 'PRESENT' },
            { enrollmentId: b, status: 'PRESENT' },
            { enrollmentId: c, status: 'ABSENT', remark: 'Called to duty' },
          ],
        },
      },
      trainer.token,
    );
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
      const event = await anEvent({ completion: { minDays: 2, excusedCounts } });
      const [a] = await enroll(event.id, 1);
      await t.ok(
        MARK_DAY,
        {
          input: {
            eventId: event.id,
            day: '2023-03-14',
            marks: [{ enrollmentId: a, status: 'PRESENT' }],
          },
        },
        trainer.token,
      );
      await t.ok(
        MARK_DAY,
        {
          input: {
            eventId: event.id,
            day: '2023-03-15',
            marks: [{ enrollmentId: a, status: 'EXCUSED' }],
          },
        },
        trainer.token,
      );
      const [entry] = (await t.ok(ROSTER, { id: event.id }, trainer.token)).trainingEvent.roster;
      expect(entry.completed).toBe(excusedCounts);
    }
  });

  it('refuses marks outside the dates of the event, for people not enrolled, or listed twice', async () => {
    const event = await anEvent();
    const [a] = await enroll(event.id, 1);
    const outside = await t.gql(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-16',
          marks: [{ enrollmentId: a, status: 'PRESENT' }],
        },
      },
      trainer.token,
    );
    expect(outside.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'day',
      reason: 'DAY_OUTSIDE_EVENT',
    });
    const other = await anEvent();
    const [stranger] = await enroll(other.id, 1);
    const notHere = await t.gql(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [
            { enrollmentId: a, status: 'PRESENT' },
            { enrollmentId: stranger, status: 'PRESENT' },
          ],
        },
      },
      trainer.token,
    );
    expect(notHere.errors![0].extensions).toMatchObject({
      field: 'marks.1.enrollmentId',
      reason: 'NOT_ENROLLED',
    });
    const twice = await t.gql(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [
            { enrollmentId: a, status: 'PRESENT' },
            { enrollmentId: a, status: 'ABSENT' },
          ],
        },
      },
      trainer.token,
    );
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
    const event = await anEvent({ trainerIds: [trainer.id, otherTrainer.id, named.id] });
    const [a] = await enroll(event.id, 1);
    const before = Date.now();
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [{ enrollmentId: a, status: 'ABSENT' }],
        },
      },
      trainer.token,
    );
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
      const event = await anEvent();
      const [a] = await enroll(event.id, 1);
      const mark = (day: string) =>
        t.gql(
          MARK_DAY,
          { input: { eventId: event.id, day, marks: [{ enrollmentId: a, status: 'PRESENT' }] } },
          trainer.token,
        );
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
    const event = await anEvent({ startDate: day(-1), endDate: day(2) });
    const [a] = await enroll(event.id, 1);
    const later = await t.gql(
      MARK_DAY,
      {
        input: { eventId: event.id, day: day(2), marks: [{ enrollmentId: a, status: 'PRESENT' }] },
      },
      trainer.token,
    );
    expect(later.errors![0].extensions).toMatchObject({ field: 'day', reason: 'DAY_NOT_YET' });
    const yesterday = await t.gql(
      MARK_DAY,
      {
        input: { eventId: event.id, day: day(-1), marks: [{ enrollmentId: a, status: 'PRESENT' }] },
      },
      trainer.token,
    );
    expect(yesterday.errors).toBeUndefined();
  });

  it('applies two trainers marking the same day at once one after the other: no lost or doubled marks', async () => {
    const event = await anEvent({ trainerIds: [trainer.id, otherTrainer.id] });
    const ids = await enroll(event.id, 12);
    const day = (status: string, token: string) =>
      t.gql(
        MARK_DAY,
        {
          input: {
            eventId: event.id,
            day: '2023-03-14',
            marks: ids.map((enrollmentId) => ({ enrollmentId, status })),
          },
        },
        token,
      );
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
    const event = await anEvent();
    const person = await aPerson().named('Gʻayrat Oʻrinov', 'Ғайрат Ўринов').create(t);
    const enrollment = (
      await t.ok(ENROLL, { eventId: event.id, personId: person.id }, trainer.token)
    ).enrollTrainee;
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [{ enrollmentId: enrollment.id, status: 'PRESENT' }],
        },
      },
      trainer.token,
    );

    const foreign = await t.gql(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-15',
          marks: [{ enrollmentId: enrollment.id, status: 'ABSENT' }],
        },
      },
      otherTrainer.token,
    );
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
    const event = await anEvent();
    const person = await aPerson()
      .named('Dilnoza Gʻulomova', 'Дилноза Гуломова')
      .female()
      .judge()
      .create(t);
    const enrollment = (
      await t.ok(ENROLL, { eventId: event.id, personId: person.id }, trainer.token)
    ).enrollTrainee;
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-14',
          marks: [{ enrollmentId: enrollment.id, status: 'PRESENT' }],
        },
      },
      trainer.token,
    );
    await t.ok(
      MARK_DAY,
      {
        input: {
          eventId: event.id,
          day: '2023-03-15',
          marks: [{ enrollmentId: enrollment.id, status: 'LATE' }],
        },
      },
      trainer.token,
    );

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
      'Name,Name (other script),Sex,Category,Organization,Country,2023-03-14,2023-03-15,Attended days,Attendance %,Completed',
    );
    expect(lines[1]).toBe(
      'Dilnoza Gʻulomova,Дилноза Гуломова,FEMALE,JUDGE,,UZ,PRESENT,LATE,2,100,yes',
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
      await anEvent(),
      await anEvent(),
      await anEvent({ completion: { minDays: 1 } }),
    ];
    const [first] = await enroll(events[0].id, 2);
    await enroll(events[2].id, 1);
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
    await anEvent();
    const again = await t.countQueries(() => t.ok(LIST, {}, trainer.token));
    // The mail and document workers poll their tables meanwhile: count the request's own.
    const own = (sql: string[]) => sql.filter((q) => !/outbox|document_job/i.test(q));
    expect(own(again.statements)).toHaveLength(own(statements).length);
  });

  it('does not enroll the same person twice', async () => {
    const event = await anEvent();
    const person = await aPerson().create(t);
    await t.ok(ENROLL, { eventId: event.id, personId: person.id }, trainer.token);
    const again = await t.gql(ENROLL, { eventId: event.id, personId: person.id }, trainer.token);
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ENROLLED',
    });
  });

  it('never enrolls more trainees than the event has places, even at once', async () => {
    const event = await anEvent({ capacity: 3 });
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
    const event = await anEvent();
    await enroll(event.id, 2);
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
