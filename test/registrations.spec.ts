import { Clock } from '@platform/core';
import { anAccount, anEdition, aPerson, aSeries, register } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const STATUS = `query($id: ID!) { edition(id: $id) { registrations(first: 100) { totalCount nodes { id status person { id } } } } }`;

describe('registrations, capacity and the waitlist', () => {
  let t: TestApp;
  let seriesId: string;

  beforeAll(async () => {
    t = await startTestApp();
    seriesId = (await aSeries(t)).id;
  });
  afterAll(() => t.close());

  async function statuses(editionId: string) {
    const data = await t.ok(STATUS, { id: editionId }, t.adminToken);
    const nodes: { id: string; status: string; person: { id: string } }[] =
      data.edition.registrations.nodes;
    const count = (status: string) => nodes.filter((n) => n.status === status).length;
    return { nodes, count };
  }

  it('waitlists over capacity and promotes the first waitlisted person when a seat frees', async () => {
    const edition = await anEdition(seriesId).inYear(2022).seats(2).create(t);
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await aPerson().from('KZ').create(t));
    const results: { id: string; status: string }[] = [];
    for (const person of people)
      results.push((await register(t, edition.id, person.id)).data!.registerParticipant);
    expect(results.map((r) => r.status)).toEqual([
      'REGISTERED',
      'REGISTERED',
      'WAITLISTED',
      'WAITLISTED',
    ]);

    const cancelled = await t.ok(
      `mutation($id: ID!) { cancelRegistration(id: $id) { status } }`,
      { id: results[0].id },
      t.adminToken,
    );
    expect(cancelled.cancelRegistration.status).toBe('CANCELLED');
    const after = await statuses(edition.id);
    expect(after.nodes.find((n) => n.id === results[2].id)!.status).toBe('REGISTERED');
    expect(after.nodes.find((n) => n.id === results[3].id)!.status).toBe('WAITLISTED');
    expect(after.count('REGISTERED')).toBe(2);
  });

  it('raising the capacity moves the waitlist up', async () => {
    const edition = await anEdition(seriesId).inYear(2023).seats(1).create(t);
    for (let i = 0; i < 3; i++) await register(t, edition.id, (await aPerson().create(t)).id);
    await t.ok(
      `mutation($id: ID!) { updateEdition(id: $id, input: { capacity: 2 }) { capacity } }`,
      { id: edition.id },
      t.adminToken,
    );
    const { count } = await statuses(edition.id);
    expect([count('REGISTERED'), count('WAITLISTED')]).toEqual([2, 1]);
  });

  it('never exceeds capacity under concurrent registrations', async () => {
    const edition = await anEdition(seriesId).inYear(2024).seats(5).create(t);
    const people = await Promise.all(Array.from({ length: 30 }, () => aPerson().create(t)));
    const results = await Promise.all(people.map((p) => register(t, edition.id, p.id)));
    expect(results.every((r) => !r.errors)).toBe(true);
    const { nodes, count } = await statuses(edition.id);
    expect(nodes).toHaveLength(30);
    expect(count('REGISTERED')).toBe(5);
    expect(count('WAITLISTED')).toBe(25);
  });

  it('never registers the same person twice, even at once', async () => {
    const edition = await anEdition(seriesId).inYear(2025).create(t);
    const person = await aPerson().create(t);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => register(t, edition.id, person.id)),
    );
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
    expect((await statuses(edition.id)).nodes).toHaveLength(1);

    const again = await register(t, edition.id, person.id);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions!.reason).toBe('ALREADY_REGISTERED');
  });

  it('lets a participant register themself only while registration is open, and see only their own', async () => {
    const edition = await anEdition(seriesId).inYear(2026).published().create(t);
    const me = await aPerson().named('Oʻtkir Rahimov', 'Ўткир Рахимов').create(t);
    const other = await aPerson().create(t);
    const participant = await anAccount(t, 'PARTICIPANT', me.id);
    const self = `mutation($id: ID!) { registerForEdition(editionId: $id) { id status person { fullName } } }`;

    const closed = await t.gql(self, { id: edition.id }, participant.token);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(closed.errors![0].extensions!.reason).toBe('REGISTRATION_NOT_OPEN');

    await t.ok(
      `mutation($id: ID!) { changeEditionStatus(id: $id, status: REGISTRATION_OPEN) { status } }`,
      { id: edition.id },
      t.adminToken,
    );
    const mine = (await t.ok(self, { id: edition.id }, participant.token)).registerForEdition;
    expect(mine).toMatchObject({ status: 'REGISTERED', person: { fullName: 'Oʻtkir Rahimov' } });
    const othersRegistration = (await register(t, edition.id, other.id)).data!.registerParticipant;

    const list = await t.ok(`{ myRegistrations { id edition { year } } }`, {}, participant.token);
    expect(list.myRegistrations).toEqual([{ id: mine.id, edition: { year: 2026 } }]);
    // Someone else's registration is invisible, and the edition's list is organizers only.
    const peek = await t.gql(
      `query($id: ID!) { registration(id: $id) { id } }`,
      { id: othersRegistration.id },
      participant.token,
    );
    expect(errorCode(peek)).toBe('NOT_FOUND');
    const listAll = await t.gql(STATUS, { id: edition.id }, participant.token);
    expect(errorCode(listAll)).toBe('FORBIDDEN');
    const cancelOther = await t.gql(
      `mutation($id: ID!) { cancelRegistration(id: $id) { id } }`,
      { id: othersRegistration.id },
      participant.token,
    );
    expect(errorCode(cancelOther)).toBe('NOT_FOUND');
    // Their own they may cancel.
    const cancelled = await t.ok(
      `mutation($id: ID!) { cancelRegistration(id: $id) { status } }`,
      { id: mine.id },
      participant.token,
    );
    expect(cancelled.cancelRegistration.status).toBe('CANCELLED');
  });

  it('invitations can be declined by the invitee and accepted by registering', async () => {
    const edition = await anEdition(seriesId).inYear(2021).openForRegistration().create(t);
    const person = await aPerson().create(t);
    const participant = await anAccount(t, 'PARTICIPANT', person.id);
    const invited = await t.ok(
      `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id status delegationCountry } }`,
      { input: { editionId: edition.id, personId: person.id, delegationCountry: 'TJ' } },
      t.adminToken,
    );
    expect(invited.inviteParticipant).toMatchObject({ status: 'INVITED', delegationCountry: 'TJ' });
    const accepted = await t.ok(
      `mutation($id: ID!) { registerForEdition(editionId: $id) { id status } }`,
      { id: edition.id },
      participant.token,
    );
    expect(accepted.registerForEdition).toEqual({
      id: invited.inviteParticipant.id,
      status: 'REGISTERED',
    });
    const decline = await t.gql(
      `mutation($id: ID!) { declineInvitation(id: $id) { status } }`,
      { id: accepted.registerForEdition.id },
      participant.token,
    );
    expect(errorCode(decline)).toBe('CONFLICT');
  });

  it('checks participants in on the days of the edition only', async () => {
    const edition = await anEdition(seriesId).inYear(2020).create(t);
    const person = await aPerson().create(t);
    const registration = (await register(t, edition.id, person.id)).data!.registerParticipant;
    const checkIn = `mutation($input: CheckInInput!) { checkIn(input: $input) { checkIns { day } } }`;

    const outside = await t.gql(
      checkIn,
      { input: { registrationId: registration.id, day: '2020-07-30' } },
      t.adminToken,
    );
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
    expect(outside.errors![0].extensions).toMatchObject({
      field: 'day',
      reason: 'DAY_OUTSIDE_EDITION',
    });
    const malformed = await t.gql(
      checkIn,
      { input: { registrationId: registration.id, day: '2020-13-01' } },
      t.adminToken,
    );
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });

    await t.ok(
      checkIn,
      { input: { registrationId: registration.id, day: '2020-07-29' } },
      t.adminToken,
    );
    const twice = await t.ok(
      checkIn,
      { input: { registrationId: registration.id, day: '2020-07-29' } },
      t.adminToken,
    );
    expect(twice.checkIn.checkIns).toEqual([{ day: '2020-07-29' }]);
  });

  it('checks no one in for a day that has not come yet', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const edition = await anEdition(seriesId).inYear(year).create(t);
    const person = await aPerson().create(t);
    const registration = (await register(t, edition.id, person.id)).data!.registerParticipant;
    const checkIn = `mutation($input: CheckInInput!) { checkIn(input: $input) { checkIns { day } } }`;
    const input = { registrationId: registration.id, day: `${year}-07-28` };

    const early = await t.gql(checkIn, { input }, t.adminToken);
    expect(early.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'day',
      reason: 'DAY_NOT_YET',
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(early.errors![0].message).toBe(
      `day: ${year}-07-28 has not come yet (today is ${today})`,
    );

    // On the first morning of the edition, the first day checks in and the second not yet.
    const clock = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date(`${year}-07-28T06:00:00Z`));
    try {
      expect((await t.ok(checkIn, { input }, t.adminToken)).checkIn.checkIns).toEqual([
        { day: `${year}-07-28` },
      ]);
      const second = await t.gql(
        checkIn,
        { input: { ...input, day: `${year}-07-29` } },
        t.adminToken,
      );
      expect(second.errors![0].extensions).toMatchObject({ reason: 'DAY_NOT_YET' });
    } finally {
      clock.mockRestore();
    }
  });

  it('answers the figures and each check-in day in one query', async () => {
    const edition = await anEdition(seriesId).inYear(2019).create(t);
    const registration = (await register(t, edition.id, (await aPerson().create(t)).id)).data!
      .registerParticipant;
    await t.ok(
      `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`,
      { input: { registrationId: registration.id, day: '2019-07-28' } },
      t.adminToken,
    );
    const data = await t.ok(
      `query($id: ID!) { edition(id: $id) { participation { attended } registrations { nodes { checkIns { day } } } } }`,
      { id: edition.id },
      t.adminToken,
    );
    expect(data.edition.participation.attended).toBe(1);
    expect(data.edition.registrations.nodes[0].checkIns).toEqual([{ day: '2019-07-28' }]);
  });
});
