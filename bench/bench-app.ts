import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '@platform/core';
import { createApp } from '../apps/api/src/bootstrap';
import { createBenchDatabase } from './bench-database';
import { post } from './http-load';

export const BENCH_ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };

export interface BenchApp {
  app: INestApplication;
  orm: MikroORM;
  port: number;
  /** SQLite or PostgreSQL, for the printed tables. */
  dbLabel: string;
  /** A bearer token of BENCH_ADMIN, obtained over HTTP as a client would. */
  adminToken: string;
  close(): Promise<void>;
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
    const started = app;
    return {
      app,
      orm: app.get(MikroORM),
      port,
      dbLabel: database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      adminToken: answer.data.login.token,
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

/** A markdown table: first column left-aligned, the figures right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? ':' : '-') + '-'.repeat(w) + (c === 0 ? '-' : ':')).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
