import { Configuration } from '@mikro-orm/core';
import { AbstractSqlDriver, LibSqlPlatform } from '@mikro-orm/libsql';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { BoundLibSqlConnection, BoundPostgreSqlConnection } from './bound-parameters';

/**
 * MikroORM's SQLite platform turns Date properties into millisecond numbers when it
 * snapshots an entity, but loaded rows are remembered as Dates. A `datetime` property
 * then always looks changed: every flush that touched an entity rewrote its created_at
 * and bumped its optimistic-lock version, so a later expectedVersion check failed for
 * nothing. Keeping Dates as Dates makes both sides compare by time; they are still
 * written as milliseconds (the platform's quoteValue).
 */
class SqlitePlatform extends LibSqlPlatform {
  override processDateProperty(value: unknown): string | number | Date {
    return value as string | number | Date;
  }
}

/** LibSqlDriver with the platform above, sending values as bound parameters. */
export class SqliteDriver extends AbstractSqlDriver<BoundLibSqlConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), BoundLibSqlConnection, ['knex', 'libsql']);
  }
}

/** PostgreSqlDriver sending values as bound parameters. */
export class PostgresDriver extends AbstractSqlDriver<
  BoundPostgreSqlConnection,
  PostgreSqlPlatform
> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), BoundPostgreSqlConnection, ['knex', 'pg']);
  }
}
