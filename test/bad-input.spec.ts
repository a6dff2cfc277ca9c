import { MikroORM } from '@mikro-orm/core';
import {
  anAccount,
  anEdition,
  anOrganization,
  aPerson,
  aProgramme,
  aSeries,
  aTrainingEvent,
  register,
} from './factories';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

/**
 * The cases of the careless-client review, one by one (test/fuzz.spec.ts tries every
 * argument): each was an internal error, a false conflict or a half-written change.
 */
const UPDATE_EDITION = `mutation($id: ID!, $input: UpdateEditionInput!) {
  updateEdition(id: $id, input: $input) { id title theme capacity version }
}`;
const EDITION = `query($id: ID!) { edition(id: $id) { title theme capacity version createdAt } }`;

function refusal(res: GraphQLResponse) {
  expect(res.errors).toHaveLength(1);
  return res.errors![0].extensions;
}

describe('bad input: a clear error naming the field, and nothing changed', () => {
  let t: TestApp;
  let seriesId: string;
  let editionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    seriesId = (await aSeries(t)).id;
    editionId = (await anEdition(seriesId).seats(1).openForRegistration().create(t)).id;
  });
  afterAll(() => t.close());

  it('refuses NUL in any string or id, naming the field, on both databases', async () => {
    const person = await t.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { fullName: 'Alisher\u0000 Rahimov', country: 'UZ' } },
      t.adminToken,
    );
    expect(refusal(person)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fullName' });
    const id = await t.gql(EDITION, { id: `${editionId}\u0000` });
    expect(refusal(id)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    // A plain String argument as much as a field of an input.
    const event = await trainingEvent(t);
    const roster = await t.gql(
      `mutation($e: ID!, $csv: String!) { importRoster(eventId: $e, csv: $csv) { stored } }`,
      { e: event, csv: 'full_name\nAli\u0000 Valiyev\n' },
      t.adminToken,
    );
    expect(refusal(roster)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const nested = await t.gql(
      `mutation($input: MarkDayInput!) { markAttendance(input: $input) { day } }`,
      {
        input: {
          eventId: event,
          day: '2023-03-14',
          marks: [{ enrollmentId: event, status: 'PRESENT', remark: 'late\u0000' }],
        },
      },
      t.adminToken,
    );
    expect(refusal(nested)).toMatchObject({ field: 'marks.0.remark' });
  });

  it('refuses a lone surrogate in an email, also when logging in anonymously', async () => {
    const login = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { email: 'admin\ud800@test.local', password: 'whatever-1' },
    });
    expect(refusal(login)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const person = await t.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      {
        input: { fullName: 'Dilnoza Qodirova', email: '\udc00dilnoza@example.org', country: 'UZ' },
      },
      t.adminToken,
    );
    expect(refusal(person)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('refuses an id that is not one, naming the argument, for anonymous callers too', async () => {
    const res = await t.gql(`{ edition(id: "x") { id } }`);
    expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(res.errors![0].message).toBe('id: is not an id');
    const inInput = await t.gql(
      `mutation($input: PartnerInput!) { addEditionPartner(editionId: "${editionId}", input: $input) { id } }`,
      { input: { organizationId: '42', role: 'HOST' } },
      t.adminToken,
    );
    expect(refusal(inInput)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    // Any letter case is the same id on both databases.
    const upper = await t.ok(EDITION, { id: editionId.toUpperCase() });
    expect(upper.edition.title).toMatch(/Trafficking/);
  });

  it('refuses null for what cannot be cleared, and clears what can', async () => {
    const before = (await t.ok(EDITION, { id: editionId })).edition;
    const title = await t.gql(
      UPDATE_EDITION,
      { id: editionId, input: { title: null } },
      t.adminToken,
    );
    expect(refusal(title)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(title.errors![0].message).toBe('title: must not be null');
    const objectives = await t.gql(
      UPDATE_EDITION,
      { id: editionId, input: { objectives: null } },
      t.adminToken,
    );
    expect(refusal(objectives)).toMatchObject({ field: 'objectives' });
    expect((await t.ok(EDITION, { id: editionId })).edition).toEqual(before);

    const cleared = await t.ok(
      UPDATE_EDITION,
      { id: editionId, input: { theme: null } },
      t.adminToken,
    );
    expect(cleared.updateEdition).toMatchObject({ title: before.title, theme: null });
    const moderator = await aPerson().create(t);
    const session = await t.ok(
      `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id moderator { id } } }`,
      {
        e: editionId,
        input: {
          day: 1,
          startTime: '09:00',
          endTime: '10:00',
          kind: 'OPENING',
          title: 'Opening',
          moderatorId: moderator.id,
        },
      },
      t.adminToken,
    );
    expect(session.addAgendaSession.moderator).toEqual({ id: moderator.id });
    const noModerator = await t.ok(
      `mutation($id: ID!, $input: UpdateAgendaSessionInput!) { updateAgendaSession(id: $id, input: $input) { room moderator { id } } }`,
      { id: session.addAgendaSession.id, input: { moderatorId: null, room: null } },
      t.adminToken,
    );
    expect(noModerator.updateAgendaSession).toEqual({ room: null, moderator: null });
    const reread = await t.ok(
      `query($e: ID!) { agendaDay(editionId: $e, day: 1) { id moderator { id } } }`,
      { e: editionId },
      t.adminToken,
    );
    expect(reread.agendaDay).toContainEqual({ id: session.addAgendaSession.id, moderator: null });

    const trainers = await aSeminar(await programme(t))
      .with({ trainerIds: null })
      .attempt(t);
    expect(refusal(trainers)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trainerIds' });
  });

  it('lifts the limit when capacity is cleared, and seats the waitlist', async () => {
    const edition = (
      await anEdition(seriesId).inYear(2024).seats(1).openForRegistration().create(t)
    ).id;
    const [first, second] = [await aPerson().create(t), await aPerson().create(t)];
    await register(t, edition, first.id);
    const waiting = (await register(t, edition, second.id)).data.registerParticipant;
    expect(waiting.status).toBe('WAITLISTED');
    await t.ok(UPDATE_EDITION, { id: edition, input: { capacity: null } }, t.adminToken);
    const after = await t.ok(
      `query($id: ID!) { registration(id: $id) { status } }`,
      { id: waiting.id },
      t.adminToken,
    );
    expect(after.registration.status).toBe('REGISTERED');
  });

  it('refuses names made only of spaces, zero-width or bidi control characters', async () => {
    for (const name of ['   ', '\u200b\u200c\u200d', '\u202e\u200f\u202b\u2066']) {
      const res = await t.gql(
        `mutation($input: CreateSeriesInput!) { createConferenceSeries(input: $input) { id } }`,
        { input: { name } },
        t.adminToken,
      );
      expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(res.errors![0].message).toBe('name: must contain a visible character');
    }
  });

  it('refuses impossible dates and numbers out of range, naming the field', async () => {
    const input = {
      seriesId,
      title: 'Regional conference 2023',
      year: 2023,
      city: 'Almaty',
      hostCountry: 'KZ',
      startDate: '2023-02-30',
      endDate: '2023-03-01',
    };
    const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`;
    const date = await t.gql(CREATE, { input }, t.adminToken);
    expect(refusal(date)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
    const capacity = await t.gql(
      CREATE,
      { input: { ...input, startDate: '2023-02-28', capacity: 100_001 } },
      t.adminToken,
    );
    expect(refusal(capacity)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    // Beyond 32 bits and unknown enum values GraphQL itself refuses, as bad input.
    const huge = await t.gql(
      CREATE,
      { input: { ...input, startDate: '2023-02-28', capacity: 2 ** 31 } },
      t.adminToken,
    );
    expect(refusal(huge)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const status = await t.gql(
      `mutation($s: EditionStatus!) { changeEditionStatus(id: "${editionId}", status: $s) { id } }`,
      { s: 'FINISHED' },
      t.adminToken,
    );
    expect(refusal(status)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('takes after: null as the first page, and refuses a forged cursor', async () => {
    const PAGE = `query($after: String) { editions(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }`;
    const first = await t.ok(PAGE, { after: null });
    expect(first.editions.nodes).toHaveLength(1);
    const forged = Buffer.from(JSON.stringify([{ $gt: 1 }, 'x'])).toString('base64url');
    const res = await t.gql(PAGE, { after: forged });
    expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('keeps the old name when an updatePerson is refused because the email is taken', async () => {
    await aPerson().withEmail('taken@example.org').create(t);
    const person = await aPerson().named('Malika Yusupova').create(t);
    const res = await t.gql(
      `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
      { id: person.id, input: { fullName: 'Malika Karimova', email: 'taken@example.org' } },
      t.adminToken,
    );
    expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const stored = await t.ok(
      `query($id: ID!) { person(id: $id) { fullName } }`,
      { id: person.id },
      t.adminToken,
    );
    expect(stored.person.fullName).toBe('Malika Yusupova');
  });

  it("leaves an edition's version and created_at alone when other things that load it are saved", async () => {
    const edition = await anEdition(seriesId).inYear(2025).openForRegistration().create(t);
    const orm = t.app.get(MikroORM);
    const stored = () =>
      orm.em
        .getConnection()
        .execute<
          { version: number; created_at: unknown }[]
        >(`select version, created_at from edition where id = ?`, [edition.id]);
    const [before] = await stored();
    const { version } = (await t.ok(EDITION, { id: edition.id })).edition;
    const person = await aPerson().create(t);
    const registration = (await register(t, edition.id, person.id)).data.registerParticipant;
    await t.ok(
      `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`,
      { input: { registrationId: registration.id, day: '2025-07-28' } },
      t.adminToken,
    );
    await t.ok(
      `mutation($e: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $e, input: $input) { id } }`,
      { e: edition.id, input: { name: 'Prosecution' } },
      t.adminToken,
    );
    expect(await stored()).toEqual([before]);
    const updated = await t.ok(
      UPDATE_EDITION,
      { id: edition.id, input: { expectedVersion: version, theme: 'Technology' } },
      t.adminToken,
    );
    expect(updated.updateEdition.version).toBe(version + 1);
  });

  it('refuses a query string parameter given twice, naming it', async () => {
    const res = await t
      .http()
      .get('/trainings/indicators.csv?groupBy=CATEGORY&groupBy=SEX')
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
  });
});

/** A programme of a new organization's. */
async function programme(t: TestApp): Promise<string> {
  const owner = await anOrganization().create(t);
  return (await aProgramme(owner.id).create(t)).id;
}

/** A seminar in Samarkand, 14–15 March 2023. */
const aSeminar = (programmeId: string) =>
  aTrainingEvent(programmeId).titled('Identification of victims');

/** A seminar of a new programme, led by a new trainer. */
async function trainingEvent(t: TestApp): Promise<string> {
  const trainer = await anAccount(t, 'TRAINER');
  return (
    await aSeminar(await programme(t))
      .ledBy(trainer.id)
      .create(t)
  ).id;
}
