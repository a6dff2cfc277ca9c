import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseLabel } from './figures';

export interface BenchDatabase {
  kind: 'sqlite' | 'postgresql';
  /** DATABASE_URL for the app. */
  url: string;
  /** A temp folder for the app's DATA_DIR (and the SQLite file). */
  dataDir: string;
  drop(): Promise<void>;
}

/** How the figures name the database a server URL (or none) stands for. */
export function databaseLabel(server: string | undefined): DatabaseLabel {
  return server ? 'PostgreSQL' : 'SQLite';
}

/**
 * A fresh, empty database for one run: a SQLite file in a temp folder, or, when
 * BENCH_DATABASE_URL points at a PostgreSQL server, a new database created there
 * (as test/support/test-database.ts does) and dropped afterwards.
 */
export async function createBenchDatabase(server: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!server) {
    return {
      kind: 'sqlite',
      url: join(dataDir, 'bench.sqlite'),
      dataDir,
      drop: async () => removeDir(),
    };
  }
  if (!/^postgres(ql)?:\/\//.test(server)) {
    removeDir();
    throw new Error(`BENCH_DATABASE_URL must be a postgresql:// URL (got "${server}")`);
  }
  const name = `platform_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.toString(),
    dataDir,
    drop: async () => {
      removeDir();
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
