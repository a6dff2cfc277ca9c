import { AnyEntity, EntityData, JsonProperty, QueryResult, Utils } from '@mikro-orm/core';
import { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { LibSqlConnection } from '@mikro-orm/libsql';
import { PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';

type ExecuteArgs = Parameters<AbstractSqlConnection['execute']>;
type Result = QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[];

/** A statement with `?` placeholders and the values bound to them. */
interface Bound {
  sql: string;
  bindings: unknown[];
}

/**
 * Turns MikroORM's statement and parameters into a statement with bound values,
 * reading the placeholders exactly as MikroORM's own `formatQuery` does (`??` an
 * identifier, `\?` a literal question mark) and giving each value the meaning its
 * `quoteValue` gives it: a raw fragment is SQL (its own values bound in turn), a plain
 * object is JSON, an array is a list, a Date what the database stores.
 */
export function bindParameters(
  sql: string,
  params: readonly unknown[],
  toBinding: (value: unknown) => unknown,
): Bound {
  const bindings: unknown[] = [];
  let next = 0;
  const placeholder = (value: unknown): string => {
    if (Utils.isRawSql(value)) {
      const inner = bindParameters(value.sql, value.params, toBinding);
      bindings.push(...inner.bindings);
      return inner.sql;
    }
    if (isKnexRaw(value)) {
      const native = value.toSQL();
      const inner = bindParameters(native.sql, native.bindings, toBinding);
      bindings.push(...inner.bindings);
      return inner.sql;
    }
    if (Array.isArray(value)) {
      return value
        .map((item) => (Array.isArray(item) ? `(${placeholder(item)})` : placeholder(item)))
        .join(', ');
    }
    const isJson =
      Utils.isPlainObject(value) ||
      (typeof value === 'object' && value !== null && JsonProperty in value);
    bindings.push(isJson ? JSON.stringify(value) : value === undefined ? null : toBinding(value));
    return '?';
  };
  let out = '';
  let pos = 0;
  while (pos < sql.length) {
    const at = sql.indexOf('?', pos);
    if (at === -1) {
      out += sql.slice(pos);
      break;
    }
    out += sql.slice(pos, at);
    if (at > 0 && sql[at - 1] === '\\') {
      out += '?';
      pos = at + 1;
    } else if (sql[at + 1] === '?') {
      out += '??';
      bindings.push(params[next++]);
      pos = at + 2;
    } else {
      out += placeholder(params[next++]);
      pos = at + 1;
    }
  }
  return { sql: out, bindings };
}

function isKnexRaw(value: unknown): value is Knex.Raw {
  return (
    typeof value === 'object' &&
    value !== null &&
    'client' in value &&
    ['Ref', 'Raw'].includes(value.constructor.name)
  );
}

/** What executeBound needs of a connection (its protected parts passed in). */
interface Runner {
  ensureConnection(): Promise<void>;
  formatQuery(sql: string, params: unknown[]): string;
  logsQueries(): boolean;
  toBinding(value: unknown): unknown;
  knex(): Knex;
  run<T>(logged: string, work: () => Promise<T>): Promise<T>;
  transform(res: unknown, method: 'all' | 'get' | 'run'): unknown;
}

/**
 * MikroORM 6 writes every value into the SQL text (escaped by the platform) and sends
 * that text without parameters. These connections send the same statement with its
 * values as bound parameters instead, so no client value is ever part of SQL text (on
 * SQLite a NUL used to cut such a statement short). The query log still shows the
 * statement with its values filled in.
 */
async function executeBound(
  runner: Runner,
  [queryOrKnex, params = [], method = 'all', ctx]: ExecuteArgs,
): Promise<unknown> {
  await runner.ensureConnection();
  let sql: string;
  let values: unknown[] = params;
  let transaction = ctx as Knex.Transaction | undefined;
  if (typeof queryOrKnex === 'string') {
    sql = queryOrKnex;
  } else {
    const client = (queryOrKnex as unknown as { client: { transacting?: boolean } }).client;
    if (!transaction && client.transacting)
      transaction = queryOrKnex as unknown as Knex.Transaction;
    const native = queryOrKnex.toSQL();
    sql = native.sql;
    values = [...native.bindings];
  }
  const bound = bindParameters(sql, values, (value) => runner.toBinding(value));
  // Filling the values in is only for the query log: a 10,000-row insert would pay it for nothing.
  const logged = runner.logsQueries() ? runner.formatQuery(sql, values) : sql;
  return runner.run(logged, async () => {
    const query = runner.knex().raw(bound.sql, bound.bindings as Knex.RawBinding[]);
    if (transaction) query.transacting(transaction);
    return runner.transform(await query, method);
  });
}

export class BoundLibSqlConnection extends LibSqlConnection {
  override async execute<T extends Result = EntityData<AnyEntity>[]>(
    ...args: ExecuteArgs
  ): Promise<T> {
    return (await executeBound(this.runner(), args)) as T;
  }

  private runner(): Runner {
    return {
      ensureConnection: () => this.ensureConnection(),
      formatQuery: (sql, params) => this.platform.formatQuery(sql, params),
      logsQueries: () => this.logger.isEnabled('query'),
      // SQLite keeps dates as milliseconds, as MikroORM writes them.
      toBinding: (value) => (value instanceof Date ? +value : value),
      knex: () => this.getKnex(),
      run: (logged, work) => this.executeQuery(logged, work),
      transform: (res, method) => this.transformRawResult(res, method),
    };
  }
}

export class BoundPostgreSqlConnection extends PostgreSqlConnection {
  override async execute<T extends Result = EntityData<AnyEntity>[]>(
    ...args: ExecuteArgs
  ): Promise<T> {
    return (await executeBound(this.runner(), args)) as T;
  }

  private runner(): Runner {
    const platform = this.platform as PostgreSqlPlatform;
    return {
      ensureConnection: () => this.ensureConnection(),
      formatQuery: (sql, params) => platform.formatQuery(sql, params),
      logsQueries: () => this.logger.isEnabled('query'),
      // The timestamp text MikroORM writes, in its time zone.
      toBinding: (value) => (value instanceof Date ? platform.formatDate(value) : value),
      knex: () => this.getKnex(),
      run: (logged, work) => this.executeQuery(logged, work),
      transform: (res, method) => this.transformRawResult(res, method),
    };
  }
}
