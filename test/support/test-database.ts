import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  kind: 'sqlite' | 'postgresql';
  url: string;
  /** A temp folder of its own: DATA_DIR of the app (mail written as .eml files lands here). */
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database per test file: a SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL points at PostgreSQL, a new database created on that server.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'platform-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (!server) {
    return {
      kind: 'sqlite',
      url: join(dir, 'test.sqlite'),
      dataDir: dir,
      drop: async () => removeDir(),
    };
  }
  const name = `platform_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.toString(),
    dataDir: dir,
    drop: async () => {
      removeDir();
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
