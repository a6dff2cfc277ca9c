import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import {
  AbstractSqlConnection,
  AbstractSqlPlatform,
  DatabaseSchema,
  SchemaComparator,
  SchemaDifference,
  SqlSchemaGenerator,
} from '@mikro-orm/knex';
import { DatabaseKind, migrationsPath, ormOptions } from '@platform/core';
import { allEntities } from './entities';

const pgUrl = () =>
  process.env.MIGRATIONS_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** An ORM on a scratch database of the given kind, for comparing entities with migrations. */
function scratchOrm(kind: DatabaseKind): Promise<MikroORM> {
  const url = kind === 'sqlite' ? ':memory:' : pgUrl();
  // Snapshots only for PostgreSQL: the SQLite check works from a migrated scratch database.
  return MikroORM.init({
    ...ormOptions({ kind, url }, allEntities, { snapshot: kind === 'postgresql' }),
    debug: false,
    allowGlobalContext: true,
  });
}

/**
 * MikroORM 6 reads back only the first and last value of an enum check constraint
 * from SQLite, so every enum column looks changed, and no named check constraint at
 * all, so every @Check looks added. Both are re-read here from the table's own CREATE
 * statement.
 */
async function sqliteSchema(orm: MikroORM): Promise<DatabaseSchema> {
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const schema = await DatabaseSchema.create(
    connection,
    orm.em.getPlatform() as AbstractSqlPlatform,
    orm.config,
  );
  for (const table of schema.getTables()) {
    const [row] = await connection.execute<{ sql: string }[]>(
      `select sql from sqlite_master where type = 'table' and name = ?`,
      [table.name],
    );
    if (row) for (const check of namedChecks(row.sql)) table.addCheck(check);
    for (const column of table.getColumns()) {
      if (!column.enumItems?.length || !row) continue;
      const check = new RegExp(`check \\(\`${column.name}\` in \\(([^)]*)\\)\\)`).exec(row.sql);
      const items = check?.[1];
      if (items !== undefined)
        column.enumItems = items.split(',').map((item) => item.trim().replace(/^'|'$/g, ''));
    }
  }
  return schema;
}

/** The `constraint <name> check (<expression>)` clauses of a CREATE TABLE statement. */
function namedChecks(sql: string): { name: string; expression: string }[] {
  const checks: { name: string; expression: string }[] = [];
  for (const match of sql.matchAll(/constraint `?(\w+)`? check \(/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < sql.length && depth > 0) {
      if (sql[end] === '(') depth++;
      else if (sql[end] === ')') depth--;
      end++;
    }
    checks.push({ name: match[1]!, expression: sql.slice(start, end - 1) });
  }
  return checks;
}

/** What the migrations must still do to reach the entities, on a scratch database. */
async function pendingDiff(
  orm: MikroORM,
): Promise<{ diff: SchemaDifference; generator: SqlSchemaGenerator }> {
  await orm.migrator.up();
  const generator = orm.schema as SqlSchemaGenerator;
  const from = await sqliteSchema(orm);
  const to = generator.getTargetSchema();
  for (const schema of [from, to]) schema.prune(undefined, []);
  const diff = new SchemaComparator(orm.em.getPlatform() as AbstractSqlPlatform).compare(from, to);
  // SQLite declares foreign keys inside CREATE TABLE and cannot alter them, and the
  // comparator sees phantom differences there; new tables still get theirs.
  for (const [name, table] of Object.entries(diff.changedTables)) {
    table.addedForeignKeys = {};
    table.changedForeignKeys = {};
    table.removedForeignKeys = {};
    const { fromTable: _from, toTable: _to, name: _name, ...changes } = table;
    const empty = Object.values(changes).every(
      (v: unknown) => v == null || (typeof v === 'object' && Object.keys(v).length === 0),
    );
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a record keyed by table name
    if (empty) delete diff.changedTables[name];
  }
  return { diff, generator };
}

function describe(diff: SchemaDifference): string[] {
  return [
    ...Object.keys(diff.newTables).map((name) => `new table ${name}`),
    ...Object.keys(diff.removedTables).map((name) => `removed table ${name}`),
    ...Object.entries(diff.changedTables).map(
      ([name, table]) =>
        `changed table ${name} (${JSON.stringify(Object.keys(table.changedColumns).concat(Object.keys(table.addedColumns), Object.keys(table.removedColumns), Object.keys(table.addedIndexes), Object.keys(table.removedIndexes)))})`,
    ),
  ];
}

/**
 * How far the committed migrations of one database are from the entities: nothing
 * when they match. PostgreSQL uses MikroORM's snapshot diff; SQLite applies the
 * migrations to a scratch database and compares what they built with the entities.
 */
export async function migrationDrift(kind: DatabaseKind): Promise<string[]> {
  const orm = await scratchOrm(kind);
  try {
    if (kind === 'postgresql') {
      return (await orm.migrator.checkMigrationNeeded())
        ? ['the snapshot differs from the entities']
        : [];
    }
    return describe((await pendingDiff(orm)).diff);
  } finally {
    await orm.close();
  }
}

/** Writes the next migration of each database; returns what was written. */
export async function createMigrations(wanted = 'change'): Promise<string[]> {
  // The name ends up in a class name: "accounts-security" would not parse.
  const name = wanted.replace(/\W/g, '_');
  const written: string[] = [];
  const pg = await scratchOrm('postgresql');
  try {
    const result = await pg.migrator.createMigration(undefined, false, false, name);
    if (result.fileName) written.push(`postgresql: ${result.fileName}`);
  } finally {
    await pg.close();
  }
  // SQLite: MikroORM's own generator trips on the enum read-back above, so the
  // migration is written from the corrected diff, in the same format.
  const sqlite = await scratchOrm('sqlite');
  try {
    const { diff, generator } = await pendingDiff(sqlite);
    const sql = await generator.diffToSQL(diff, { wrap: false, safe: false, dropTables: true });
    const statements = sql
      // The generator glues the statement after a table rebuild to its closing pragma.
      .replace(/(pragma foreign_keys = o(?:n|ff));(?!\n)/g, '$1;\n')
      .split(/;\n/)
      .map((s) => s.trim().replace(/;$/, ''))
      .filter(Boolean);
    if (statements.length > 0) {
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const className = `Migration${stamp}_${name}`;
      const body = statements
        .map(
          (s) => `    this.addSql(\`${s.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')};\`);`,
        )
        .join('\n');
      const file = `'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class ${className} extends Migration {

  async up() {
${body}
  }

}
exports.${className} = ${className};
`;
      writeFileSync(join(migrationsPath('sqlite'), `${className}.js`), file);
      written.push(`sqlite: ${className}.js`);
    }
  } finally {
    await sqlite.close();
  }
  return written;
}
