import { MikroORM } from '@mikro-orm/core';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import { TestApp } from './test-app';

/** Every table's rows ordered by primary key, as one JSON text per table. */
export type Snapshot = Map<string, string>;

interface Table {
  name: string;
  keys: string[];
  columns: { name: string; binary: boolean }[];
}

/**
 * Reads every table of the test database in one statement, for "nothing changed"
 * assertions: take one before and one after, then `describeChanges`. Binary columns
 * (stored PDFs) are compared by digest on PostgreSQL, by length and last bytes on SQLite
 * (which has no digest function; a PDF ends with its own ID).
 */
export class DatabaseSnapshots {
  private constructor(
    private readonly connection: AbstractSqlConnection,
    private readonly tables: Table[],
    private readonly sql: string,
  ) {}

  /** `ignore`: tables a refused request is meant to write (counters of failed attempts). */
  static async for(t: TestApp, { ignore = [] as string[] } = {}): Promise<DatabaseSnapshots> {
    const connection = t.app.get(MikroORM).em.getConnection() as AbstractSqlConnection;
    const postgres = t.database.kind === 'postgresql';
    const tables = (
      postgres ? await postgresTables(connection) : await sqliteTables(connection)
    ).filter((table) => !ignore.includes(table.name));
    const quote = (name: string) => (postgres ? `"${name}"` : `\`${name}\``);
    const parts = tables.map((table) => {
      const columns = table.columns.map(({ name, binary }) =>
        !binary
          ? quote(name)
          : postgres
            ? `md5(${quote(name)})`
            : `length(${quote(name)}) || ':' || hex(substr(${quote(name)}, -64))`,
      );
      // A table without a primary key is ordered by all its columns.
      const keys = table.keys.length ? table.keys : table.columns.map((c) => c.name);
      const order = keys.map(quote).join(', ');
      const rows = postgres
        ? `select coalesce(json_agg(json_build_array(${columns.join(', ')}) order by ${order}), '[]')::text from ${quote(table.name)}`
        : `select json_group_array(json(r)) from (select json_array(${columns.join(', ')}) as r from ${quote(table.name)} order by ${order})`;
      return `(${rows}) as ${quote(table.name)}`;
    });
    return new DatabaseSnapshots(connection, tables, `select ${parts.join(',\n')}`);
  }

  get tableCount(): number {
    return this.tables.length;
  }

  async take(): Promise<Snapshot> {
    const [row] = await this.connection.execute<Record<string, string>[]>(this.sql);
    return new Map(this.tables.map(({ name }) => [name, row[name]]));
  }

  /** What differs, one line per changed table ("edition: 1 row(s) written…"); empty if nothing. */
  static describeChanges(before: Snapshot, after: Snapshot): string[] {
    const changes: string[] = [];
    for (const [table, json] of after) {
      const old = before.get(table) ?? '[]';
      if (old === json) continue;
      const rowsOf = (text: string) =>
        new Set((JSON.parse(text) as unknown[]).map((r) => JSON.stringify(r)));
      const [was, is] = [rowsOf(old), rowsOf(json)];
      const written = [...is].filter((r) => !was.has(r)).length;
      const gone = [...was].filter((r) => !is.has(r)).length;
      changes.push(`${table}: ${written} row(s) written, ${gone} gone`);
    }
    return changes;
  }
}

async function sqliteTables(connection: AbstractSqlConnection): Promise<Table[]> {
  const names = await connection.execute<{ name: string }[]>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  );
  const tables: Table[] = [];
  for (const { name } of names) {
    const columns = await connection.execute<{ name: string; type: string; pk: number }[]>(
      `pragma table_info(\`${name}\`)`,
    );
    const keys = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    tables.push({
      name,
      keys,
      columns: columns.map((c) => ({ name: c.name, binary: /blob/i.test(c.type) })),
    });
  }
  return tables;
}

async function postgresTables(connection: AbstractSqlConnection): Promise<Table[]> {
  const columns = await connection.execute<
    { table_name: string; column_name: string; data_type: string }[]
  >(
    `select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const keys = await connection.execute<{ table_name: string; column_name: string }[]>(
    `select c.relname as table_name, a.attname as column_name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
      where i.indisprimary and n.nspname = current_schema()
      order by c.relname, array_position(i.indkey, a.attnum)`,
  );
  const tables = new Map<string, Table>();
  for (const c of columns) {
    const table = tables.get(c.table_name) ?? { name: c.table_name, keys: [], columns: [] };
    table.columns.push({ name: c.column_name, binary: c.data_type === 'bytea' });
    tables.set(c.table_name, table);
  }
  for (const k of keys) tables.get(k.table_name)?.keys.push(k.column_name);
  return [...tables.values()];
}
