import { randomUUID } from 'node:crypto';
import { anAccount, aPerson } from './factories';
import { ADMIN, errorCode, problem, startTestApp, TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { email role } } }`;
const ME = `{ me { id email role person { fullName } } }`;
const LOGOUT = `mutation { logout }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role person { fullName } } }`;
const USERS = `{ users { email role } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { id fullName fullNameAlt email country countryName category organization { name } }
}`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id fullName fullNameAlt email } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id fullName fullNameAlt email } }`;
const PEOPLE = `query($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { fullName } }
}`;
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name acronym type country countryName } }`;

const PASSWORD = 'a-long-password-1';

describe('accounts and the directory of people and organizations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('logging in and out', () => {
    it('gives a token that identifies the account, whatever the case of the email typed', async () => {
      const res = await t.ok(LOGIN, {
        input: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
      });
      expect(res.login.user).toEqual({ email: ADMIN.email, role: 'ADMIN' });
      expect(new Date(res.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await t.ok(ME, {}, res.login.token);
      expect(me.me).toMatchObject({ email: ADMIN.email, role: 'ADMIN', person: null });
    });

    it('says the same thing for a wrong password as for an unknown email', async () => {
      const wrongPassword = await t.gql(LOGIN, {
        input: { email: ADMIN.email, password: 'not-the-password' },
      });
      const unknownEmail = await t.gql(LOGIN, {
        input: { email: 'nobody@test.local', password: ADMIN.password },
      });
      expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
      expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
      expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
      expect(wrongPassword.data).toBeNull();
    });

    it('refuses a bearer token it did not issue, even on public queries', async () => {
      expect(errorCode(await t.gql(ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(`{ conferenceSeries { id } }`, {}, randomUUID()))).toBe(
        'UNAUTHENTICATED',
      );
      // Without a token, public queries work and `me` asks to log in.
      expect((await t.gql(`{ conferenceSeries { id } }`)).errors).toBeUndefined();
      expect(errorCode(await t.gql(ME))).toBe('UNAUTHENTICATED');
    });

    it('ends the session of the token on logout, and only that one', async () => {
      const account = await anAccount(t, 'ORGANIZER');
      const otherSession = await t.login(account.email, PASSWORD);
      expect((await t.ok(LOGOUT, {}, account.token)).logout).toBe(true);
      expect(errorCode(await t.gql(ME, {}, account.token))).toBe('UNAUTHENTICATED');
      expect((await t.ok(ME, {}, otherSession)).me.email).toBe(account.email);
      expect(errorCode(await t.gql(LOGOUT))).toBe('UNAUTHENTICATED');
    });
  });

  describe('creating accounts', () => {
    it('lets the admin create accounts of every role, each of which can log in', async () => {
      const person = await aPerson().named('Malika Qodirova', 'Малика Қодирова').create(t);
      for (const role of ['ADMIN', 'ORGANIZER', 'TRAINER', 'PARTICIPANT']) {
        const email = `${role.toLowerCase()}.${randomUUID().slice(0, 8)}@example.org`;
        const personId = role === 'PARTICIPANT' ? person.id : undefined;
        const created = await t.ok(
          CREATE_USER,
          { input: { email, password: PASSWORD, role, personId } },
          t.adminToken,
        );
        expect(created.createUser).toMatchObject({ email, role });
        const me = await t.ok(ME, {}, await t.login(email, PASSWORD));
        expect(me.me).toMatchObject({ email, role });
      }
    });

    it('links a participant account to their person', async () => {
      const person = await aPerson().named('Oʻtkir Rahimov', 'Ўткир Рахимов').create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      expect((await t.ok(ME, {}, participant.token)).me.person).toEqual({
        fullName: 'Oʻtkir Rahimov',
      });
    });

    it('lets no organizer create accounts, not even participant ones', async () => {
      // Whoever chooses an account's password can act as its person.
      const organizer = await anAccount(t, 'ORGANIZER');
      const person = await aPerson().create(t);
      for (const role of ['PARTICIPANT', 'ADMIN', 'ORGANIZER', 'TRAINER']) {
        const res = await t.gql(
          CREATE_USER,
          {
            input: {
              email: `${role.toLowerCase()}.${randomUUID().slice(0, 8)}@example.org`,
              password: PASSWORD,
              role,
              personId: role === 'PARTICIPANT' ? person.id : undefined,
            },
          },
          organizer.token,
        );
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
    });

    it('does not let participants or anonymous visitors create accounts', async () => {
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);
      const input = {
        email: `someone.${randomUUID().slice(0, 8)}@example.org`,
        password: PASSWORD,
        role: 'PARTICIPANT',
        personId: person.id,
      };
      expect(errorCode(await t.gql(CREATE_USER, { input }, participant.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_USER, { input }))).toBe('UNAUTHENTICATED');
      expect(
        errorCode(await t.gql(LOGIN, { input: { email: input.email, password: PASSWORD } })),
      ).toBe('UNAUTHENTICATED');
    });

    it('names the field at fault: a participant without a person, a short password', async () => {
      const email = `x.${randomUUID().slice(0, 8)}@example.org`;
      const noPerson = await t.gql(
        CREATE_USER,
        { input: { email, password: PASSWORD, role: 'PARTICIPANT' } },
        t.adminToken,
      );
      expect(problem(noPerson)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      const unknownPerson = await t.gql(
        CREATE_USER,
        { input: { email, password: PASSWORD, role: 'PARTICIPANT', personId: randomUUID() } },
        t.adminToken,
      );
      expect(problem(unknownPerson)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      const shortPassword = await t.gql(
        CREATE_USER,
        { input: { email, password: 'short', role: 'ORGANIZER' } },
        t.adminToken,
      );
      expect(problem(shortPassword)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      expect(shortPassword.errors![0].message).toMatch(/10 characters/);
      const notAnEmail = await t.gql(
        CREATE_USER,
        { input: { email: 'not-an-email', password: PASSWORD, role: 'ORGANIZER' } },
        t.adminToken,
      );
      expect(problem(notAnEmail)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      // None of these created an account.
      expect(
        (await t.ok(USERS, {}, t.adminToken)).users.map((u: { email: string }) => u.email),
      ).not.toContain(email);
    });

    it('keeps one account per email, whatever its case', async () => {
      const created = await t.ok(
        CREATE_USER,
        { input: { email: 'Dilnoza.Gulomova@Example.UZ', password: PASSWORD, role: 'TRAINER' } },
        t.adminToken,
      );
      expect(created.createUser.email).toBe('dilnoza.gulomova@example.uz');
      const again = await t.gql(
        CREATE_USER,
        { input: { email: 'DILNOZA.GULOMOVA@example.uz', password: PASSWORD, role: 'ORGANIZER' } },
        t.adminToken,
      );
      expect(problem(again)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
        reason: 'EMAIL_TAKEN',
      });
      await t.login('Dilnoza.Gulomova@example.uz', PASSWORD);
    });

    it('lists all accounts to the admin only', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const trainer = await anAccount(t, 'TRAINER');
      const person = await aPerson().create(t);
      const participant = await anAccount(t, 'PARTICIPANT', person.id);

      const users = (await t.ok(USERS, {}, t.adminToken)).users as {
        email: string;
        role: string;
      }[];
      expect(users).toEqual(
        expect.arrayContaining([
          { email: ADMIN.email, role: 'ADMIN' },
          { email: organizer.email, role: 'ORGANIZER' },
        ]),
      );

      expect(errorCode(await t.gql(USERS, {}, organizer.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(USERS, {}, trainer.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(USERS, {}, participant.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(USERS))).toBe('UNAUTHENTICATED');
    });
  });

  describe('the directory', () => {
    it('records a person with their organization', async () => {
      const organization = await t.ok(
        CREATE_ORGANIZATION,
        {
          input: {
            name: 'Ministry of Internal Affairs of the Republic of Kazakhstan',
            acronym: 'MIA',
            type: 'GOVERNMENT',
            country: 'KZ',
          },
        },
        t.adminToken,
      );
      expect(organization.createOrganization).toMatchObject({
        acronym: 'MIA',
        type: 'GOVERNMENT',
        countryName: 'Kazakhstan',
      });
      const person = await t.ok(
        CREATE_PERSON,
        {
          input: {
            fullName: 'Aigerim Nurlanovna',
            fullNameAlt: 'Айгерим Нурлановна',
            email: 'a.nurlanovna@mia.example.kz',
            country: 'KZ',
            category: 'INVESTIGATOR',
            organizationId: organization.createOrganization.id,
          },
        },
        t.adminToken,
      );
      expect(person.createPerson).toMatchObject({
        fullName: 'Aigerim Nurlanovna',
        fullNameAlt: 'Айгерим Нурлановна',
        country: 'KZ',
        countryName: 'Kazakhstan',
        category: 'INVESTIGATOR',
        organization: { name: 'Ministry of Internal Affairs of the Republic of Kazakhstan' },
      });
      const unknownOrganization = await t.gql(
        CREATE_PERSON,
        { input: { fullName: 'Yerlan Sadykov', country: 'KZ', organizationId: randomUUID() } },
        t.adminToken,
      );
      expect(problem(unknownOrganization)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organizationId',
      });
      const unknownCountry = await t.gql(
        CREATE_PERSON,
        { input: { fullName: 'Yerlan Sadykov', country: 'XK1' } },
        t.adminToken,
      );
      expect(problem(unknownCountry)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    });

    it('keeps emails unique whatever their case, and stores them lower-cased', async () => {
      const first = await t.ok(
        CREATE_PERSON,
        {
          input: {
            fullName: 'Bakyt Asanov',
            email: 'Bakyt.Asanov@Prokuratura.example.KG',
            country: 'KG',
          },
        },
        t.adminToken,
      );
      expect(first.createPerson.email).toBe('bakyt.asanov@prokuratura.example.kg');

      const second = await t.gql(
        CREATE_PERSON,
        {
          input: {
            fullName: 'Bakyt Asanov Jr',
            email: 'BAKYT.ASANOV@prokuratura.example.kg',
            country: 'KG',
          },
        },
        t.adminToken,
      );
      expect(problem(second)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
        reason: 'EMAIL_TAKEN',
      });
      const search = await t.ok(PEOPLE, { filter: { search: 'Bakyt Asanov' } }, t.adminToken);
      expect(search.people.nodes).toEqual([{ fullName: 'Bakyt Asanov' }]);

      const other = await aPerson().named('Cholpon Ismailova').from('KG').create(t);
      const taken = await t.gql(
        UPDATE_PERSON,
        { id: other.id, input: { email: 'bakyt.asanov@PROKURATURA.example.kg' } },
        t.adminToken,
      );
      expect(problem(taken)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
        reason: 'EMAIL_TAKEN',
      });
      // Re-typing one's own email in another case is fine.
      const same = await t.ok(
        UPDATE_PERSON,
        { id: first.createPerson.id, input: { email: 'BAKYT.ASANOV@prokuratura.example.kg' } },
        t.adminToken,
      );
      expect(same.updatePerson.email).toBe('bakyt.asanov@prokuratura.example.kg');
    });

    it('refuses a second organization of the same name in the same country', async () => {
      const input = { name: 'Tenir legal aid clinic', type: 'NGO', country: 'KG' };
      await t.ok(CREATE_ORGANIZATION, { input }, t.adminToken);
      const again = await t.gql(
        CREATE_ORGANIZATION,
        { input: { ...input, type: 'ACADEMIA' } },
        t.adminToken,
      );
      expect(problem(again)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
        reason: 'DUPLICATE_ORGANIZATION',
      });
      // The same name elsewhere is another organization.
      const elsewhere = await t.ok(
        CREATE_ORGANIZATION,
        { input: { ...input, country: 'KZ' } },
        t.adminToken,
      );
      expect(elsewhere.createOrganization.countryName).toBe('Kazakhstan');
      const found = await t.ok(
        `{ organizations(filter: { search: "Tenir" }) { totalCount nodes { country } } }`,
        {},
        t.adminToken,
      );
      expect(found.organizations.nodes.map((o: { country: string }) => o.country).sort()).toEqual([
        'KG',
        'KZ',
      ]);
    });

    describe('finding people', () => {
      beforeAll(async () => {
        await aPerson()
          .named('Gulnara Sultanova', 'Гульнара Султанова')
          .from('KZ')
          .judge()
          .create(t);
        await aPerson()
          .named('Dinara Sultanova', 'Динара Султанова')
          .from('KZ')
          .officer()
          .create(t);
        await aPerson().named('Aziza Sultanova', 'Азиза Султанова').from('UZ').judge().create(t);
        await aPerson().named('Madina Sultanova', 'Мадина Султанова').from('TJ').judge().create(t);
        await aPerson()
          .named('Zarina Sultanova', 'Зарина Султанова')
          .from('UZ')
          .officer()
          .withEmail('z_sultanova@ngo.example.uz')
          .create(t);
      });

      const names = (data: any) => data.people.nodes.map((p: { fullName: string }) => p.fullName);

      it('finds people by part of their name in either script', async () => {
        const latin = await t.ok(PEOPLE, { filter: { search: 'sultan' } }, t.adminToken);
        expect(names(latin)).toEqual([
          'Aziza Sultanova',
          'Dinara Sultanova',
          'Gulnara Sultanova',
          'Madina Sultanova',
          'Zarina Sultanova',
        ]);
        expect(latin.people.totalCount).toBe(5);
        const cyrillic = await t.ok(PEOPLE, { filter: { search: 'Динара' } }, t.adminToken);
        expect(names(cyrillic)).toEqual(['Dinara Sultanova']);
        const byEmail = await t.ok(PEOPLE, { filter: { search: 'Z_SULTANOVA@' } }, t.adminToken);
        expect(names(byEmail)).toEqual(['Zarina Sultanova']);
        // % and _ are searched for as typed, not as wildcards.
        for (const search of ['a_Sultanova', 'Sultanov%']) {
          const nobody = await t.ok(PEOPLE, { filter: { search } }, t.adminToken);
          expect(nobody.people).toMatchObject({ totalCount: 0, nodes: [] });
        }
      });

      it('filters by country and by category', async () => {
        const kazakh = await t.ok(
          PEOPLE,
          { filter: { search: 'Sultanova', country: 'KZ' } },
          t.adminToken,
        );
        expect(names(kazakh)).toEqual(['Dinara Sultanova', 'Gulnara Sultanova']);
        const judges = await t.ok(
          PEOPLE,
          { filter: { search: 'Sultanova', category: 'JUDGE' } },
          t.adminToken,
        );
        expect(names(judges)).toEqual(['Aziza Sultanova', 'Gulnara Sultanova', 'Madina Sultanova']);
        const both = await t.ok(
          PEOPLE,
          { filter: { search: 'Sultanova', country: 'UZ', category: 'OPERATIONAL_OFFICER' } },
          t.adminToken,
        );
        expect(names(both)).toEqual(['Zarina Sultanova']);
      });

      it('pages through the results in alphabetical order', async () => {
        const seen: string[] = [];
        let after: string | undefined;
        let pages = 0;
        do {
          const data = await t.ok(
            PEOPLE,
            { filter: { search: 'Sultanova' }, first: 2, after },
            t.adminToken,
          );
          expect(data.people.totalCount).toBe(5);
          seen.push(...names(data));
          after = data.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : undefined;
          pages += 1;
        } while (after);
        expect(pages).toBe(3);
        expect(seen).toEqual([
          'Aziza Sultanova',
          'Dinara Sultanova',
          'Gulnara Sultanova',
          'Madina Sultanova',
          'Zarina Sultanova',
        ]);
        const garbage = await t.gql(PEOPLE, { first: 2, after: 'garbage' }, t.adminToken);
        expect(problem(garbage)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      });

      it('lets trainers and organizers search too', async () => {
        for (const role of ['TRAINER', 'ORGANIZER'] as const) {
          const account = await anAccount(t, role);
          expect(
            (await t.ok(PEOPLE, { filter: { search: 'Sultanova' } }, account.token)).people
              .totalCount,
          ).toBe(5);
        }
      });
    });

    it('shows a participant their own person only, and no lists', async () => {
      const me = await aPerson()
        .named('Firuz Nazarov', 'Фируз Назаров')
        .from('TJ')
        .withEmail('f.nazarov@border.example.tj')
        .create(t);
      const colleague = await aPerson()
        .named('Mavjuda Rahmonova')
        .from('TJ')
        .withEmail('m.rahmonova@border.example.tj')
        .create(t);
      const participant = await anAccount(t, 'PARTICIPANT', me.id);

      const own = await t.ok(PERSON, { id: me.id }, participant.token);
      expect(own.person).toMatchObject({
        fullName: 'Firuz Nazarov',
        email: 'f.nazarov@border.example.tj',
      });
      // Someone else's person does not exist for a participant: the same answer as a made-up id.
      expect(errorCode(await t.gql(PERSON, { id: colleague.id }, participant.token))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(PEOPLE, {}, participant.token))).toBe('FORBIDDEN');
      expect(
        errorCode(await t.gql(`{ organizations { totalCount } }`, {}, participant.token)),
      ).toBe('FORBIDDEN');
      const edit = await t.gql(
        UPDATE_PERSON,
        { id: me.id, input: { fullName: 'Someone else' } },
        participant.token,
      );
      expect(errorCode(edit)).toBe('FORBIDDEN');
      const create = await t.gql(
        CREATE_PERSON,
        { input: { fullName: 'A new person', country: 'TJ' } },
        participant.token,
      );
      expect(errorCode(create)).toBe('FORBIDDEN');
    });

    it('asks anonymous visitors to log in', async () => {
      const someone = await aPerson().create(t);
      expect(errorCode(await t.gql(PERSON, { id: someone.id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(PEOPLE))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(`{ organizations { totalCount } }`))).toBe('UNAUTHENTICATED');
      expect(
        errorCode(await t.gql(CREATE_PERSON, { input: { fullName: 'Anonymous', country: 'UZ' } })),
      ).toBe('UNAUTHENTICATED');
      expect(
        errorCode(
          await t.gql(CREATE_ORGANIZATION, {
            input: { name: 'Anonymous NGO', type: 'NGO', country: 'UZ' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
    });
  });

  describe('names in Cyrillic and Uzbek Latin', () => {
    it('keeps them exactly as typed, including the ʻ letter (U+02BB)', async () => {
      const names: [string, string][] = [
        ['Oʻtkir Rahimov', 'Ўткир Рахимов'],
        ['Gʻayrat Oʻrinov', 'Ғайрат Ўринов'],
        ['Nodira Yoʻldosheva', 'Нодира Йўлдошева'],
        ['Malika Qodirova', 'Малика Қодирова'],
      ];
      for (const [fullName, fullNameAlt] of names) {
        const created = await t.ok(
          CREATE_PERSON,
          { input: { fullName, fullNameAlt, country: 'UZ', language: 'UZ' } },
          t.adminToken,
        );
        const read = await t.ok(PERSON, { id: created.createPerson.id }, t.adminToken);
        expect(read.person).toMatchObject({ fullName, fullNameAlt });
        expect(read.person.fullName.normalize('NFC')).toBe(read.person.fullName);
      }
      const nodira = await t.ok(PEOPLE, { filter: { search: 'Yoʻldosh' } }, t.adminToken);
      expect(nodira.people.nodes).toEqual([{ fullName: 'Nodira Yoʻldosheva' }]);
      expect(nodira.people.nodes[0].fullName.codePointAt(9)).toBe(0x02bb);
      // Typed with a plain apostrophe (or none), it is still the same name to search.
      const typed = await t.ok(PEOPLE, { filter: { search: "Yo'ldosh" } }, t.adminToken);
      expect(typed.people.nodes).toEqual([{ fullName: 'Nodira Yoʻldosheva' }]);
      const cyrillic = await t.ok(PEOPLE, { filter: { search: 'Ўринов' } }, t.adminToken);
      expect(cyrillic.people.nodes).toEqual([{ fullName: 'Gʻayrat Oʻrinov' }]);
    });

    it('keeps them through an update', async () => {
      const person = await aPerson().named('Shavkat Tohtayev').create(t);
      const updated = await t.ok(
        UPDATE_PERSON,
        { id: person.id, input: { fullName: 'Shavkat Toʻxtayev', fullNameAlt: 'Шавкат Тўхтаев' } },
        t.adminToken,
      );
      expect(updated.updatePerson).toMatchObject({
        fullName: 'Shavkat Toʻxtayev',
        fullNameAlt: 'Шавкат Тўхтаев',
      });
      const me = await t.ok(ME, {}, (await anAccount(t, 'PARTICIPANT', person.id)).token);
      expect(me.me.person.fullName).toBe('Shavkat Toʻxtayev');
    });
  });
});
