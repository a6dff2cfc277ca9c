import { randomUUID } from 'node:crypto';
import { anAccount, anEdition, aPerson, aSeries, register } from './factories';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

/** The working groups of an edition: facilitators, members, capacity. */
describe('conference series, editions and their programme', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('working groups', () => {
    const CREATE_GROUP = `mutation($editionId: ID!, $input: CreateWorkingGroupInput!) {
      createWorkingGroup(editionId: $editionId, input: $input) { id name capacity facilitators { fullName } memberCount }
    }`;
    const ADD_MEMBER = `mutation($groupId: ID!, $registrationId: ID!) {
      addWorkingGroupMember(workingGroupId: $groupId, registrationId: $registrationId) { memberCount }
    }`;
    const GROUPS = `query($id: ID!) { edition(id: $id) { workingGroups { name topic facilitators { fullName fullNameAlt } memberCount } } }`;
    const MEMBERS = `query($id: ID!) { edition(id: $id) { workingGroups { name members { person { fullName } } } } }`;

    let organizer: { token: string };
    let editionId: string;
    let referral: { id: string };
    let technology: { id: string };
    let seated: string[];
    let waitlisted: string;
    let elsewhere: string;

    beforeAll(async () => {
      organizer = await anAccount(t, 'ORGANIZER');
      const seriesId = (await aSeries(t)).id;
      editionId = (
        await anEdition(seriesId).inYear(2022).seats(3).published().create(t, organizer.token)
      ).id;
      const otherEditionId = (
        await anEdition(seriesId).inYear(2023).hostedBy('KZ', 'Almaty').create(t, organizer.token)
      ).id;

      const rustam = await aPerson().named('Rustam Karimov', 'Рустам Каримов').create(t);
      const elena = await aPerson().named('Elena Petrova', 'Елена Петрова').create(t);
      referral = (
        await t.ok(
          CREATE_GROUP,
          {
            editionId,
            input: {
              name: 'Referral mechanisms',
              topic: 'Identification, referral and return of victims',
              capacity: 2,
              facilitatorIds: [rustam.id],
            },
          },
          organizer.token,
        )
      ).createWorkingGroup;
      technology = (
        await t.ok(
          CREATE_GROUP,
          {
            editionId,
            input: { name: 'Technology and online exploitation', facilitatorIds: [elena.id] },
          },
          organizer.token,
        )
      ).createWorkingGroup;

      const names = ['Aigerim Nurlanovna', 'Bakyt Asanov', 'Firuz Nazarov', 'Merdan Atayev'];
      const registrations: { id: string; status: string }[] = [];
      for (const name of names) {
        const person = await aPerson().named(name).create(t);
        registrations.push(
          (await register(t, editionId, person.id, organizer.token)).data!.registerParticipant,
        );
      }
      expect(registrations.map((r) => r.status)).toEqual([
        'REGISTERED',
        'REGISTERED',
        'REGISTERED',
        'WAITLISTED',
      ]);
      seated = registrations.slice(0, 3).map((r) => r.id);
      waitlisted = registrations[3].id;
      const visitor = await aPerson().named('Cholpon Ismailova').create(t);
      elsewhere = (await register(t, otherEditionId, visitor.id, organizer.token)).data!
        .registerParticipant.id;
    });

    it('creates groups with their facilitators', async () => {
      expect(referral).toMatchObject({
        name: 'Referral mechanisms',
        capacity: 2,
        facilitators: [{ fullName: 'Rustam Karimov' }],
        memberCount: 0,
      });
      const unknown = await t.gql(
        CREATE_GROUP,
        { editionId, input: { name: 'Ghosts', facilitatorIds: [randomUUID()] } },
        organizer.token,
      );
      expect(problem(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilitatorIds' });
      const duplicate = await t.gql(
        CREATE_GROUP,
        { editionId, input: { name: 'Referral mechanisms' } },
        organizer.token,
      );
      expect(problem(duplicate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('adds registered participants up to the capacity of the group', async () => {
      expect(
        (
          await t.ok(
            ADD_MEMBER,
            { groupId: referral.id, registrationId: seated[0] },
            organizer.token,
          )
        ).addWorkingGroupMember.memberCount,
      ).toBe(1);
      expect(
        (
          await t.ok(
            ADD_MEMBER,
            { groupId: referral.id, registrationId: seated[1] },
            organizer.token,
          )
        ).addWorkingGroupMember.memberCount,
      ).toBe(2);

      const full = await t.gql(
        ADD_MEMBER,
        { groupId: referral.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(problem(full)).toMatchObject({ code: 'CONFLICT', reason: 'WORKING_GROUP_FULL' });
      const twice = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(twice.errors).toBeUndefined();
      const again = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[2] },
        organizer.token,
      );
      expect(problem(again)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MEMBER' });

      const members = await t.ok(MEMBERS, { id: editionId }, organizer.token);
      const referralMembers = members.edition.workingGroups.find(
        (g: { name: string }) => g.name === 'Referral mechanisms',
      ).members;
      expect(
        referralMembers.map((m: { person: { fullName: string } }) => m.person.fullName).sort(),
      ).toEqual(['Aigerim Nurlanovna', 'Bakyt Asanov']);
    });

    it('takes only seated participants of the same edition', async () => {
      const fromWaitlist = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: waitlisted },
        organizer.token,
      );
      expect(problem(fromWaitlist)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'registrationId',
      });
      const fromElsewhere = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: elsewhere },
        organizer.token,
      );
      expect(problem(fromElsewhere)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'registrationId',
      });
      const unknown = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: randomUUID() },
        organizer.token,
      );
      expect(problem(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registrationId' });
      const groups = await t.ok(GROUPS, { id: editionId });
      expect(
        groups.edition.workingGroups.find(
          (g: { name: string }) => g.name === 'Technology and online exploitation',
        ).memberCount,
      ).toBe(1);
    });

    it('shows the groups and facilitators of a published edition to anyone, but the members to its organizers only', async () => {
      const groups = await t.ok(GROUPS, { id: editionId });
      expect(groups.edition.workingGroups).toEqual([
        {
          name: 'Referral mechanisms',
          topic: 'Identification, referral and return of victims',
          facilitators: [{ fullName: 'Rustam Karimov', fullNameAlt: 'Рустам Каримов' }],
          memberCount: 2,
        },
        {
          name: 'Technology and online exploitation',
          topic: null,
          facilitators: [{ fullName: 'Elena Petrova', fullNameAlt: 'Елена Петрова' }],
          memberCount: 1,
        },
      ]);

      expect(errorCode(await t.gql(MEMBERS, { id: editionId }))).toBe('UNAUTHENTICATED');
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      expect(errorCode(await t.gql(MEMBERS, { id: editionId }, participant.token))).toBe(
        'FORBIDDEN',
      );
      const stranger = await anAccount(t, 'ORGANIZER');
      expect(errorCode(await t.gql(MEMBERS, { id: editionId }, stranger.token))).toBe('FORBIDDEN');
      const addByStranger = await t.gql(
        ADD_MEMBER,
        { groupId: technology.id, registrationId: seated[0] },
        stranger.token,
      );
      expect(errorCode(addByStranger)).toBe('FORBIDDEN');
    });
  });
});
