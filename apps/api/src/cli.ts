import 'dotenv/config';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AuthService } from '@platform/accounts';
import { AppConfig, ConfigError, loadConfig, projectRoot } from '@platform/core';
import { AppModule } from './app.module';
import { createApp } from './bootstrap';
import { createMigrations, migrationDrift } from './schema-tools';
import { loadDemoData } from './demo/demo-data';

const USAGE = `Usage: npm run cli -- <command>

  create-admin --email <email> --password <password>   create the first admin account
  demo                                                 load the demo data (Tashkent 2022 and more)
  migrate                                              apply pending migrations
  schema:write                                         regenerate prisma-free-schema/schema.graphql
  schema:check                                         fail if schema.graphql or the migrations are out of date
  migration:create [--name <name>]                     generate a migration for SQLite and PostgreSQL

The database is the one the server uses (DATABASE_URL, default ./data/platform.sqlite).
migration:create and schema:check reach PostgreSQL at MIGRATIONS_PG_URL
(default postgresql://postgres@127.0.0.1:5432/postgres).`;

const schemaFile = () => join(projectRoot(), 'prisma-free-schema', 'schema.graphql');

/** The schema as the running code generates it, sorted so diffs are readable. */
async function generatedSchema(): Promise<string> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: ':memory:',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
  });
  const app = await NestFactory.create(AppModule.register(config), { logger: false });
  // Start-up hooks read the database (unfinished document jobs): give them a schema.
  await app.get(MikroORM).migrator.up();
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function withApp(
  config: AppConfig,
  work: (app: Awaited<ReturnType<typeof createApp>>) => Promise<void>,
) {
  const app = await createApp(config);
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  switch (positionals[0]) {
    case 'create-admin': {
      if (!values.email || !values.password || values.password.length < 10) {
        console.error('create-admin needs --email and a --password of at least 10 characters');
        return 1;
      }
      const { email, password } = values;
      await withApp(loadConfig(), async (app) => {
        const orm = app.get(MikroORM);
        const { created } = await orm.em
          .fork()
          .transactional((em) => new AuthService(em, loadConfig()).ensureAdmin(email, password));
        console.log(
          created
            ? `Admin ${email} created.`
            : `An account for ${email} already exists; nothing changed.`,
        );
      });
      return 0;
    }
    case 'demo': {
      await withApp(loadConfig(), async (app) => {
        const summary = await loadDemoData(app.get(MikroORM).em.fork());
        console.log(summary);
      });
      return 0;
    }
    case 'migrate': {
      await withApp(loadConfig(), async () => console.log('The database is up to date.'));
      return 0;
    }
    case 'schema:write': {
      writeFileSync(schemaFile(), await generatedSchema());
      console.log(`Wrote ${schemaFile()}`);
      return 0;
    }
    case 'schema:check': {
      let ok = true;
      if (readFileSync(schemaFile(), 'utf8') !== (await generatedSchema())) {
        console.error(
          'prisma-free-schema/schema.graphql is out of date: run `npm run schema:write` and commit it.',
        );
        ok = false;
      }
      for (const kind of ['sqlite', 'postgresql'] as const) {
        const drift = await migrationDrift(kind);
        if (drift.length > 0) {
          console.error(
            `The ${kind} migrations do not match the entities (${drift.slice(0, 5).join('; ')}): run \`npm run migration:create\` and commit the result.`,
          );
          ok = false;
        }
      }
      if (ok) console.log('schema.graphql and the migrations match the code.');
      return ok ? 0 : 1;
    }
    case 'migration:create': {
      const written = await createMigrations(values.name);
      console.log(
        written.length > 0
          ? `Wrote ${written.join(', ')}`
          : 'No changes: the migrations match the entities.',
      );
      return 0;
    }
    default:
      console.log(USAGE);
      return positionals[0] ? 1 : 0;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
