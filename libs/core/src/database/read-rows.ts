import { EntityManager } from '@mikro-orm/core';

/** A row as the driver returns it: column names as in the database. */
export type Row = Record<string, unknown>;

/**
 * Runs one read statement (`?` placeholders) and returns its plain rows, unhydrated.
 * Read models use it where hydrating hundreds of entities would cost more than the
 * SQL itself (see EditionReadModel).
 */
export function readRows(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, params, 'all');
}

/** `?, ?, ?` for an `in (…)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** A json column: text on SQLite, already parsed on PostgreSQL. */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A datetime column: milliseconds on SQLite, a Date on PostgreSQL. */
export function dateColumn(value: unknown): Date {
  return value instanceof Date ? value : new Date(Number(value));
}
