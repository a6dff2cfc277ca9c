import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { table } from './bench-app';
import { BenchDatabase, createBenchDatabase, databaseLabel } from './bench-database';
import { BenchOptions, Figure } from './figures';
import { post } from './http-load';

/**
 * Start-up of the built server as `npm start` runs it: the time from spawning the
 * process to its first 200 from /ready, and its resident memory once it idles after
 * serving the web page and a GraphQL request. The context: a bare `node -e ""`.
 */

const ROOT = join(__dirname, '..');
const MAIN = 'dist/apps/api/apps/api/src/main.js';

const SIZE = {
  full: { restarts: 5 },
  quick: { restarts: 2 },
};

/** Idle time before each RSS reading: long enough for the requests' garbage to settle. */
const IDLE_MS = 5000;

/**
 * How long to wait for V8's memory reducer: about 30 s after the last full collection
 * of an idle process, it collects again and gives back the young generation's space
 * grown during start-up. What the process then keeps is its lasting idle size.
 */
const SETTLE_MS = 60_000;

const READY_GOAL_S = 2;
const RSS_GOAL_MB = 150;

/** A port free right now on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function get(port: number, path: string, accept = 'application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { accept };
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** /proc/<pid>/status VmRSS, in MB: the whole process, its threads included. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}

/**
 * User + system CPU time the process has used so far, in ms (/proc/<pid>/stat); with
 * `thread`, that thread's alone (/proc/<pid>/task/<thread>/stat; the main thread's id is the pid).
 */
export function cpuMs(pid: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const stat = readFileSync(path, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux the project runs on
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export interface Server {
  child: ChildProcess;
  pid: number;
  port: number;
  readyMs: number;
  cpuMsAtReady: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Spawns `node dist/…/main.js` on `database` (with `env` added, e.g. a first admin) and
 * waits for the first 200 from /ready.
 */
export async function startServer(
  database: BenchDatabase,
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  // Only what the server needs: nothing from the developer's environment (SMTP_URL, …).
  // SERVER_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    }
  };
  try {
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not spawn ${MAIN}`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the server was not ready within 60 s');
      const status = await get(port, '/ready').catch(() => 0);
      if (status === 200) break;
      await sleep(5);
    }
    const readyMs = Number(process.hrtime.bigint() - start) / 1e6;
    return {
      child,
      pid,
      port,
      readyMs,
      cpuMsAtReady: cpuMs(pid),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; its output:\n${output}`,
    );
  }
}

/**
 * Polls the RSS of the idle server until V8's memory reducer has given memory back
 * (a drop of over 5 MB, then steady for 2 s), or SETTLE_MS after the requests.
 */
async function settledRss(
  pid: number,
  before: number,
  since: number,
): Promise<{ rss: number; seconds: number }> {
  let rss = rssMb(pid);
  let steady = 0;
  while (Date.now() - since < SETTLE_MS) {
    await sleep(1000);
    const now = rssMb(pid);
    steady = rss < before - 5 && Math.abs(now - rss) < 1 ? steady + 1 : 0;
    rss = now;
    if (steady >= 2) break;
  }
  return { rss, seconds: (Date.now() - since) / 1000 };
}

/** `npm start` builds first when the sources changed (prestart): so does the benchmark. */
export function ensureBuilt(): void {
  try {
    execFileSync(process.execPath, ['apps/build.mjs', '--if-changed'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch {
    throw new Error(`could not build the server (node apps/build.mjs); ${MAIN} is needed`);
  }
}

function bareNodeMs(): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, ['-e', '']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function benchStartup(options: BenchOptions): Promise<Figure[]> {
  const size = options.quick ? SIZE.quick : SIZE.full;
  const label = databaseLabel(options.databaseUrl);
  ensureBuilt();
  const bareMs = median([bareNodeMs(), bareNodeMs(), bareNodeMs()]);
  const database = await createBenchDatabase(options.databaseUrl);
  try {
    // The first start creates the schema (every migration), as on a new installation.
    const first = await startServer(database);
    await first.stop();

    // Restarts find the schema up to date; the last one stays up to be measured idle.
    const restarts: Server[] = [];
    for (let i = 0; i < size.restarts; i++) {
      const server = await startServer(database);
      restarts.push(server);
      if (i < size.restarts - 1) await server.stop();
    }
    const server = restarts[restarts.length - 1];
    let idle: { atReady: number; idle: number; afterRequests: number };
    let settled: { rss: number; seconds: number };
    try {
      const atReady = rssMb(server.pid);
      await sleep(IDLE_MS);
      const idleRss = rssMb(server.pid);
      // What a first visitor does: the web page, then a GraphQL request.
      const page = await get(server.port, '/', 'text/html');
      const graphql = await post(
        server.port,
        '/graphql',
        JSON.stringify({ query: '{ __typename }' }),
      );
      if (page !== 200 || graphql.status !== 200)
        throw new Error(`the web page answered ${page}, /graphql ${graphql.status}`);
      const requested = Date.now();
      await sleep(IDLE_MS);
      idle = { atReady, idle: idleRss, afterRequests: rssMb(server.pid) };
      settled = await settledRss(server.pid, idle.afterRequests, requested);
    } finally {
      await server.stop();
    }

    const readyMs = median(restarts.map((s) => s.readyMs));
    console.log(
      table([
        ['start of the built server', 'ready ms', 'CPU ms at ready'],
        [
          'first start (new database: every migration)',
          first.readyMs.toFixed(0),
          first.cpuMsAtReady.toFixed(0),
        ],
        ...restarts.map((s, i) => [
          `restart ${i + 1} (schema up to date)`,
          s.readyMs.toFixed(0),
          s.cpuMsAtReady.toFixed(0),
        ]),
        ['bare `node -e ""` (median of 3)', bareMs.toFixed(0), ''],
      ]),
    );
    console.log(
      `\nRSS of the last restart: ${idle.atReady.toFixed(1)} MB at ready, ${idle.idle.toFixed(1)} MB after ` +
        `${IDLE_MS / 1000} s idle, ${idle.afterRequests.toFixed(1)} MB after the web page, a GraphQL ` +
        `request and ${IDLE_MS / 1000} s idle again, ${settled.rss.toFixed(1)} MB ${settled.seconds.toFixed(0)} s ` +
        `after the requests (${settled.rss < idle.afterRequests - 5 ? "after V8's memory reducer ran" : 'the memory reducer had not run'})`,
    );

    const bare = { name: 'bare node -e ""', value: bareMs / 1000 };
    return [
      {
        work: 'start, new database (migrations), to first 200 from /ready',
        database: label,
        unit: 's',
        value: first.readyMs / 1000,
        baseline: bare,
        goal: { kind: 'at-most', target: READY_GOAL_S },
      },
      {
        work: `restart, to first 200 from /ready (median of ${restarts.length})`,
        database: label,
        unit: 's',
        value: readyMs / 1000,
        baseline: bare,
        goal: { kind: 'at-most', target: READY_GOAL_S },
      },
      {
        work: `idle server, ${IDLE_MS / 1000} s after the web page and a GraphQL request`,
        database: label,
        unit: 'MB RSS',
        value: idle.afterRequests,
        // For context: the young generation grown during start-up is still held. The goal,
        // what an idle server keeps, is on the settled figure below.
      },
      {
        work: "idle server, settled (after V8's memory reducer)",
        database: label,
        unit: 'MB RSS',
        value: settled.rss,
        goal: { kind: 'at-most', target: RSS_GOAL_MB },
      },
    ];
  } finally {
    await database.drop();
  }
}
