import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  attendanceOn,
  enroll,
  theInteriorMinistry,
} from './factories';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const MARK = `mutation($eventId: ID!, $input: EventCascadeInput!) {
  markEventCascade(eventId: $eventId, input: $input) { id trainingOfTrainers deliveredByTrainersOf { id } }
}`;
const WHO = `id fullName fullNameAlt organization { id }`;
const POOL = `query($id: ID!) {
  trainerPool(programmeId: $id) {
    trainer { ${WHO} account { id } }
    eventsTrained { event { id } peopleTrained }
    trainedAsTrainerAt { id }
  }
}`;
const CASCADE = `query($id: ID!) {
  programmeCascade(programmeId: $id) {
    branches {
      event { id }
      masterTrainers { ${WHO} }
      trainers { ${WHO} }
      cascadeEvents { event { id } trainers { id } trainees { id fullName } }
      traineeCount
    }
    reach { direct throughCascade total }
  }
}`;

type Actor = { id: string; token: string };
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('trainings: the trainer pool and the training-of-trainers cascade', () => {
  let t: TestApp;
  let organizer: Actor;
  let otherOrganizer: Actor;
  let participant: Actor;
  let programmeId: string;
  let organizationId: string;
  const person: Record<string, string> = {};
  const account: Record<string, Actor> = {};
  const event: Record<string, string> = {};
  /** Who completed which event, as the test arranged it: the reach is computed from this. */
  const completed: Record<string, string[]> = {};

  /** Enrolls `who`; all attend both days but `absent`, who misses the second. */
  async function train(eventId: string, day1: string, who: string[], absent: string[] = []) {
    const enrollments: Record<string, string> = {};
    for (const name of [...who, ...absent]) {
      enrollments[name] = (await enroll(t, eventId, person[name])).id;
    }
    const day2 = `${day1.slice(0, 8)}${String(Number(day1.slice(8)) + 1).padStart(2, '0')}`;
    await attendanceOn(eventId, day1).all(Object.values(enrollments), 'PRESENT').record(t);
    await attendanceOn(eventId, day2)
      .all(
        who.map((name) => enrollments[name]),
        'PRESENT',
      )
      .all(
        absent.map((name) => enrollments[name]),
        'ABSENT',
      )
      .record(t);
    completed[eventId] = who.map((name) => person[name]);
  }

  beforeAll(async () => {
    // No mail worker: its outbox polls would count among the statements measured below.
    t = await startTestApp({ MAIL_WORKER: 'off' });
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    organizationId = (await theInteriorMinistry().create(t)).id;
    programmeId = (await aProgramme(organizationId).create(t, organizer.token)).id;
    await aProgramme(organizationId).create(t, otherOrganizer.token);
    for (const name of ['m1', 'c1', 'c2', 'c3', 'c4', 'c5', 'a', 'b', 'd', 'e', 'x', 'y']) {
      person[name] = (
        await aPerson().named(`Trainee ${name}`, `Слушатель ${name}`).in(organizationId).create(t)
      ).id;
    }
    account.m1 = await anAccount(t, 'TRAINER', person.m1);
    account.m2 = await anAccount(t, 'TRAINER'); // no person: the pool shows the account
    for (const name of ['c1', 'c2', 'c3'])
      account[name] = await anAccount(t, 'TRAINER', person[name]);
    participant = await anAccount(t, 'PARTICIPANT', person.a);
    const anEvent = async (title: string, start: string, end: string, ...trainers: string[]) =>
      (
        await aTrainingEvent(programmeId)
          .titled(title)
          .on(start, end)
          .ledBy(...trainers.map((name) => account[name].id))
          .create(t, organizer.token)
      ).id;
    event.tot = await anEvent('Training of trainers', '2023-03-01', '2023-03-02', 'm1', 'm2');
    event.e1 = await anEvent('Cascade seminar 1', '2023-04-03', '2023-04-04', 'c1', 'c2');
    event.e2 = await anEvent('Cascade seminar 2', '2023-04-10', '2023-04-11', 'c3');
    event.n = await anEvent('Direct seminar', '2023-05-02', '2023-05-03', 'm1');
    await train(event.tot, '2023-03-01', ['c1', 'c2', 'c3', 'c4'], ['c5']);
    await train(event.e1, '2023-04-03', ['a', 'b', 'x']);
    await train(event.e2, '2023-04-10', ['b', 'd'], ['e']);
    await train(event.n, '2023-05-02', ['x', 'y']);
  });
  afterAll(() => t.close());

  it('lets the programme’s organizers mark a training of trainers and the events its trainers deliver', async () => {
    const tot = (
      await t.ok(MARK, { eventId: event.tot, input: { trainingOfTrainers: true } }, organizer.token)
    ).markEventCascade;
    expect(tot).toEqual({ id: event.tot, trainingOfTrainers: true, deliveredByTrainersOf: null });
    for (const id of [event.e1, event.e2]) {
      const marked = (
        await t.ok(
          MARK,
          { eventId: id, input: { trainingOfTrainers: false, deliveredByTrainersOfId: event.tot } },
          organizer.token,
        )
      ).markEventCascade;
      expect(marked.deliveredByTrainersOf).toEqual({ id: event.tot });
    }
  });

  it('lists each person who trains once, with what they trained and where they were trained', async () => {
    const pool = (await t.ok(POOL, { id: programmeId }, organizer.token)).trainerPool;
    const byId = new Map(
      pool.map((entry: { trainer: { id: string } }) => [entry.trainer.id, entry]),
    );
    // m1, m2 (an account without a person), the four who completed the ToT; c5 did not.
    expect([...byId.keys()].sort()).toEqual(
      [person.m1, account.m2.id, person.c1, person.c2, person.c3, person.c4].sort(),
    );
    expect(byId.get(person.m1)).toEqual({
      trainer: {
        id: person.m1,
        fullName: 'Trainee m1',
        fullNameAlt: 'Слушатель m1',
        organization: { id: organizationId },
        account: { id: account.m1.id },
      },
      eventsTrained: [
        { event: { id: event.tot }, peopleTrained: 4 },
        { event: { id: event.n }, peopleTrained: 2 },
      ],
      trainedAsTrainerAt: [],
    });
    expect(byId.get(account.m2.id)).toMatchObject({
      trainer: { fullName: null, account: { id: account.m2.id } },
      eventsTrained: [{ event: { id: event.tot }, peopleTrained: 4 }],
    });
    expect(byId.get(person.c1)).toMatchObject({
      trainer: { account: { id: account.c1.id } },
      eventsTrained: [{ event: { id: event.e1 }, peopleTrained: 3 }],
      trainedAsTrainerAt: [{ id: event.tot }],
    });
    expect(byId.get(person.c4)).toMatchObject({
      trainer: { fullName: 'Trainee c4', account: null },
      eventsTrained: [],
      trainedAsTrainerAt: [{ id: event.tot }],
    });
  });

  it('shows the cascade in three levels and counts the reach without counting anyone twice', async () => {
    const cascade = (await t.ok(CASCADE, { id: programmeId }, organizer.token)).programmeCascade;
    expect(cascade.branches).toHaveLength(1);
    const [branch] = cascade.branches;
    expect(branch.event.id).toBe(event.tot);
    expect(ids(branch.masterTrainers)).toEqual([person.m1, account.m2.id].sort());
    expect(ids(branch.trainers)).toEqual(completed[event.tot].slice().sort());
    expect(branch.cascadeEvents.map((c: { event: { id: string } }) => c.event.id)).toEqual([
      event.e1,
      event.e2,
    ]);
    expect(ids(branch.cascadeEvents[0].trainers)).toEqual([person.c1, person.c2].sort());
    expect(ids(branch.cascadeEvents[1].trainees)).toEqual(completed[event.e2].slice().sort());
    // Independently: people trained at events outside the cascade, then at cascade events.
    const direct = new Set([...completed[event.tot], ...completed[event.n]]);
    const viaCascade = new Set([...completed[event.e1], ...completed[event.e2]]);
    const throughCascade = [...viaCascade].filter((id) => !direct.has(id));
    expect(branch.traineeCount).toBe(viaCascade.size);
    expect(cascade.reach).toEqual({
      direct: direct.size,
      throughCascade: throughCascade.length,
      total: new Set([...direct, ...viaCascade]).size,
    });
    expect(cascade.reach).toEqual({ direct: 6, throughCascade: 3, total: 9 });
  });

  it('refuses a cascade that is not one, naming the field', async () => {
    const mark = (eventId: string, input: object) =>
      t.gql(MARK, { eventId, input }, organizer.token);
    const field = 'deliveredByTrainersOfId';
    const self = await mark(event.tot, {
      trainingOfTrainers: true,
      deliveredByTrainersOfId: event.tot,
    });
    expect(problem(self)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const notTot = await mark(event.n, {
      trainingOfTrainers: false,
      deliveredByTrainersOfId: event.e1,
    });
    expect(problem(notTot)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(notTot.errors![0].message).toMatch(/not a training of trainers/);
    const later = await mark(event.e1, {
      trainingOfTrainers: false,
      deliveredByTrainersOfId: event.n,
    });
    expect(problem(later)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    await t.ok(MARK, { eventId: event.n, input: { trainingOfTrainers: true } }, organizer.token);
    const startsAfter = await mark(event.e1, {
      trainingOfTrainers: false,
      deliveredByTrainersOfId: event.n,
    });
    expect(problem(startsAfter)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(startsAfter.errors![0].message).toMatch(/starts after/);
    // A second ToT on the same day, delivered by the first: the first cannot follow it.
    const tot2 = await aTrainingEvent(programmeId)
      .titled('Training of trainers, second group')
      .on('2023-03-01', '2023-03-02')
      .create(t, organizer.token);
    await t.ok(
      MARK,
      { eventId: tot2.id, input: { trainingOfTrainers: true, deliveredByTrainersOfId: event.tot } },
      organizer.token,
    );
    const cycle = await mark(event.tot, {
      trainingOfTrainers: true,
      deliveredByTrainersOfId: tot2.id,
    });
    expect(problem(cycle)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const elsewhere = await mark(event.e1, {
      trainingOfTrainers: false,
      deliveredByTrainersOfId: '00000000-0000-4000-8000-000000000000',
    });
    expect(problem(elsewhere)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const stillUsed = await mark(event.tot, { trainingOfTrainers: false });
    expect(problem(stillUsed)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'trainingOfTrainers',
    });
    // Undo what this test added: the reach above stays as it was.
    await t.ok(MARK, { eventId: tot2.id, input: { trainingOfTrainers: false } }, organizer.token);
    await t.ok(MARK, { eventId: event.n, input: { trainingOfTrainers: false } }, organizer.token);
    const after = (await t.ok(CASCADE, { id: programmeId }, organizer.token)).programmeCascade;
    expect(after.reach).toEqual({ direct: 6, throughCascade: 3, total: 9 });
  });

  it('shows the pool and the cascade to the programme’s organizers and admins only', async () => {
    expect(errorCode(await t.gql(CASCADE, { id: programmeId }, t.adminToken))).toBeUndefined();
    for (const query of [POOL, CASCADE]) {
      expect(errorCode(await t.gql(query, { id: programmeId }, otherOrganizer.token))).toBe(
        'NOT_FOUND',
      );
      // A trainer of one of its events sees the programme exists, and is refused.
      expect(errorCode(await t.gql(query, { id: programmeId }, account.c1.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(query, { id: programmeId }, participant.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(query, { id: programmeId }))).toBe('UNAUTHENTICATED');
    }
    const input = { trainingOfTrainers: false, deliveredByTrainersOfId: null };
    // The event's own trainer runs it but does not decide its place in the programme.
    expect(errorCode(await t.gql(MARK, { eventId: event.e1, input }, account.c1.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(MARK, { eventId: event.e1, input }, otherOrganizer.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(MARK, { eventId: event.e1, input }, participant.token))).toBe(
      'FORBIDDEN',
    );
  });

  it('reads the pool and the cascade in the same number of SQL statements however many events', async () => {
    const count = async (query: string) =>
      (await t.countQueries(() => t.ok(query, { id: programmeId }, organizer.token))).statements
        .length;
    const before = [await count(POOL), await count(CASCADE)];
    for (const title of ['Cascade seminar 3', 'Cascade seminar 4']) {
      const { id } = await aTrainingEvent(programmeId)
        .titled(title)
        .on('2023-06-05', '2023-06-06')
        .ledBy(account.c2.id, account.c3.id)
        .create(t, organizer.token);
      await t.ok(
        MARK,
        { eventId: id, input: { trainingOfTrainers: false, deliveredByTrainersOfId: event.tot } },
        organizer.token,
      );
      await train(id, '2023-06-05', ['e', 'y']);
    }
    expect([await count(POOL), await count(CASCADE)]).toEqual(before);
    const after = (await t.ok(CASCADE, { id: programmeId }, organizer.token)).programmeCascade;
    // e is new; y was trained directly already.
    expect(after.reach).toEqual({ direct: 6, throughCascade: 4, total: 10 });
  });
});
