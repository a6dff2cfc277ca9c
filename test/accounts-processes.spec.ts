import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort } from './support/free-port';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const ROOT = resolve(__dirname, '..');
const ADMIN = { email: 'admin@processes.test', password: 'admin-password-1' };
const PASSWORD = 'a-long-password-1';

interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: string[];
}

/**
 * Production runs several API processes on one PostgreSQL: the rate limits and the
 * single-use links must hold across them, not per process.
 */
(onPostgres ? describe : describe.skip)('two API processes on one PostgreSQL', () => {
  let database: TestDatabase;
  const apis: ApiProcess[] = [];
  const killAll = () =>
    apis.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL'));

  async function startApi(): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATA_DIR: `${database.dataDir}/api-${port}`,
        MAIL_WORKER: 'off',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        VERIFY_RATE_LIMIT: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = { child, url: `http://127.0.0.1:${port}`, output: [] as string[] };
    child.stdout?.on('data', (chunk: Buffer) => api.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => api.output.push(chunk.toString()));
    apis.push(api);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`API exited: ${api.output.join('')}`);
      const ready = await fetch(`${api.url}/ready`).then(
        (res) => res.ok,
        () => false,
      );
      if (ready) return api;
      if (Date.now() > deadline) throw new Error(`API not ready: ${api.output.join('')}`);
      await sleep(200);
    }
  }

  async function gql(api: ApiProcess, query: string, variables?: object, token?: string) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: Record<string, any>;
      errors?: { message: string; extensions: { code: string; reason?: string } }[];
    };
  }

  const login = (api: ApiProcess, email: string, password: string) =>
    gql(api, `mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { email, password },
    });

  beforeAll(async () => {
    process.once('exit', killAll);
    database = await createTestDatabase();
    // One after the other: the first applies the migrations and creates the admin.
    await startApi();
    await startApi();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      apis.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    process.off('exit', killAll);
    await database?.drop();
  });

  /** A participant with a password, made by the admin on the first process. */
  async function aParticipant(email: string): Promise<void> {
    const admin = (await login(apis[0], ADMIN.email, ADMIN.password)).data!.login.token;
    const person = await gql(
      apis[0],
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { fullName: `Participant ${email}`, country: 'UZ', email } },
      admin,
    );
    const created = await gql(
      apis[0],
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email,
          password: PASSWORD,
          role: 'PARTICIPANT',
          personId: person.data!.createPerson.id,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
  }

  it('counts wrong passwords sent to either process against one limit', async () => {
    await aParticipant('alternating@example.uz');
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await login(apis[i % 2], 'alternating@example.uz', `guess-${i}`);
      codes.push(answer.errors![0].extensions.code);
    }
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('FORBIDDEN')]);
    for (const api of apis) {
      const right = await login(api, 'alternating@example.uz', PASSWORD);
      expect(right.errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
    }
  });

  it('lets one login link in once, redeemed on both processes at once', async () => {
    await aParticipant('link@example.uz');
    const asked = await gql(
      apis[1],
      `mutation { requestLoginLink(input: { email: "link@example.uz" }) }`,
    );
    expect(asked.errors).toBeUndefined();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ text: string }>(
      `select text from outbox_message where template = 'LOGIN_LINK' and to_email = $1`,
      ['link@example.uz'],
    );
    await client.end();
    const token = /\/login-link\/([A-Za-z0-9_-]+)/.exec(rows[0].text)![1];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(
          apis[i % 2],
          `mutation($token: String!) { exchangeLoginLink(input: { token: $token }) { token } }`,
          { token },
        ),
      ),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(
      answers.filter((answer) => answer.errors?.[0].extensions.code === 'UNAUTHENTICATED'),
    ).toHaveLength(19);
  });

  it('limits the verification page over both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await fetch(`${apis[i % 2].url}/verify/ABCD-EFGH-JKMN-PQRS-TVWX`)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
