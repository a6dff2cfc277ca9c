import { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap';
import { AppConfig, loadConfig } from '@platform/core';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[];
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  /** POST /graphql as a real client would, with an optional bearer token. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns data. */
  ok<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<T>;
  login(email: string, password: string): Promise<string>;
  adminToken: string;
  /** Counts the SQL statements the database receives while `work` runs. */
  countQueries<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  http(): ReturnType<typeof request>;
  /** GET a file (PDF, ZIP, CSV) as raw bytes, with a bearer token if given. */
  download(path: string, token?: string): Promise<Download>;
  close(): Promise<void>;
}

export interface Download {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  existing?: TestDatabase,
): Promise<TestApp> {
  const database = existing ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  const server = app.getHttpServer();

  const gql = async (
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ) => {
    const req = request(server).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  };
  const ok = async (
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ) => {
    const res = await gql(query, variables, token, headers);
    if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data;
  };
  const login = async (email: string, password: string) => {
    const data = await ok(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { email, password },
    });
    return data.login.token as string;
  };

  const knex = (app.get(MikroORM).em.getConnection() as AbstractSqlConnection).getKnex();
  const countQueries = async <T>(work: () => Promise<T>) => {
    const statements: string[] = [];
    const listener = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listener);
    try {
      return { result: await work(), statements };
    } finally {
      knex.off('query', listener);
    }
  };

  const download = async (path: string, token?: string): Promise<Download> => {
    const req = request(server).get(path).buffer(true);
    req.parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req;
    return { status: res.status, body: res.body as Buffer, headers: res.headers };
  };

  const adminToken = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    config,
    database,
    gql,
    ok,
    login,
    adminToken,
    countQueries,
    http: () => request(server),
    download,
    close: async () => {
      await app.close();
      if (!existing) await database.drop();
    },
  };
}

/** The `extensions.code` of the first error, for asserting denials and bad input. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** The extensions of the first error: code, reason and, for bad input, the field at fault. */
export function problem(res: GraphQLResponse) {
  expect(res.errors).toBeDefined();
  return res.errors![0].extensions!;
}
