import http from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A small closed-loop HTTP load generator: `concurrency` keep-alive connections,
 * each sending the next POST as soon as the previous answer has been read in full.
 * It only ever talks to 127.0.0.1 and stops issuing requests at its deadline.
 */
export interface LoadOptions {
  port: number;
  path: string;
  body: string;
  headers?: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Answers of another length count as errors (the answer is the same every time). */
  expectedBytes?: number;
  timeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

const HOST = '127.0.0.1';

/** One POST to the local server, answer read in full. */
export function post(
  port: number,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  agent?: http.Agent,
  timeoutMs = 10_000,
): Promise<HttpAnswer> {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port,
        path,
        method: 'POST',
        // One-off requests get a fresh connection: Node's global agent keeps sockets
        // alive, and one the server closed while a bench was seeding fails with ECONNRESET.
        agent: agent ?? false,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': String(payload.length),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer from ${HOST}:${port}${path} within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Nearest-rank percentile (q from 0 to 1) of values sorted ascending. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Runs the closed loop in the calling thread: a warm-up (discarded), then the measured phase. */
export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const body = Buffer.from(options.body);

  const phase = async (ms: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(ms) * 1_000_000n;
    const connection = async () => {
      while (process.hrtime.bigint() < deadline) {
        const sent = process.hrtime.bigint();
        try {
          const answer = await post(
            options.port,
            options.path,
            body,
            options.headers,
            agent,
            options.timeoutMs,
          );
          const ok =
            answer.status === 200 &&
            (options.expectedBytes === undefined || answer.body.length === options.expectedBytes);
          if (ok) latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
          else errors++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, connection));
    // Requests in flight at the deadline are finished and counted, so the elapsed time includes them.
    return { latencies, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };

  try {
    await phase(options.warmupMs);
    const measured = await phase(options.durationMs);
    const sorted = Float64Array.from(measured.latencies).sort();
    return {
      requests: sorted.length,
      errors: measured.errors,
      seconds: measured.seconds,
      requestsPerSecond: sorted.length / measured.seconds,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Runs the closed loop in a worker thread, so that the load generator gets its own
 * core instead of competing with the server under test for the main event loop.
 */
export function runLoadInWorker(options: LoadOptions): Promise<LoadResult> {
  // An eval'd worker loads the TypeScript entry through the same register hook as `npm run bench`.
  const source = `require(${JSON.stringify(require.resolve('@swc-node/register'))});
require(${JSON.stringify(join(__dirname, 'load-worker.ts'))});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: options });
    let result: LoadResult | undefined;
    worker.once('message', (message: LoadResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`the load worker exited with code ${code} and no result`)),
    );
  });
}
