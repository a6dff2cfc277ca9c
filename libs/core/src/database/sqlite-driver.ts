import { Configuration } from '@mikro-orm/core';
import { AbstractSqlDriver, LibSqlConnection, LibSqlPlatform } from '@mikro-orm/libsql';

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

/** LibSqlDriver with the platform above. */
export class SqliteDriver extends AbstractSqlDriver<LibSqlConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), LibSqlConnection, ['knex', 'libsql']);
  }
}
