import { MikroORM } from '@mikro-orm/core';
import { OutboxMessage } from '@platform/mail';
import { MailTemplate } from '@platform/mailings';
import { anEdition, aPerson, enroll } from './factories';
import { AccessWorld, buildAccessWorld } from './support/access-world';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, input: $input) { id fullName email }
}`;
const PERSON = `query($id: ID!) {
  person(id: $id) { fullName organization { name } email sex category position country countryName language createdAt }
}`;
const REGISTER = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`;

/**
 * The paths by which staff once became someone else (set an email, ask for a login
 * link), and what each kind of user sees of other people.
 */
describe('people: who sees them, who edits them, who changes their email', () => {
  let t: TestApp;
  let w: AccessWorld;
  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
    w = await buildAccessWorld(t);
  });
  afterAll(() => t.close());

  const emailOf = async (personId: string) =>
    (await t.ok(PERSON, { id: personId }, t.adminToken)).person.email as string;
  const loginLinksTo = (address: string) =>
    t.app
      .get(MikroORM)
      .em.fork()
      .count(OutboxMessage, { template: MailTemplate.LOGIN_LINK, toEmail: address });

  it("does not let a trainer take over a trainee of someone else's event by changing their email", async () => {
    // A trainee of T2's event, without an account yet: whoever sets their email gets
    // their login link, and with it their marks.
    const trainee = await aPerson()
      .named('Jasur Rahimov')
      .withEmail('j.rahimov@iiv.example.uz')
      .create(t);
    await enroll(t, w.E2.eventId, trainee.id, w.tokens.T2);
    const attempt = await t.gql(
      UPDATE_PERSON,
      { id: trainee.id, input: { email: 'attacker@evil.test' } },
      w.tokens.T1,
    );
    expect(errorCode(attempt)).toBe('FORBIDDEN');

    // Nor by enrolling them in their own event first.
    await enroll(t, w.E1.eventId, trainee.id, w.tokens.T1);
    const again = await t.gql(
      UPDATE_PERSON,
      { id: trainee.id, input: { email: 'attacker@evil.test' } },
      w.tokens.T1,
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'EMAIL_CHANGE_NOT_ALLOWED',
    });
    expect(await emailOf(trainee.id)).toBe('j.rahimov@iiv.example.uz');
    await t.ok(`mutation($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) }`, {
      input: { email: 'attacker@evil.test' },
    });
    expect(await loginLinksTo('attacker@evil.test')).toBe(0);
  });

  it("does not let an organizer change the email of a person without an account who takes part in another organizer's edition", async () => {
    const person = await aPerson().withEmail('rustam.aliyev@mvd.example.uz').create(t);
    await t.ok(REGISTER, { input: { editionId: w.B.editionId, personId: person.id } }, w.tokens.OB);
    // OA registers them too: now they are in OA's edition, and OA may edit their name…
    await t.ok(REGISTER, { input: { editionId: w.A.editionId, personId: person.id } }, w.tokens.OA);
    const renamed = await t.ok(
      UPDATE_PERSON,
      { id: person.id, input: { fullName: 'Rustam Aliyev' } },
      w.tokens.OA,
    );
    expect(renamed.updatePerson.fullName).toBe('Rustam Aliyev');
    // …but not where their mail and login links go: that would reach OB's edition.
    const attempt = await t.gql(
      UPDATE_PERSON,
      { id: person.id, input: { email: 'oa@evil.test' } },
      w.tokens.OA,
    );
    expect(errorCode(attempt)).toBe('FORBIDDEN');
    expect(await emailOf(person.id)).toBe('rustam.aliyev@mvd.example.uz');
    await t.ok(`mutation($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) }`, {
      input: { email: 'oa@evil.test' },
    });
    expect(await loginLinksTo('oa@evil.test')).toBe(0);
  });

  it('lets staff correct the email of the people they added, while those take part only in their events', async () => {
    const person = await aPerson().withEmail('n.saidova@typo.example.uz').create(t, w.tokens.OA);
    const fixed = await t.ok(
      UPDATE_PERSON,
      { id: person.id, input: { email: 'N.Saidova@Example.uz' } },
      w.tokens.OA,
    );
    expect(fixed.updatePerson.email).toBe('n.saidova@example.uz');
    // Staff of other events see the person, not edit them.
    expect(
      errorCode(
        await t.gql(UPDATE_PERSON, { id: person.id, input: { position: 'x' } }, w.tokens.T2),
      ),
    ).toBe('FORBIDDEN');
    await t.ok(REGISTER, { input: { editionId: w.B.editionId, personId: person.id } }, w.tokens.OB);
    const later = await t.gql(
      UPDATE_PERSON,
      { id: person.id, input: { email: 'other@example.uz' } },
      w.tokens.OA,
    );
    expect(errorCode(later)).toBe('FORBIDDEN');
  });

  it("keeps an account holder's email to them and admins", async () => {
    // P1's person is registered in OA's edition; P1 has an account.
    const attempt = await t.gql(
      UPDATE_PERSON,
      { id: w.people.p1, input: { email: 'oa@evil.test' } },
      w.tokens.OA,
    );
    expect(attempt.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'EMAIL_CHANGE_NOT_ALLOWED' },
    });
    expect(attempt.errors?.[0].message).toMatch(/requestEmailChange/);
  });

  it('changes nothing when an update is refused halfway (the email is taken)', async () => {
    const person = await aPerson().named('Kamola Yusupova').create(t);
    const refused = await t.gql(
      UPDATE_PERSON,
      {
        id: person.id,
        input: { fullName: 'Kamola Yusupova-Karimova', email: await emailOf(w.people.p2) },
      },
      t.adminToken,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
    const after = await t.ok(PERSON, { id: person.id }, t.adminToken);
    expect(after.person.fullName).toBe('Kamola Yusupova');
  });

  it('shows others only the name and the organization of a person', async () => {
    const AGENDA = `query($id: ID!) { edition(id: $id) {
      agenda { moderator { fullName organization { name } email sex category position country language createdAt }
               speakers { person { fullName email category position } } }
      workingGroups { facilitators { fullName email category } } } }`;
    for (const token of [undefined, w.tokens.P1, w.tokens.T2]) {
      const data = await t.ok(AGENDA, { id: w.A.editionId }, token);
      const [session] = data.edition.agenda;
      expect(session.moderator).toEqual({
        fullName: expect.stringMatching(/^Speaker A/),
        organization: { name: expect.stringMatching(/^National Commission/) },
        email: null,
        sex: null,
        category: null,
        position: null,
        country: null,
        language: null,
        createdAt: null,
      });
      expect(session.speakers[0].person).toMatchObject({ email: null, category: null });
      expect(data.edition.workingGroups[0].facilitators[0]).toMatchObject({ category: null });
    }
    // The edition's organizers see their speakers in full.
    const organizers = await t.ok(AGENDA, { id: w.A.editionId }, w.tokens.OA);
    expect(organizers.edition.agenda[0].moderator.category).toBe('JUDGE');

    // Staff of other events read a person by id, but only the public part.
    const seenByT2 = await t.ok(PERSON, { id: w.people.p1 }, w.tokens.T2);
    expect(seenByT2.person).toMatchObject({ email: null, category: null, country: null });
    const seenByT1 = await t.ok(PERSON, { id: w.people.p1 }, w.tokens.T1);
    expect(seenByT1.person).toMatchObject({
      email: expect.stringMatching(/^p1-/),
      category: 'JUDGE',
    });
    const seenBySelf = await t.ok(PERSON, { id: w.people.p1 }, w.tokens.P1);
    expect(seenBySelf.person.email).toMatch(/^p1-/);
  });

  it('finds people by email for admins only', async () => {
    const address = await emailOf(w.people.p2);
    const SEARCH = `query($s: String) { people(filter: { search: $s }) { totalCount } }`;
    expect((await t.ok(SEARCH, { s: address }, t.adminToken)).people.totalCount).toBe(1);
    expect((await t.ok(SEARCH, { s: address }, w.tokens.T1)).people.totalCount).toBe(0);
  });

  it('lets admins and whoever added an organization edit it', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { acronym } }`;
    const theirs = await t.ok(
      UPDATE,
      { id: w.organizations.addedByOA, input: { acronym: 'MoJ' } },
      w.tokens.OA,
    );
    expect(theirs.updateOrganization.acronym).toBe('MoJ');
    const other = await t.gql(
      UPDATE,
      { id: w.organizations.addedByOA, input: { acronym: 'X' } },
      w.tokens.OB,
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
  });

  it('does not let a later edition follow up the recommendations of an edition its organizers may not see', async () => {
    // OA organizes A (2022) and 2024; B (2023) is OB's and unpublished.
    const { id: later } = await anEdition(w.seriesId).inYear(2024).create(t, w.tokens.OA);
    const attempt = await t.gql(
      `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { note recommendation { text } } }`,
      {
        input: { editionId: later, recommendationId: w.B.recommendationId, status: 'NOT_STARTED' },
      },
      w.tokens.OA,
    );
    expect(attempt.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationId',
    });
    expect(attempt.data).toBeNull();
  });
});
