import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import {
  AccountsCleanup,
  AuthSession,
  EmailChange,
  LoginLink,
  TrustedDevice,
  User,
} from '@platform/accounts';
import { RateLimitCounter, RateLimits } from '@platform/core';
import { PersonAccountsPort } from '@platform/directory';
import { OutboxMessage } from '@platform/mail';
import { MailTemplate } from '@platform/mailings';
import {
  anAccount,
  anOrganization,
  aPerson,
  aProgramme,
  aTrainingEvent,
  enroll,
} from './factories';
import { ADMIN, errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id email role } } }`;
const DEVICE_LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token deviceToken } }`;
const ME = `{ me { id email role lastLoginAt createdAt name person { fullName email } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role person { fullName email } } }`;
const REQUEST_LINK = `mutation($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) }`;
const EXCHANGE_LINK = `mutation($input: ExchangeLoginLinkInput!) { exchangeLoginLink(input: $input) { token user { id email } } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const REQUEST_EMAIL_CHANGE = `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`;
const CONFIRM_EMAIL_CHANGE = `mutation($input: ConfirmEmailChangeInput!) { confirmEmailChange(input: $input) { id email } }`;
const PASSWORD = 'a-long-password-1';

type Answer = GraphQLResponse & { headers: Record<string, string | string[]> };

describe('accounts: who may create them, logins, links, sessions', () => {
  let t: TestApp;
  let orm: MikroORM;

  /** A GraphQL request from a client address of our choosing (the test app trusts loopback as its proxy). */
  async function from(
    address: string,
    query: string,
    variables?: Record<string, unknown>,
    { token, cookie }: { token?: string; cookie?: string } = {},
  ): Promise<Answer> {
    const req = t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', address);
    if (token) req.set('authorization', `Bearer ${token}`);
    if (cookie) req.set('cookie', cookie);
    const res = await req.send({ query, variables });
    return {
      status: res.status,
      data: res.body.data,
      errors: res.body.errors,
      headers: res.headers,
    };
  }

  let addresses = 0;
  /** A client address no other test used (TEST-NET-3 and documentation IPv6). */
  const newAddress = () => {
    addresses += 1;
    return addresses < 250 ? `203.0.113.${addresses}` : `2001:db8::${addresses.toString(16)}`;
  };

  const login = (address: string, email: string, password: string) =>
    from(address, LOGIN, { input: { email, password } });
  const deviceLogin = (address: string, email: string, password: string, deviceToken?: string) =>
    from(address, DEVICE_LOGIN, { input: { email, password, deviceToken } });

  /** The token of the last mail of this template sent to this address. */
  async function tokenMailedTo(email: string, template: MailTemplate): Promise<string> {
    const [mail] = await orm.em
      .fork()
      .find(OutboxMessage, { toEmail: email, template }, { orderBy: { createdAt: 'desc' } });
    expect(mail).toBeDefined();
    return /\/(?:login-link|email-change)\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  }

  async function aParticipant(email = `p.${randomUUID().slice(0, 8)}@example.uz`) {
    const person = await aPerson().withEmail(email).create(t);
    const account = await anAccount(t, 'PARTICIPANT', person.id);
    return { ...account, person };
  }

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    orm = t.app.get(MikroORM);
  });
  afterAll(() => t.close());

  describe('creating accounts', () => {
    it('refuses an organizer who makes a participant account for someone else', async () => {
      const organizer = await anAccount(t, 'ORGANIZER');
      const victim = await aPerson().withEmail('victim@example.kz').create(t);
      const res = await t.gql(
        CREATE_USER,
        {
          input: {
            email: 'victim@example.kz',
            password: 'chosen-by-the-organizer',
            role: 'PARTICIPANT',
            personId: victim.id,
          },
        },
        organizer.token,
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        errorCode(
          await t.gql(LOGIN, {
            input: { email: 'victim@example.kz', password: 'chosen-by-the-organizer' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
    });

    it('gives a person at most one account', async () => {
      const { person } = await aParticipant();
      for (const role of ['PARTICIPANT', 'TRAINER']) {
        const second = await t.gql(
          CREATE_USER,
          {
            input: {
              email: `second.${randomUUID().slice(0, 8)}@example.org`,
              password: PASSWORD,
              role,
              personId: person.id,
            },
          },
          t.adminToken,
        );
        expect(second.errors![0].extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'PERSON_HAS_ACCOUNT',
        });
        expect(second.errors![0].message).toContain('already has an account');
      }
      expect(await orm.em.fork().count(User, { person: person.id })).toBe(1);
    });

    it("makes a participant log in with their person's email, or gives it to a person who has none", async () => {
      const withEmail = await aPerson().withEmail('dilnoza@example.uz').create(t);
      const other = await t.gql(
        CREATE_USER,
        {
          input: {
            email: 'someone.else@example.org',
            password: PASSWORD,
            role: 'PARTICIPANT',
            personId: withEmail.id,
          },
        },
        t.adminToken,
      );
      expect(other.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
        reason: 'EMAIL_MISMATCH',
      });
      const same = await t.ok(
        CREATE_USER,
        {
          input: {
            email: 'Dilnoza@Example.UZ',
            password: PASSWORD,
            role: 'PARTICIPANT',
            personId: withEmail.id,
          },
        },
        t.adminToken,
      );
      expect(same.createUser.email).toBe('dilnoza@example.uz');

      const without = await aPerson().named('Bobur Toshmatov').create(t);
      const created = await t.ok(
        CREATE_USER,
        {
          input: {
            email: 'bobur@example.uz',
            password: PASSWORD,
            role: 'PARTICIPANT',
            personId: without.id,
          },
        },
        t.adminToken,
      );
      expect(created.createUser.person).toEqual({
        fullName: 'Bobur Toshmatov',
        email: 'bobur@example.uz',
      });
    });

    it('ends concurrent first logins of one person by link with one account', async () => {
      const email = `l.${randomUUID().slice(0, 8)}@example.tj`;
      const person = await aPerson().withEmail(email).create(t);
      const tokens: string[] = [];
      for (let i = 0; i < 2; i++) {
        await t.ok(REQUEST_LINK, { input: { email } });
        tokens.push(await tokenMailedTo(email, MailTemplate.LOGIN_LINK));
      }
      expect(new Set(tokens).size).toBe(2);
      const address = newAddress();
      const answers = await Promise.all(
        tokens.map((token) => from(address, EXCHANGE_LINK, { input: { token } })),
      );
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      const ids = answers.map((answer) => answer.data!.exchangeLoginLink.user.id);
      expect(ids[0]).toBe(ids[1]);
      expect(await orm.em.fork().count(User, { person: person.id })).toBe(1);
    });
  });

  describe('what others see of an account', () => {
    it("shows a participant their trainers' names, not their emails, roles or logins", async () => {
      const trainerPerson = await aPerson()
        .named('Nodira Yoʻldosheva')
        .withEmail('nodira@mvd.example.uz')
        .create(t);
      const trainer = await anAccount(t, 'TRAINER', trainerPerson.id);
      const owner = await anOrganization().create(t);
      const programme = await aProgramme(owner.id).titled('Identifying victims').create(t);
      // Identification of victims of trafficking, Samarkand, 14–15 March 2023.
      const event = await aTrainingEvent(programme.id).ledBy(trainer.id).create(t);
      const trainee = await aParticipant();
      await enroll(t, event.id, trainee.person.id, trainer.token);
      const TRAINERS = `{ myEnrollments { event { trainers { id name email role createdAt lastLoginAt person { fullName } } } } }`;
      const seen = await t.ok(TRAINERS, {}, trainee.token);
      expect(seen.myEnrollments[0].event.trainers).toEqual([
        {
          id: trainer.id,
          name: 'Nodira Yoʻldosheva',
          email: null,
          role: null,
          createdAt: null,
          lastLoginAt: null,
          person: null,
        },
      ]);
      // The holder and admins see it all.
      const own = await t.ok(ME, {}, trainer.token);
      expect(own.me).toMatchObject({
        email: trainer.email,
        role: 'TRAINER',
        name: 'Nodira Yoʻldosheva',
      });
      expect(own.me.lastLoginAt).not.toBeNull();
      const listed = await t.ok(`{ users { id email role lastLoginAt } }`, {}, t.adminToken);
      expect(listed.users).toContainEqual({
        id: trainer.id,
        email: trainer.email,
        role: 'TRAINER',
        lastLoginAt: own.me.lastLoginAt,
      });
    });
  });

  describe('login throttling', () => {
    it('evaluates at most 5 of 300 concurrent wrong passwords from one client, then refuses even the right one', async () => {
      const { email } = await aParticipant();
      const address = newAddress();
      const answers = await Promise.all(
        Array.from({ length: 300 }, () => login(address, email, 'not-the-password')),
      );
      const codes = answers.map((answer) => answer.errors?.[0].extensions?.code);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((code) => code === 'FORBIDDEN')).toHaveLength(295);

      const right = await login(address, email, PASSWORD);
      expect(right.errors![0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'TOO_MANY_ATTEMPTS',
      });
      expect(right.errors![0].message).toMatch(/try again in 1[45] minutes/);
    });

    it("does not let a stranger's failures lock the holder out", async () => {
      const { email } = await aParticipant();
      const stranger = newAddress();
      for (let i = 0; i < 12; i++) await login(stranger, email, `guess-${i}`);
      expect(errorCode(await login(stranger, email, PASSWORD))).toBe('FORBIDDEN');
      // The holder, from their own address, is not concerned.
      const holder = await login(newAddress(), email, PASSWORD);
      expect(holder.errors).toBeUndefined();
      expect(holder.data!.login.user.email).toBe(email);
    });

    it('keeps a trusted device working when many addresses have used up the account', async () => {
      const { email } = await aParticipant();
      const first = await deviceLogin(newAddress(), email, PASSWORD);
      const deviceToken = first.data!.login.deviceToken as string;
      expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Browsers get it as a cookie only script cannot read, sent back only to this site.
      const cookie = ([] as string[])
        .concat(first.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('device_token='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/graphql/);

      // Six addresses, five guesses each, all at once: the 30 that untrusted clients share.
      const guesses = await Promise.all(
        Array.from({ length: 6 }, () => newAddress()).flatMap((address) =>
          Array.from({ length: 5 }, (_, i) => login(address, email, `guess-${i}`)),
        ),
      );
      expect(guesses.map(errorCode)).toEqual(Array(30).fill('UNAUTHENTICATED'));
      const untrusted = await login(newAddress(), email, PASSWORD);
      expect(untrusted.errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
      // From the trusted device, anywhere: by the token in the input, or by the cookie.
      expect(
        (await deviceLogin(newAddress(), email, PASSWORD, deviceToken)).errors,
      ).toBeUndefined();
      const byCookie = await from(
        newAddress(),
        DEVICE_LOGIN,
        { input: { email, password: PASSWORD } },
        { cookie: cookie!.split(';')[0] },
      );
      expect(byCookie.errors).toBeUndefined();
      expect(byCookie.data!.login.deviceToken).toBe(deviceToken);
      // A device token trusted by another account does not help here.
      const other = await aParticipant();
      const otherDevice = (await deviceLogin(newAddress(), other.email, PASSWORD)).data!.login
        .deviceToken;
      expect(errorCode(await deviceLogin(newAddress(), email, PASSWORD, otherDevice))).toBe(
        'FORBIDDEN',
      );
    });

    it('refuses a client address after 100 failed logins in a day, whatever the accounts', async () => {
      const address = newAddress();
      // 100 failures already counted (each real one costs a scrypt hash: ~20 s in all).
      const limits = t.app.get(RateLimits);
      const rule = { name: 'login-address', points: 100, windowSeconds: 24 * 3600 };
      for (let i = 0; i < 100; i++) expect(await limits.take(rule, address)).toBe(0);
      const { email } = await aParticipant();
      const refused = await login(address, email, PASSWORD);
      expect(refused.errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
      expect(refused.errors![0].message).toMatch(/try again in 24 hours/);
      expect((await login(newAddress(), email, PASSWORD)).errors).toBeUndefined();
    });
  });

  describe('login links', () => {
    it('gives exactly one token for 20 concurrent redemptions of one link', async () => {
      const { email } = await aParticipant();
      await t.ok(REQUEST_LINK, { input: { email } });
      const token = await tokenMailedTo(email, MailTemplate.LOGIN_LINK);
      const address = newAddress();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => from(address, EXCHANGE_LINK, { input: { token } })),
      );
      const tokens = answers.filter((answer) => !answer.errors);
      expect(tokens).toHaveLength(1);
      expect(answers.filter((answer) => errorCode(answer) === 'UNAUTHENTICATED')).toHaveLength(19);
      expect((await t.ok(ME, {}, tokens[0].data!.exchangeLoginLink.token)).me.email).toBe(email);
    });

    it('limits the links one client may try', async () => {
      const address = newAddress();
      const tries = [];
      for (let i = 0; i < 31; i++) {
        tries.push(
          await from(address, EXCHANGE_LINK, {
            input: { token: randomBytes(32).toString('base64url') },
          }),
        );
      }
      expect(tries.slice(0, 30).map(errorCode)).toEqual(Array(30).fill('UNAUTHENTICATED'));
      expect(tries[30].errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
    });
  });

  describe('sessions', () => {
    it("ends the account's other sessions when its password changes", async () => {
      const account = await anAccount(t, 'ORGANIZER');
      const laptop = account.token;
      const phone = await t.login(account.email, PASSWORD);
      const wrong = await t.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: 'not-it', newPassword: 'a-new-password-2' } },
        laptop,
      );
      expect(wrong.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'currentPassword',
      });
      expect((await t.ok(ME, {}, phone)).me.email).toBe(account.email);

      await t.ok(
        CHANGE_PASSWORD,
        { input: { currentPassword: PASSWORD, newPassword: 'a-new-password-2' } },
        laptop,
      );
      expect(errorCode(await t.gql(ME, {}, phone))).toBe('UNAUTHENTICATED');
      expect((await t.ok(ME, {}, laptop)).me.email).toBe(account.email);
      expect(
        errorCode(await t.gql(LOGIN, { input: { email: account.email, password: PASSWORD } })),
      ).toBe('UNAUTHENTICATED');
      await t.login(account.email, 'a-new-password-2');
      expect(
        errorCode(
          await t.gql(CHANGE_PASSWORD, {
            input: { currentPassword: PASSWORD, newPassword: 'a-new-password-3' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
    });

    it('ends every session on logoutEverywhere', async () => {
      const account = await anAccount(t, 'TRAINER');
      const other = await t.login(account.email, PASSWORD);
      expect(
        (await t.ok(`mutation { logoutEverywhere }`, {}, account.token)).logoutEverywhere,
      ).toBe(true);
      expect(errorCode(await t.gql(ME, {}, account.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ME, {}, other))).toBe('UNAUTHENTICATED');
      await t.login(account.email, PASSWORD);
    });

    it('deletes expired sessions, spent links and ended rate-limit windows', async () => {
      const { id: userId, person } = await aParticipant();
      const em = orm.em.fork();
      const past = new Date(Date.now() - 60_000);
      const future = new Date(Date.now() + 3600_000);
      const hash = () => randomBytes(32).toString('hex');
      em.create(AuthSession, { tokenHash: hash(), user: userId, expiresAt: past });
      const liveSession = em.create(AuthSession, {
        tokenHash: hash(),
        user: userId,
        expiresAt: future,
      });
      em.create(LoginLink, { tokenHash: hash(), person: person.id, expiresAt: past });
      em.create(LoginLink, {
        tokenHash: hash(),
        person: person.id,
        expiresAt: future,
        usedAt: past,
      });
      const liveLink = em.create(LoginLink, {
        tokenHash: hash(),
        person: person.id,
        expiresAt: future,
      });
      em.create(EmailChange, {
        tokenHash: hash(),
        user: userId,
        newEmail: 'x@example.org',
        expiresAt: past,
      });
      em.create(TrustedDevice, { tokenHash: hash(), user: userId, expiresAt: past });
      em.create(RateLimitCounter, { id: `test:${hash()}`, hits: 3, resetsAt: Date.now() - 1000 });
      const liveCounter = em.create(RateLimitCounter, {
        id: `test:${hash()}`,
        hits: 3,
        resetsAt: Date.now() + 60_000,
      });
      await em.flush();

      const counts = await t.app.get(AccountsCleanup).run();
      expect(counts.sessions).toBeGreaterThanOrEqual(1);
      expect(counts.loginLinks).toBeGreaterThanOrEqual(2);
      expect(counts.emailChanges).toBeGreaterThanOrEqual(1);
      expect(counts.trustedDevices).toBeGreaterThanOrEqual(1);
      expect(counts.rateLimits).toBeGreaterThanOrEqual(1);
      const after = orm.em.fork();
      const now = new Date();
      expect(await after.count(AuthSession, { expiresAt: { $lte: now } })).toBe(0);
      expect(
        await after.count(LoginLink, {
          $or: [{ usedAt: { $ne: null } }, { expiresAt: { $lte: now } }],
        }),
      ).toBe(0);
      expect(await after.count(EmailChange, { expiresAt: { $lte: now } })).toBe(0);
      expect(await after.count(TrustedDevice, { expiresAt: { $lte: now } })).toBe(0);
      expect(await after.count(RateLimitCounter, { resetsAt: { $lte: Date.now() } })).toBe(0);
      // What is still usable stays.
      expect(await after.count(AuthSession, liveSession.id)).toBe(1);
      expect(await after.count(LoginLink, liveLink.id)).toBe(1);
      expect(await after.count(RateLimitCounter, liveCounter.id)).toBe(1);
    });
  });

  describe('changing the login email', () => {
    it('changes it, and the person’s, only once the new address confirms', async () => {
      const { email, token, person } = await aParticipant();
      const newEmail = `new.${randomUUID().slice(0, 8)}@example.uz`;
      expect(
        (await t.ok(REQUEST_EMAIL_CHANGE, { input: { newEmail: newEmail.toUpperCase() } }, token))
          .requestEmailChange,
      ).toBe(true);
      const [mail] = await orm.em
        .fork()
        .find(OutboxMessage, { template: MailTemplate.EMAIL_CHANGE, toEmail: newEmail });
      expect(mail.subject).toBe('Confirm your new email address');
      expect(mail.personId).toBe(person.id);
      expect(mail.text).toContain(newEmail);
      const link = await tokenMailedTo(newEmail, MailTemplate.EMAIL_CHANGE);
      // Nothing changes before the link is used; opening it (a mail scanner) changes nothing.
      expect((await t.ok(ME, {}, token)).me.email).toBe(email);
      const page = await t.http().get(`/email-change/${link}`).set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<div id="root">');
      expect((await t.ok(ME, {}, token)).me.email).toBe(email);

      // The link is proof enough: it may be opened where the account is not logged in.
      const confirmed = await t.ok(CONFIRM_EMAIL_CHANGE, { input: { token: link } });
      expect(confirmed.confirmEmailChange.email).toBe(newEmail);
      expect((await t.ok(ME, {}, token)).me).toMatchObject({
        email: newEmail,
        person: { email: newEmail },
      });
      await t.login(newEmail, PASSWORD);
      expect(errorCode(await t.gql(LOGIN, { input: { email, password: PASSWORD } }))).toBe(
        'UNAUTHENTICATED',
      );
      const again = await t.gql(CONFIRM_EMAIL_CHANGE, { input: { token: link } });
      expect(again.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_TOKEN',
      });
    });

    it('refuses an address that another account or person has, even one taken after the request', async () => {
      const { token, email } = await aParticipant();
      const taken = await t.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: ADMIN.email } }, token);
      expect(taken.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newEmail',
        reason: 'EMAIL_TAKEN',
      });

      const newEmail = `later.${randomUUID().slice(0, 8)}@example.kz`;
      await t.ok(REQUEST_EMAIL_CHANGE, { input: { newEmail } }, token);
      const link = await tokenMailedTo(newEmail, MailTemplate.EMAIL_CHANGE);
      await aPerson().withEmail(newEmail).create(t);
      const late = await t.gql(CONFIRM_EMAIL_CHANGE, { input: { token: link } });
      expect(late.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN_MEANWHILE',
      });
      expect((await t.ok(ME, {}, token)).me.email).toBe(email);
      expect(
        errorCode(await t.gql(REQUEST_EMAIL_CHANGE, { input: { newEmail: 'x@example.org' } })),
      ).toBe('UNAUTHENTICATED');
    });

    it("follows an admin's change of a person's email (updatePerson)", async () => {
      const { email, person, id } = await aParticipant();
      await t.ok(REQUEST_LINK, { input: { email } });
      const oldLink = await tokenMailedTo(email, MailTemplate.LOGIN_LINK);
      const port = t.app.get(PersonAccountsPort).accounts;
      const nobody = (await aPerson().create(t)).id;
      expect(await port.withAccount(orm.em.fork(), [person.id, nobody])).toEqual(
        new Set([person.id]),
      );

      const UPDATE = `mutation($id: ID!, $email: String!) { updatePerson(id: $id, input: { email: $email }) { email } }`;
      await t.ok(UPDATE, { id: person.id, email: 'Renamed@Example.UZ' }, t.adminToken);
      expect((await orm.em.fork().findOneOrFail(User, id)).email).toBe('renamed@example.uz');
      await t.login('renamed@example.uz', PASSWORD);
      // The link mailed to the old address no longer logs anyone in.
      expect(errorCode(await t.gql(EXCHANGE_LINK, { input: { token: oldLink } }))).toBe(
        'UNAUTHENTICATED',
      );
      // Another account's login email is not given to this person.
      const taken = await t.gql(UPDATE, { id: person.id, email: ADMIN.email }, t.adminToken);
      expect(taken.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'email',
        reason: 'EMAIL_TAKEN',
      });
      expect((await orm.em.fork().findOneOrFail(User, id)).email).toBe('renamed@example.uz');
    });
  });
});
