import { EntityClass, EntityManager, RequiredEntityData } from '@mikro-orm/core';

/** Rows per INSERT: well under the bound values a statement may have (32,766 on SQLite). */
const ROWS_PER_STATEMENT = 500;

/**
 * Stores many new rows of one entity with batched INSERTs, without the unit of work or
 * entities: for thousands of new rows (a roster import creates 10,000) building entities
 * and tracking their changes costs far more than the SQL. So each row must be complete:
 * its id, the entity's defaults and what its create hooks would set (relations by key);
 * or an entity made with `em.create(…, { persist: false })`, which has its defaults.
 */
export async function insertNew<T extends object>(
  em: EntityManager,
  entityClass: EntityClass<T>,
  rows: RequiredEntityData<T>[] | T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await em.insertMany(entityClass, rows.slice(i, i + ROWS_PER_STATEMENT));
}
