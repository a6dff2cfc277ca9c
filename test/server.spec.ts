import { MikroORM } from '@mikro-orm/core';
import request from 'supertest';
import { aPerson } from './factories';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startTestApp } from './support/test-app';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '@platform/core';

describe('the server', () => {
  it('answers /health and /ready, and serves the web app and an offline GraphiQL beside the API', async () => {
    const t = await startTestApp();
    try {
      await t.http().get('/health').expect(200, { status: 'ok' });
      await t.http().get('/ready').expect(200, { status: 'ready' });
      // Every page a browser opens is the web app; its router shows the page.
      for (const path of ['/', '/editions/x', '/login-link/abc?lang=ru', '/verify/ABCD']) {
        const page = await t.http().get(path).set('accept', 'text/html').expect(200);
        expect(page.text).toContain('<div id="root">');
      }
      // What asks for JSON, downloads and the API's own paths are the API's.
      await t.http().get('/verify/ABCD').set('accept', 'application/json').expect(404);
      await t.http().get('/documents/certificates/x.pdf').set('accept', 'text/html').expect(400);
      for (const path of ['/graphiql', '/']) {
        const page = await t.http().get(path).set('accept', 'text/html').expect(200);
        // Every script and stylesheet comes from this server, none from a CDN.
        const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
        expect(assets.length).toBeGreaterThanOrEqual(2);
        for (const asset of assets) {
          expect(asset).toMatch(/^\/(assets\/|favicon\.svg$)/);
          const res = await t.http().get(asset).expect(200);
          if (asset.startsWith('/assets/'))
            expect(res.headers['cache-control']).toContain('immutable');
        }
      }
      await t.http().get('/assets/missing.js').expect(404);
      const introspection = await t.gql('{ __schema { queryType { name } } }');
      expect(introspection.data.__schema.queryType.name).toBe('Query');
    } finally {
      await t.close();
    }
  });

  it('turns the IDE and introspection off in production', async () => {
    const t = await startTestApp({ NODE_ENV: 'production' });
    try {
      await t.http().get('/graphiql').set('accept', 'text/html').expect(404);
      const introspection = await t.gql('{ __schema { queryType { name } } }');
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    } finally {
      await t.close();
    }
  });

  it('reports not ready when the database is gone', async () => {
    const t = await startTestApp();
    try {
      await t.app.get(MikroORM).close(true);
      await t.http().get('/ready').expect(503);
      await t.http().get('/health').expect(200);
    } finally {
      // Closing the app also stops its mail worker, which would otherwise poll on.
      await t.close();
    }
  });

  it('keeps all data across a restart', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({}, database);
      const person = await aPerson().named('Malika Qodirova', 'Малика Қодирова').create(first);
      await first.app.close();

      const second = await startTestApp({}, database);
      const data = await second.ok(
        `query($id: ID!) { person(id: $id) { fullName fullNameAlt } }`,
        { id: person.id },
        second.adminToken,
      );
      expect(data.person).toEqual({ fullName: 'Malika Qodirova', fullNameAlt: 'Малика Қодирова' });
      await second.app.close();
    } finally {
      await database.drop();
    }
  });

  it('keeps all data when an upgrade brings a new migration', async () => {
    const database = await createTestDatabase();
    try {
      // Stand up the database as the previous release left it: every migration but the last.
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
      const { ormOptions } = await import('@platform/core');
      const { allEntities } = await import('../apps/api/src/entities');
      const orm = await MikroORM.init(ormOptions(config.database, allEntities));
      const migrator = orm.migrator;
      const all = await migrator.getPendingMigrations();
      expect(all.length).toBeGreaterThanOrEqual(2);
      await migrator.up({ to: all[all.length - 2].name });
      const connection = orm.em.getConnection();
      await connection.execute(
        `insert into organization (id, name, type, country, created_at) values ('8a7c2b8e-5d0f-4f0e-9d2a-1c1f0e0a0b01', 'Ministry of Internal Affairs of the Republic of Uzbekistan', 'GOVERNMENT', 'UZ', '2022-07-01 09:00:00')`,
      );
      await orm.close();

      // The new release starts: it applies the last migration and the old data is still there.
      const t = await startTestApp({}, database);
      const data = await t.ok(
        `{ organizations { totalCount nodes { name countryName } } }`,
        {},
        t.adminToken,
      );
      expect(data.organizations.nodes).toEqual([
        {
          name: 'Ministry of Internal Affairs of the Republic of Uzbekistan',
          countryName: 'Uzbekistan',
        },
      ]);
      await t.app.close();
    } finally {
      await database.drop();
    }
  });

  it('lets in-flight requests finish on shutdown, then closes the database', async () => {
    const database: TestDatabase = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      ADMIN_EMAIL: 'admin@test.local',
      ADMIN_PASSWORD: 'admin-password-1',
    });
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    try {
      // A login takes ~100 ms of password hashing: long enough to be in flight.
      const inFlight = request(`http://127.0.0.1:${port}`).post('/graphql').send({
        query:
          'mutation { login(input: { email: "admin@test.local", password: "admin-password-1" }) { token } }',
      });
      const response = new Promise<request.Response>((resolve, reject) => {
        inFlight.then(resolve, reject);
      });
      // Close once the server holds the request, not after a fixed wait: on a
      // loaded machine the request may not have arrived after any fixed delay.
      await new Promise((resolve) => app.getHttpServer().once('request', resolve));
      const closing = app.close();
      const res = await response;
      expect(res.status).toBe(200);
      expect(res.body.data.login.token).toEqual(expect.any(String));
      await closing;
      expect(await app.get(MikroORM).isConnected()).toBe(false);
    } finally {
      await database.drop();
    }
  });
});
