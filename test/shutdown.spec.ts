import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const ROOT = resolve(__dirname, '..');

/** What became of one request: an answer read to its end, or a connection refused or reset before any answer. */
type Outcome =
  | { kind: 'answered'; status: number; body: string; connection?: string }
  | { kind: 'refused'; code: string }
  | { kind: 'broken'; detail: string };

function post(agent: Agent, port: number, query: string): Promise<Outcome> {
  return new Promise((done) => {
    const body = JSON.stringify({ query });
    const req = request(
      {
        agent,
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        // An answer cut off after its headers is what must never happen.
        res.on('aborted', () => done({ kind: 'broken', detail: 'answer aborted' }));
        res.on('error', (error) => done({ kind: 'broken', detail: error.message }));
        res.on('end', () =>
          done({
            kind: 'answered',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            connection: res.headers.connection,
          }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      done(
        ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(error.code ?? '')
          ? { kind: 'refused', code: error.code! }
          : { kind: 'broken', detail: error.message },
      ),
    );
    req.end(body);
  });
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `npm start`'s server as a process of its own, stopped with SIGTERM while clients
 * hold keep-alive connections and keep sending on them.
 */
describe('shutdown on SIGTERM', () => {
  let database: TestDatabase;
  let server: ChildProcess | undefined;
  const output: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await database.drop();
  });

  it('answers every request in flight or on an open connection, refuses the rest at the connection, closes the database and exits with 0', async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATA_DIR: database.dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    for (let attempt = 0; ; attempt++) {
      const outcome = await post(agent, port, '{ __typename }');
      if (outcome.kind === 'answered') break;
      if (attempt > 200 || server.exitCode !== null) throw new Error(output.join(''));
      await sleep(200);
    }
    // 40 keep-alive connections, idle once these are answered.
    const warmUp = await Promise.all(
      Array.from({ length: 40 }, () => post(agent, port, '{ editions(first: 1) { totalCount } }')),
    );
    expect(warmUp.every((o) => o.kind === 'answered' && o.status === 200)).toBe(true);

    // Logins take a while (password hashing): ten of them are running at the signal.
    const login = `mutation { login(input: { email: "${ADMIN.email}", password: "${ADMIN.password}" }) { token } }`;
    const inFlight = Array.from({ length: 10 }, () => post(agent, port, login));
    await sleep(30);
    server.kill('SIGTERM');
    // Sent right after the signal, on the connections still open (or on new ones).
    const after = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(agent, port, i % 2 ? '{ editions(first: 1) { totalCount } }' : login),
      ),
    );
    const [code, signal] = await exited;
    agent.destroy();

    const running = await Promise.all(inFlight);
    for (const outcome of running) {
      expect(outcome).toMatchObject({ kind: 'answered', status: 200 });
      if (outcome.kind === 'answered')
        expect(JSON.parse(outcome.body).data.login.token).toEqual(expect.any(String));
    }
    for (const outcome of after) {
      expect(outcome.kind).not.toBe('broken');
      if (outcome.kind === 'answered') {
        expect(outcome.status).toBe(200);
        expect(JSON.parse(outcome.body).errors).toBeUndefined();
      }
    }
    // Answers given while stopping tell their clients not to reuse the connection.
    const answered = [...running, ...after].filter((o) => o.kind === 'answered');
    expect(answered.filter((o) => o.connection === 'close').length).toBeGreaterThan(0);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const said = output.join('');
    expect(said).not.toMatch(/ERROR|aborted/i);
    expect(said).toMatch(/SIGTERM/);
  });
});
