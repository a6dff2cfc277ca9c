import { EntityManager } from '@mikro-orm/core';

/** A row as the driver returns it: column names as in the database. */
export type Row = Record<string, unknown>;

/** A statement, or a condition within one, with the values of its `?` placeholders. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs one read statement (`?` placeholders) and returns its plain rows, unhydrated, in
 * `em`'s transaction if it has one. Read models use it where hydrating hundreds of
 * entities would cost more than the SQL itself (see EditionReadModel).
 */
export function readRows(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, params, 'all', em.getTransactionContext());
}

/** `?, ?, ?` for an `in (…)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** A json column: text on SQLite, already parsed on PostgreSQL. */
export function jsonColumn(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * A datetime column: milliseconds on SQLite; on PostgreSQL the text MikroORM has the
 * driver return (`2024-07-29 09:00:00.123+00`).
 */
export function dateColumn(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return new Date(Number(value));
  return new Date(
    String(value)
      .replace(' ', 'T')
      .replace(/([+-]\d\d)$/, '$1:00'),
  );
}

/** A blob column as a Buffer over the driver's bytes (not a copy), or null. */
export function blobColumn(value: unknown): Buffer | null {
  if (value == null) return null;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  const bytes = value as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
