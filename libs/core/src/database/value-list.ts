import { EntityManager, raw } from '@mikro-orm/core';
import { isPostgres } from './locking';

/**
 * A select of the values of a list bound as one parameter (`?`, the list as JSON text),
 * one row each: `… where id in (${listValues(em)})`. One statement and one bound value
 * for thousands of values, where an `in (?, ?, …)` list binds each (SQLite allows 32,766,
 * PostgreSQL 65,535 a statement) and MikroORM builds a query node for each. `type` casts
 * them on PostgreSQL, which compares text to no other type (SQLite keeps uuids as text).
 */
export function listValues(em: EntityManager, type: 'text' | 'uuid' = 'text'): string {
  return isPostgres(em)
    ? `select cast(json_array_elements_text(cast(? as json)) as ${type})`
    : 'select value from json_each(?)';
}

/** The list as the one parameter of listValues. */
export const listParameter = (values: Iterable<string>): string => JSON.stringify([...values]);

/**
 * A filter value matching any of `values` (see listValues): `{ email: among(em, emails) }`.
 * Call it once per column: each call is a new raw fragment.
 */
export function among(em: EntityManager, values: Iterable<string>, type?: 'text' | 'uuid') {
  return { $in: raw<object, string[]>(listValues(em, type), [listParameter(values)]) };
}
