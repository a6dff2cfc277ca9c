import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, ClientRequest, request } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort } from './support/free-port';

const ROOT = resolve(__dirname, '..');

/** What became of one request: an answer read to its end, or a connection refused or reset before any answer. */
type Outcome =
  | { kind: 'answered'; status: number; body: string; connection?: string }
  | { kind: 'refused'; code: string }
  | { kind: 'broken'; detail: string };

/**
 * POSTs a GraphQL query. With `hold`, only the first half of the body goes out until
 * `finish()`: the server has begun the request and cannot have answered it yet.
 */
function post(
  agent: Agent,
  port: number,
  query: string,
  { hold = false } = {},
): { outcome: Promise<Outcome>; finish(): void } {
  const body = Buffer.from(JSON.stringify({ query }));
  let req!: ClientRequest;
  const outcome = new Promise<Outcome>((done) => {
    req = request(
      {
        agent,
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
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
  });
  const half = Math.floor(body.length / 2);
  if (hold) req.write(body.subarray(0, half));
  else req.end(body);
  return { outcome, finish: () => req.end(body.subarray(half)) };
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

  // Starting compiles the app's TypeScript on the fly: slow while other tests run.
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
    const startBy = Date.now() + 90_000;
    while ((await post(agent, port, '{ __typename }').outcome).kind !== 'answered') {
      if (Date.now() > startBy || server.exitCode !== null) throw new Error(output.join(''));
      await sleep(200);
    }
    // 40 keep-alive connections, idle once these are answered.
    const warmUp = await Promise.all(
      Array.from(
        { length: 40 },
        () => post(agent, port, '{ editions(first: 1) { totalCount } }').outcome,
      ),
    );
    expect(warmUp.filter((o) => !(o.kind === 'answered' && o.status === 200))).toEqual([]);

    // Ten requests are running at the signal: their bodies arrive only after it. (Not
    // logins: the login limit would refuse many at once as a guesser's.)
    const editions = '{ editions(first: 1) { totalCount } }';
    const inFlight = Array.from({ length: 10 }, () => post(agent, port, editions, { hold: true }));
    await sleep(500);
    server.kill('SIGTERM');
    // Sent right after the signal, on the connections still open (or on new ones).
    const sentAfter = Array.from({ length: 50 }, (_, i) =>
      post(agent, port, i % 2 ? editions : '{ conferenceSeries { id } }'),
    );
    // The held bodies finish only once the server has taken the signal (a busy machine
    // may take longer than a fixed pause), so their answers come from a closing server.
    const noticedBy = Date.now() + 10_000;
    while (!output.join('').includes('SIGTERM: finishing') && Date.now() < noticedBy) {
      await sleep(20);
    }
    await sleep(100);
    inFlight.forEach((held) => held.finish());
    const running = await Promise.all(inFlight.map((held) => held.outcome));
    const after = await Promise.all(sentAfter.map((sent) => sent.outcome));
    // The deadline is cancelled once the process exits: a pending timer would keep jest's worker alive.
    const deadline = new AbortController();
    const [code, signal] = await Promise.race([
      exited,
      sleep(30_000, undefined, { signal: deadline.signal }).then(() =>
        Promise.reject(new Error(`Still running:\n${output.join('')}`)),
      ),
    ]).finally(() => deadline.abort());
    agent.destroy();

    for (const outcome of running) {
      // Answered, and told not to reuse the connection.
      expect(outcome).toMatchObject({ kind: 'answered', status: 200, connection: 'close' });
      if (outcome.kind === 'answered')
        expect(JSON.parse(outcome.body).data.editions.totalCount).toEqual(expect.any(Number));
    }
    for (const outcome of after) {
      expect(outcome.kind).not.toBe('broken');
      if (outcome.kind === 'answered') {
        expect(outcome.status).toBe(200);
        expect(JSON.parse(outcome.body).errors).toBeUndefined();
      }
    }
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const said = output.join('');
    expect(said).not.toMatch(/ERROR|aborted/i);
    expect(said).toMatch(/SIGTERM/);
  }, 120_000);
});
