import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DataloaderType,
  EntityClass,
  FlushMode,
  Options,
  ReflectMetadataProvider,
} from '@mikro-orm/core';
import { AppConfig, DatabaseKind } from '../config/app-config';
import { projectRoot } from './project-root';
import { PostgresDriver, SqliteDriver } from './drivers';

/** One migration set per database: SQL generated for one does not run on the other. */
export function migrationsPath(kind: DatabaseKind): string {
  return join(projectRoot(), 'prisma-free-schema', 'migrations', kind);
}

/**
 * `snapshot` is for the CLI that writes migrations: the migrator otherwise rewrites
 * the committed snapshot from the live database after every run.
 */
export function ormOptions(
  database: AppConfig['database'],
  entities: EntityClass<unknown>[],
  { snapshot = false } = {},
): Options {
  const common: Options = {
    entities,
    // Types are declared in every decorator, so reflection is enough (and ~30x faster
    // to start than ts-morph).
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    // No `extensions: [Migrator]`: MikroORM loads the migrator on first use of
    // orm.migrator, which a start with the schema up to date never makes (migrate.ts).
    migrations: {
      path: migrationsPath(database.kind),
      pathTs: migrationsPath(database.kind),
      glob: '!(*.d).js',
      emit: 'js',
      snapshot,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    // Batches Reference.load() and Collection.load() made in the same tick: this is
    // what keeps GraphQL field resolvers free of N+1 queries.
    dataloader: DataloaderType.ALL,
    // Changes reach the database only at an explicit flush or commit, never as a side
    // effect of a query: a use case that assigns, then validates with a query and
    // refuses, leaves nothing half-written.
    flushMode: FlushMode.COMMIT,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
  };
  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgresDriver,
      clientUrl: database.url,
      pool: { min: 0, max: 10 },
    };
  }
  if (database.url !== ':memory:') mkdirSync(dirname(database.url), { recursive: true });
  return {
    ...common,
    driver: SqliteDriver,
    dbName: database.url,
    driverOptions: {
      // Wait for another process's write lock (the API and `npm run worker` on one file)
      // instead of failing at once; libsql's default is not to wait at all.
      connection: { timeout: 5000 },
      // WAL: readers do not block the writer, and a commit costs no full sync of the file.
      pool: {
        afterCreate: (
          connection: { exec(sql: string): void },
          done: (error: unknown, c: unknown) => void,
        ) => {
          if (database.url !== ':memory:')
            connection.exec('pragma journal_mode = WAL; pragma synchronous = NORMAL');
          done(null, connection);
        },
      },
    },
  };
}
