import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '@platform/core';
import { createApp } from '../apps/api/src/bootstrap';
import { createBenchDatabase, databaseLabel } from './bench-database';
import { DatabaseLabel } from './figures';
import { post } from './http-load';

export const BENCH_ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };

export interface BenchApp {
  app: INestApplication;
  orm: MikroORM;
  port: number;
  /** SQLite or PostgreSQL, for the printed tables and the figures. */
  dbLabel: DatabaseLabel;
  /** A bearer token of BENCH_ADMIN, obtained over HTTP as a client would. */
  adminToken: string;
  close(): Promise<void>;
}

/** A bearer token of BENCH_ADMIN from the server on `port`, logged in as a client would. */
export async function adminToken(port: number): Promise<string> {
  const login = await post(
    port,
    '/graphql',
    JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: BENCH_ADMIN },
    }),
  );
  const answer = JSON.parse(login.body.toString('utf8')) as {
    data?: { login: { token: string } };
  };
  if (!answer.data) throw new Error(`Login failed: ${login.body.toString('utf8')}`);
  return answer.data.login.token;
}

/**
 * The app as `npm start` builds it (migrations, first admin), on a fresh database
 * (a new one on the PostgreSQL server at `databaseUrl`, else SQLite in a temp folder),
 * listening on 127.0.0.1.
 */
export async function startBenchApp(databaseUrl?: string): Promise<BenchApp> {
  const database = await createBenchDatabase(databaseUrl);
  let app: INestApplication | undefined;
  try {
    app = await createApp(
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.url,
        ADMIN_EMAIL: BENCH_ADMIN.email,
        ADMIN_PASSWORD: BENCH_ADMIN.password,
      }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const started = app;
    return {
      app,
      orm: app.get(MikroORM),
      port,
      dbLabel: databaseLabel(databaseUrl),
      adminToken: await adminToken(port),
      close: async () => {
        await started.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
}

/**
 * A markdown table: by default the first column left-aligned and the figures
 * right-aligned; `left` names further columns (by index) to align left.
 */
export function table(rows: string[][], left: number[] = []): string {
  const isLeft = (c: number) => c === 0 || left.includes(c);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => (isLeft(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (isLeft(c) ? ':' : '-') + '-'.repeat(w) + (isLeft(c) ? '-' : ':')).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
