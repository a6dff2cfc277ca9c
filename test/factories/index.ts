import { randomUUID } from 'node:crypto';
import { TestApp } from '../support/test-app';

let counter = 0;
const next = () => ++counter;

/** aPerson().judge().from('UZ').named('Malika Qodirova', 'Малика Қодирова').create(t) */
export class PersonBuilder {
  private input: Record<string, unknown> = { fullName: `Person ${next()}`, country: 'UZ' };

  named(fullName: string, fullNameAlt?: string) {
    Object.assign(this.input, { fullName, fullNameAlt });
    return this;
  }
  from(country: string) {
    this.input.country = country;
    return this;
  }
  withEmail(email: string) {
    this.input.email = email;
    return this;
  }
  in(organizationId: string) {
    this.input.organizationId = organizationId;
    return this;
  }
  speaking(language: 'EN' | 'RU' | 'UZ') {
    this.input.language = language;
    return this;
  }
  female() {
    this.input.sex = 'FEMALE';
    return this;
  }
  male() {
    this.input.sex = 'MALE';
    return this;
  }
  judge() {
    this.input.category = 'JUDGE';
    return this;
  }
  officer() {
    this.input.category = 'OPERATIONAL_OFFICER';
    return this;
  }
  /** Any ProfessionalCategory: PROSECUTOR, INVESTIGATOR, … */
  inCategory(category: string) {
    this.input.category = category;
    return this;
  }
  async create(t: TestApp, token = t.adminToken): Promise<{ id: string; fullName: string }> {
    const data = await t.ok(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id fullName } }`,
      { input: this.input },
      token,
    );
    return data.createPerson;
  }
}
export const aPerson = () => new PersonBuilder();

export class OrganizationBuilder {
  private input: Record<string, unknown> = {
    name: `Organization ${next()}`,
    type: 'GOVERNMENT',
    country: 'UZ',
  };

  named(name: string, acronym?: string) {
    Object.assign(this.input, { name, acronym });
    return this;
  }
  ofType(type: string) {
    this.input.type = type;
    return this;
  }
  from(country: string) {
    this.input.country = country;
    return this;
  }
  async create(t: TestApp, token = t.adminToken): Promise<{ id: string; name: string }> {
    const data = await t.ok(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
      { input: this.input },
      token,
    );
    return data.createOrganization;
  }
}
export const anOrganization = () => new OrganizationBuilder();

/** The ministry whose officers the training journeys train (a programme's usual owner). */
export const theInteriorMinistry = () =>
  anOrganization().named('Ministry of Internal Affairs of the Republic of Uzbekistan', 'MIA');
/** The US donor bureau that funds the training programmes. */
export const theInlBureau = () =>
  anOrganization()
    .named('Bureau of International Narcotics and Law Enforcement Affairs', 'INL')
    .ofType('DONOR')
    .from('US');

/** A conference series; series are kept by admins. */
export async function aSeries(t: TestApp, name = `Regional conference ${randomUUID()}`) {
  const data = await t.ok(
    `mutation($input: CreateSeriesInput!) { createConferenceSeries(input: $input) { id name } }`,
    { input: { name } },
    t.adminToken,
  );
  return data.createConferenceSeries as { id: string; name: string };
}

/** anEdition(seriesId).inYear(2022).on('2022-07-28', '2022-07-29').seats(5).published().create(t, token) */
export class EditionBuilder {
  private input: Record<string, unknown>;
  private publish = false;
  private status?: string;

  constructor(seriesId: string) {
    this.input = {
      seriesId,
      title:
        'Strengthening National and International Partnerships in Combating Trafficking in Persons',
      theme: 'Use and Abuse of Technology',
      year: 2022,
      hostCountry: 'UZ',
      city: 'Tashkent',
      startDate: '2022-07-28',
      endDate: '2022-07-29',
    };
  }
  titled(title: string) {
    this.input.title = title;
    return this;
  }
  inYear(year: number) {
    this.input.year = year;
    this.input.startDate = `${year}-07-28`;
    this.input.endDate = `${year}-07-29`;
    return this;
  }
  on(startDate: string, endDate: string) {
    Object.assign(this.input, { startDate, endDate });
    return this;
  }
  hostedBy(country: string, city: string) {
    Object.assign(this.input, { hostCountry: country, city });
    return this;
  }
  seats(capacity: number) {
    this.input.capacity = capacity;
    return this;
  }
  published() {
    this.publish = true;
    return this;
  }
  openForRegistration() {
    this.publish = true;
    this.status = 'REGISTRATION_OPEN';
    return this;
  }
  /**
   * Created by an admin, who makes the organizer whose token is given its organizer (the
   * first edition of a series is an admin's to create); then published and opened with
   * that token.
   */
  async create(t: TestApp, token = t.adminToken): Promise<{ id: string; version: number }> {
    const data = await t.ok(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id version } }`,
      { input: this.input },
      t.adminToken,
    );
    const { id } = data.createEdition;
    if (token !== t.adminToken) {
      const { me } = await t.ok(`{ me { id } }`, {}, token);
      await t.ok(
        `mutation($id: ID!, $user: ID!) { assignEditionOrganizer(editionId: $id, userId: $user) { id } }`,
        { id, user: me.id },
        t.adminToken,
      );
    }
    if (this.publish) {
      await t.ok(
        `mutation($id: ID!) { updateEdition(id: $id, input: { isPublished: true }) { id } }`,
        { id },
        token,
      );
    }
    if (this.status) {
      await t.ok(
        `mutation($id: ID!, $status: EditionStatus!) { changeEditionStatus(id: $id, status: $status) { id } }`,
        { id, status: this.status },
        token,
      );
    }
    return data.createEdition;
  }
}
export const anEdition = (seriesId: string) => new EditionBuilder(seriesId);

/** A new account with the given role; returns its id and a bearer token. */
export async function anAccount(
  t: TestApp,
  role: 'ADMIN' | 'ORGANIZER' | 'TRAINER' | 'PARTICIPANT',
  personId?: string,
): Promise<{ id: string; token: string; email: string }> {
  // A participant account uses its person's email (it becomes theirs if they have none).
  const personEmail = personId
    ? (await t.ok(`query($id: ID!) { person(id: $id) { email } }`, { id: personId }, t.adminToken))
        .person.email
    : null;
  const email =
    (role === 'PARTICIPANT' && personEmail) ||
    `${role.toLowerCase()}-${next()}-${randomUUID().slice(0, 8)}@test.local`;
  const password = 'a-long-password-1';
  const data = await t.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, password, role, personId } },
    t.adminToken,
  );
  return { id: data.createUser.id, token: await t.login(email, password), email };
}

export async function register(
  t: TestApp,
  editionId: string,
  personId: string,
  token = t.adminToken,
) {
  return t.gql(
    `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id status } }`,
    { input: { editionId, personId } },
    token,
  );
}
export * from './trainings';
