import { EntityManager, LockMode } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** PostgreSQL, as opposed to the embedded SQLite. */
export function isPostgres(em: EntityManager): boolean {
  return em.getPlatform() instanceof PostgreSqlPlatform;
}

/**
 * Options that lock the row read inside a transaction on PostgreSQL, so that
 * concurrent use cases on the same parent (an edition's seats, an event's marks)
 * run one after the other. SQLite has no FOR UPDATE and serializes writers itself.
 */
export function lockFor(em: EntityManager): { lockMode?: LockMode } {
  return isPostgres(em) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}
