import { EntityManager, raw } from '@mikro-orm/core';
import { isPostgres } from './locking';

/**
 * A filter value matching text that contains `text`, ignoring case: `{ name: containing(em, 'rahim') }`.
 * PostgreSQL has ILIKE; SQLite has no ILIKE (a syntax error there) but its LIKE ignores
 * ASCII case. `%`, `_` and `\` in the text are matched literally on both, which in
 * SQLite needs the explicit ESCAPE clause. Call it once per column: each call is a new
 * raw fragment.
 */
export function containing(em: EntityManager, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const operator = isPostgres(em) ? '$ilike' : '$like';
  return { [operator]: raw<object, string>(`? escape '\\'`, [pattern]) };
}
