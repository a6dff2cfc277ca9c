import { ADMIN, startTestApp, TestApp } from './support/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id role } } }`;
const ME = `{ me { email role language } }`;

/** The web app's session: an httpOnly, SameSite=Strict cookie the API accepts beside bearer tokens. */
describe('the browser session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  const post = (query: string, variables: Record<string, unknown> = {}, cookie?: string) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    if (cookie) req.set('cookie', cookie);
    return req.send({ query, variables });
  };
  const sessionCookie = (setCookie: string[] | string | undefined) =>
    ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('session='));

  it('keeps the login in a cookie no script can read, which ends at logout', async () => {
    // The web app does not ask for the token: it never reaches page scripts.
    const login = await post(LOGIN, { input: ADMIN });
    expect(login.body.data.login.user.role).toBe('ADMIN');
    const cookie = sessionCookie(login.headers['set-cookie']);
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{20,}; /);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const session = cookie!.split(';')[0];

    const me = await post(ME, {}, session);
    expect(me.body.data.me).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    // Downloads in the browser carry the same cookie.
    const csv = await t.http().get('/trainings/indicators.csv').set('cookie', session);
    expect(csv.status).toBe(200);

    const logout = await post(`mutation { logout }`, {}, session);
    expect(logout.body.data.logout).toBe(true);
    expect(sessionCookie(logout.headers['set-cookie'])).toMatch(/^session=;/);
    // The session itself has ended, not only the cookie: sent again, it is nobody's.
    const after = await post(ME, {}, session);
    expect(after.status).toBe(200);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('treats an unknown or expired cookie as no login (and drops it), unlike a wrong bearer token', async () => {
    const stale = await post(`{ conferenceSeries { id } }`, {}, `session=${'x'.repeat(43)}`);
    expect(stale.status).toBe(200);
    expect(stale.body.errors).toBeUndefined();
    expect(sessionCookie(stale.headers['set-cookie'])).toMatch(/^session=;/);
    const bearer = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${'x'.repeat(43)}`)
      .send({ query: `{ conferenceSeries { id } }` });
    expect(bearer.status).toBe(401);
  });

  it('remembers the language chosen in the web app on the account', async () => {
    const login = await post(LOGIN, { input: ADMIN });
    const session = sessionCookie(login.headers['set-cookie'])!.split(';')[0];
    expect((await post(ME, {}, session)).body.data.me.language).toBeNull();
    await post(`mutation { setMyLanguage(language: UZ) { id } }`, {}, session);
    expect((await post(ME, {}, session)).body.data.me.language).toBe('UZ');
    const anonymous = await post(`mutation { setMyLanguage(language: RU) { id } }`);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
