import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { table } from './bench-app';
import { databaseLabel } from './bench-database';
import { benchEditionRead } from './edition-read';
import { BenchOptions, DatabaseLabel, Figure, goalMet, goalText, ratioOf } from './figures';
import { benchStartup } from './startup';
import { benchCertificateZip } from './certificate-zip';
import { benchCertificates } from './certificates';
import { benchIndicators } from './indicators';
import { benchMail } from './mail';
import { benchRosterImport } from './roster-import';

/**
 * `npm run bench`: runs every benchmark (those that use a database once per database:
 * SQLite, and PostgreSQL when BENCH_DATABASE_URL is set), lets each print its own
 * detail, then prints one summary table of every figure with its baseline, ratio and
 * goal, and writes the same as JSON. See bench/README.md.
 */

interface Benchmark {
  name: string;
  /** Runs once per database; otherwise once, without one. */
  perDatabase: boolean;
  run(options: BenchOptions): Promise<Figure[]>;
}

// Start-up first: it measures a fresh process, best on a machine not yet busy with the others.
const BENCHMARKS: Benchmark[] = [
  { name: 'startup', perDatabase: true, run: benchStartup },
  { name: 'edition-read', perDatabase: true, run: benchEditionRead },
  { name: 'indicators', perDatabase: true, run: benchIndicators },
  { name: 'roster-import', perDatabase: true, run: benchRosterImport },
  { name: 'mail', perDatabase: true, run: benchMail },
  { name: 'certificate-zip', perDatabase: true, run: benchCertificateZip },
  { name: 'certificates', perDatabase: false, run: benchCertificates },
];

const USAGE = `usage: npm run bench [-- [--quick] [--strict] [--json <file>] [--only <name,...>]]
  --quick   smaller sizes and shorter runs, the same figures (about a minute per database)
  --strict  exit with 1 when a goal is not met (a broken benchmark always does)
  --json    where to write the results (default bench/results/latest.json)
  --only    run only these benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}
PostgreSQL too: BENCH_DATABASE_URL=postgresql://user@host:5432/postgres npm run bench`;

interface Args {
  quick: boolean;
  strict: boolean;
  json: string;
  only?: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, strict: false, json: join(__dirname, 'results/latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') args.quick = true;
    else if (arg === '--strict') args.strict = true;
    else if (arg === '--json') args.json = resolve(value());
    else if (arg === '--only') {
      args.only = value().split(',');
      const unknown = args.only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
      if (unknown.length) throw new UsageError(`no benchmark named ${unknown.join(', ')}`);
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  return args;
}

class UsageError extends Error {}

/** One benchmark on one database (or none): its figures, or why it broke. */
interface Outcome {
  benchmark: string;
  database?: DatabaseLabel;
  seconds: number;
  figures: Figure[];
  error?: string;
}

/** Three significant figures, whole numbers from 100 on: 0.0123, 1.23, 12.3, 123, 12345. */
function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100 || abs === 0) return value.toFixed(0);
  return abs >= 10 ? value.toFixed(1) : value.toPrecision(3);
}

function summaryTable(outcomes: Outcome[]): string {
  const rows = [['work', 'database', 'figure', 'baseline', 'ratio', 'goal', 'met']];
  for (const outcome of outcomes) {
    for (const figure of outcome.figures) {
      const ratio = ratioOf(figure);
      const met = goalMet(figure);
      rows.push([
        figure.work,
        figure.database ?? '',
        `${formatNumber(figure.value)} ${figure.unit}`,
        figure.baseline
          ? `${formatNumber(figure.baseline.value)} ${figure.unit} (${figure.baseline.name})`
          : '',
        ratio === undefined ? '' : `${formatNumber(ratio)}×`,
        goalText(figure.goal, figure.unit),
        met === undefined ? '' : met ? 'yes' : 'NO',
      ]);
    }
    if (outcome.error)
      rows.push([outcome.benchmark, outcome.database ?? '', 'BROKEN', '', '', '', '']);
  }
  // Words left, figures right.
  return table(rows, [1, 3, 5, 6]);
}

/** One run: what it was asked, what it will run, and what it measured so far. */
interface Run {
  args: Args;
  databases: DatabaseLabel[];
  steps: Step[];
  outcomes: Outcome[];
  startedAt: Date;
}

interface Step {
  benchmark: Benchmark;
  database?: DatabaseLabel;
  url?: string;
}

/** The database benchmarks once per database (SQLite first), the others once. */
function plan(args: Args, servers: (string | undefined)[]): Step[] {
  return BENCHMARKS.filter((b) => !args.only || args.only.includes(b.name)).flatMap(
    (benchmark): Step[] =>
      benchmark.perDatabase
        ? servers.map((url) => ({ benchmark, database: databaseLabel(url), url }))
        : [{ benchmark }],
  );
}

interface Report {
  date: string;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  quick: boolean;
  databases: DatabaseLabel[];
  seconds: number;
  complete: boolean;
  /** Each benchmark's wall time, per database: what a --quick run spends where. */
  timings: { benchmark: string; database?: DatabaseLabel; seconds: number }[];
  figures: (Figure & { ratio?: number; met?: boolean })[];
  broken: { benchmark: string; database?: DatabaseLabel; error: string }[];
  unmet: number;
}

function report({ args, databases, steps, outcomes, startedAt }: Run): Report {
  const figures = outcomes.flatMap((o) =>
    o.figures.map((figure) => ({ ...figure, ratio: ratioOf(figure), met: goalMet(figure) })),
  );
  return {
    date: startedAt.toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    quick: args.quick,
    databases,
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    complete: outcomes.length === steps.length,
    timings: outcomes.map(({ benchmark, database, seconds }) => ({ benchmark, database, seconds })),
    figures,
    broken: outcomes
      .filter((o) => o.error)
      .map((o) => ({ benchmark: o.benchmark, database: o.database, error: o.error ?? '' })),
    unmet: figures.filter((f) => f.met === false).length,
  };
}

/** Prints the summary and writes the JSON, whether the run completed or was cut short; the exit code. */
function finish(run: Run): number {
  const { args, outcomes } = run;
  const result = report(run);
  console.log(
    `\n# Summary: node ${result.node}, ${result.cpus} CPU(s) (${result.cpuModel}), ` +
      `${result.databases.join(' and ')}${args.quick ? ', --quick' : ''}, ${result.seconds} s\n`,
  );
  console.log(summaryTable(outcomes));
  const unmet = result.figures.filter((f) => f.met === false);
  if (unmet.length) {
    console.log(`\nGoals not met (${unmet.length}):`);
    for (const f of unmet)
      console.log(
        `  - ${f.work}${f.database ? ` (${f.database})` : ''}: ${formatNumber(f.value)} ${f.unit}, ` +
          `goal ${goalText(f.goal, f.unit)}${f.ratio === undefined ? '' : `, ratio ${formatNumber(f.ratio)}×`}`,
      );
  } else if (result.figures.length) console.log('\nEvery goal is met.');
  for (const broken of result.broken)
    console.error(
      `\nBROKEN: ${broken.benchmark}${broken.database ? ` on ${broken.database}` : ''}: ${broken.error}`,
    );
  if (!result.complete) console.error('\nThe run did not complete: some benchmarks did not run.');
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${args.json}`);
  const failed = result.broken.length > 0 || !result.complete || (args.strict && unmet.length > 0);
  return failed ? 1 : 0;
}

async function runAll({ args, steps, outcomes }: Run): Promise<void> {
  for (const { benchmark, database, url } of steps) {
    console.log(`\n## ${benchmark.name}${database ? ` (${database})` : ''}\n`);
    const start = Date.now();
    const outcome: Outcome = { benchmark: benchmark.name, database, seconds: 0, figures: [] };
    try {
      outcome.figures = await benchmark.run({ quick: args.quick, databaseUrl: url });
    } catch (error) {
      outcome.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${benchmark.name} broke: ${outcome.error}`);
    }
    outcome.seconds = (Date.now() - start) / 1000;
    outcomes.push(outcome);
    // Each benchmark starts on a heap cleared of the previous one's garbage.
    global.gc?.();
  }
}

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  // SQLite always; PostgreSQL too when a server is given.
  const servers = [undefined, process.env.BENCH_DATABASE_URL?.trim() || undefined].filter(
    (url, i) => i === 0 || url,
  );
  const run: Run = {
    args,
    databases: servers.map(databaseLabel),
    steps: plan(args, servers),
    outcomes: [],
    startedAt: new Date(),
  };

  // A hard bound on the whole run, whatever happens: the figures so far are still reported.
  const minutes = (args.quick ? 3 : 12) * servers.length;
  setTimeout(() => {
    console.error(`\nnpm run bench: gave up after ${minutes} minutes`);
    finish(run);
    process.exit(1);
  }, minutes * 60_000).unref();

  runAll(run).then(
    () => process.exit(finish(run)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

main();
