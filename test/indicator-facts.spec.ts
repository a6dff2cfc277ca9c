import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { migrationsPath } from '@platform/core';
import { IndicatorDimension, IndicatorFilter, TrainingEvent } from '@platform/trainings';
import {
  anAccount,
  anOrganization,
  aPerson,
  aProgramme,
  attendanceOn,
  aTrainingEvent,
  CreatedTrainingEvent,
  enroll,
  theInteriorMinistry,
} from './factories';
import { answeredFigures, referenceIndicators } from './support/reference-indicators';
import { startTestApp, TestApp } from './support/test-app';

const INDICATORS = `query($groupBy: [IndicatorDimension!]!, $filter: IndicatorFilter) {
  trainingIndicators(groupBy: $groupBy, filter: $filter) {
    rows { keys { dimension value label } peopleEnrolled peopleTrained enrollments completions }
    totals { peopleEnrolled peopleTrained enrollments completions }
  }
}`;
const D = IndicatorDimension;

/** Every dimension alone, pairs, nothing, and filtered: each way the figures are counted. */
const GROUPINGS: { groupBy: IndicatorDimension[]; filter?: IndicatorFilter }[] = [
  { groupBy: [] },
  ...Object.values(D).map((dimension) => ({ groupBy: [dimension] })),
  { groupBy: [D.CATEGORY, D.REGION] },
  { groupBy: [D.SEX, D.ORGANIZATION_TYPE, D.MONTH] },
  { groupBy: [D.REGION, D.QUARTER] },
  { groupBy: [D.CATEGORY], filter: { region: 'Samarkand region' } },
  { groupBy: [D.PROGRAMME, D.YEAR], filter: { from: '2023-06-01' } },
];

/**
 * The stored indicator facts follow every write that changes what they copy: after each
 * change through the API, every grouping equals the figures computed the old way, from
 * the marks, enrollments, events, people and organizations themselves.
 */
describe('indicators stay equal to the figures computed from the marks', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let trainer: { id: string; token: string };
  let programmeId: string;
  let otherProgrammeId: string;
  let a: CreatedTrainingEvent;
  let b: CreatedTrainingEvent;
  let c: CreatedTrainingEvent;
  const people: { id: string }[] = [];
  const enrollments: Record<string, string> = {};
  let ngoId: string;

  const orm = () => t.app.get(MikroORM);
  const gql = (query: string, variables: Record<string, unknown>) =>
    t.ok(query, variables, organizer.token);

  /** Every grouping, as the admin and as the trainer of events A and C. */
  async function expectReferenceFigures(): Promise<unknown> {
    const answers: unknown[] = [];
    const actors = [
      { token: t.adminToken, scope: null },
      { token: trainer.token, scope: { programmeIds: [], eventIds: [a.id, c.id] } },
    ];
    for (const actor of actors) {
      for (const { groupBy, filter } of GROUPINGS) {
        const answer = answeredFigures(
          (await t.ok(INDICATORS, { groupBy, filter }, actor.token)).trainingIndicators,
        );
        const expected = await referenceIndicators(orm().em.fork(), groupBy, filter, actor.scope);
        expect({ groupBy, filter, figures: answer }).toEqual({
          groupBy,
          filter,
          figures: expected,
        });
        answers.push(answer);
      }
    }
    return answers;
  }

  /** Runs `change`, then checks that the figures moved and still equal the reference. */
  async function afterChange(change: () => Promise<unknown>): Promise<void> {
    const before = await expectReferenceFigures();
    await change();
    expect(await expectReferenceFigures()).not.toEqual(before);
  }

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    const ownerId = (await theInteriorMinistry().create(t)).id;
    ngoId = (await anOrganization().named('Helping hands').ofType('NGO').create(t)).id;
    programmeId = (await aProgramme(ownerId).create(t, organizer.token)).id;
    otherProgrammeId = (await aProgramme(ownerId).create(t, organizer.token)).id;
    a = await aTrainingEvent(programmeId)
      .in('Samarkand region', 'Samarkand')
      .on('2023-03-14', '2023-03-15')
      .ledBy(trainer.id)
      .create(t, organizer.token);
    b = await aTrainingEvent(programmeId)
      .in('Bukhara region', 'Bukhara')
      .on('2023-06-20', '2023-06-21')
      .completedAfter({ excusedCounts: true })
      .create(t, organizer.token);
    c = await aTrainingEvent(otherProgrammeId)
      .in('Samarkand region', 'Samarkand')
      .on('2024-02-06', '2024-02-08')
      .ledBy(trainer.id)
      .completedAfter({ minDays: 2 })
      .create(t, organizer.token);
    people.push(
      await aPerson().judge().female().create(t),
      await aPerson().officer().male().in(ownerId).create(t),
      await aPerson().officer().in(ngoId).create(t),
      await aPerson().judge().male().in(ngoId).create(t),
    );
    // Everyone in A and B, two of them in C too: people counted once across events.
    for (const [event, who] of [
      [a, [0, 1, 2, 3]],
      [b, [0, 1, 2, 3]],
      [c, [0, 2]],
    ] as const) {
      for (const i of who)
        enrollments[`${event.id}:${i}`] = (await enroll(t, event.id, people[i].id)).id;
    }
    const ids = (event: CreatedTrainingEvent, who: number[]) =>
      who.map((i) => enrollments[`${event.id}:${i}`]);
    await attendanceOn(a.id, a.days[0])
      .all(ids(a, [0, 1, 2]), 'PRESENT')
      .record(t, organizer.token);
    await attendanceOn(a.id, a.days[1])
      .all(ids(a, [0, 1]), 'PRESENT')
      .record(t, organizer.token);
    await attendanceOn(b.id, b.days[0])
      .all(ids(b, [0, 1, 2]), 'PRESENT')
      .record(t, organizer.token);
    await attendanceOn(b.id, b.days[1])
      .all(ids(b, [0, 2]), 'EXCUSED')
      .record(t, organizer.token);
    await attendanceOn(c.id, c.days[0])
      .all(ids(c, [0, 2]), 'LATE')
      .record(t, organizer.token);
  });
  afterAll(() => t.close());

  it('after marking a day and correcting a mark', async () => {
    await afterChange(async () => {
      await attendanceOn(c.id, c.days[1])
        .present(enrollments[`${c.id}:0`])
        .absent(enrollments[`${c.id}:2`])
        .record(t, trainer.token);
      await gql(
        `mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { status } }`,
        { input: { enrollmentId: enrollments[`${a.id}:1`], day: a.days[1], status: 'ABSENT' } },
      );
    });
  });

  it('after enrolling, withdrawing and enrolling again', async () => {
    await afterChange(async () => {
      const newcomer = await aPerson().judge().create(t);
      await enroll(t, c.id, newcomer.id);
      await gql(`mutation($id: ID!) { withdrawTrainee(enrollmentId: $id) { status } }`, {
        id: enrollments[`${a.id}:0`],
      });
    });
    await afterChange(() => enroll(t, a.id, people[0].id));
  });

  it('after marks of one person in two events, corrected at the same time', async () => {
    const correct = (event: CreatedTrainingEvent, status: string) =>
      gql(`mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { status } }`, {
        input: { enrollmentId: enrollments[`${event.id}:1`], day: event.days[1], status },
      });
    await afterChange(async () => {
      for (const status of ['EXCUSED', 'ABSENT', 'PRESENT'])
        await Promise.all([correct(a, status), correct(b, status)]);
    });
  });

  it('after importing a roster', async () => {
    await afterChange(() =>
      gql(
        `mutation($eventId: ID!, $csv: String!) { importRoster(eventId: $eventId, csv: $csv) { enrolled } }`,
        {
          eventId: c.id,
          csv: 'full_name,sex,category\nAziza Karimova,F,JUDGE\nBobur Aliyev,M,INVESTIGATOR\n',
        },
      ),
    );
  });

  it("after changing a person's category, sex or organization, or an organization's type", async () => {
    const update = (id: string, input: Record<string, unknown>) =>
      t.ok(
        `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
        { id, input },
        t.adminToken,
      );
    await afterChange(() => update(people[0].id, { category: 'PROSECUTOR' }));
    await afterChange(() => update(people[1].id, { sex: 'FEMALE', organizationId: ngoId }));
    await afterChange(() =>
      t.ok(
        `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
        { id: ngoId, input: { type: 'ACADEMIA' } },
        t.adminToken,
      ),
    );
  });

  // No mutation changes an event's rule, dates or place yet: the test changes the event
  // through the ORM as one would, and the facts follow the flush all the same.
  it("after changing an event's completion rule, dates, place or programme", async () => {
    const changeEvent = (id: string, fields: Record<string, unknown>) =>
      afterChange(async () => {
        const em = orm().em.fork();
        em.assign(await em.findOneOrFail(TrainingEvent, id), fields);
        await em.flush();
      });
    await changeEvent(b.id, { excusedCounts: false });
    await changeEvent(c.id, { completionMinDays: 1 });
    await changeEvent(a.id, { completionMinPercent: 50 });
    await changeEvent(c.id, { startDate: '2024-05-06', endDate: '2024-05-08' });
    await changeEvent(c.id, { dayCount: 2, endDate: '2024-05-07', completionMinDays: 2 });
    await changeEvent(b.id, { region: 'Samarkand region' });
    await changeEvent(b.id, { country: 'KZ' });
    await changeEvent(a.id, { programme: otherProgrammeId });
  });

  it('are backfilled by the migration that introduced them, as they are written on flush', async () => {
    const em = orm().em.fork();
    const connection = em.getConnection();
    const facts = () =>
      connection.execute('select * from indicator_fact order by enrollment_id') as Promise<
        unknown[]
      >;
    const written = await facts();
    expect(written.length).toBeGreaterThanOrEqual(10);

    const folder = migrationsPath(t.database.kind);
    const file = readdirSync(folder).find((name) => name.endsWith('_indicator_facts.js'))!;
    const migrations = (await import(join(folder, file))) as Record<
      string,
      new (...args: unknown[]) => Migration
    >;
    const migration = new (Object.values(migrations)[0])(em.getDriver(), orm().config);
    await migration.up();
    const backfill = migration
      .getQueries()
      .filter((sql): sql is string => typeof sql === 'string' && /^insert/i.test(sql));
    expect(backfill).toHaveLength(1);

    await connection.execute('delete from indicator_fact');
    await connection.execute(backfill[0]);
    expect(await facts()).toEqual(written);
  });
});
