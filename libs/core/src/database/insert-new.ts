import { EntityManager, EventType, helper } from '@mikro-orm/core';

/** Rows per INSERT: well under the bound values a statement may have (32,766 on SQLite). */
const ROWS_PER_STATEMENT = 500;

/**
 * Stores many new entities of one class with batched INSERTs, without the unit of work:
 * for thousands of new rows (a roster import creates 10,000) its change tracking costs
 * far more than the SQL. Their create hooks run as a flush would run them. Build them
 * with `em.create(…, { persist: false })`; they stay unmanaged afterwards.
 */
export async function insertNew(em: EntityManager, entities: object[]): Promise<void> {
  const [first] = entities;
  if (!first) return;
  const meta = helper(first).__meta;
  const events = em.getEventManager();
  const hooks = async (type: EventType.beforeCreate | EventType.afterCreate) => {
    if (!events.hasListeners(type, meta)) return;
    for (const entity of entities) await events.dispatchEvent(type, { entity, meta, em });
  };
  await hooks(EventType.beforeCreate);
  // Each entity's values as the unit of work would write them (relations as their keys).
  const rows = entities.map((entity) => em.getComparator().prepareEntity(entity));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await em.insertMany(meta.class, rows.slice(i, i + ROWS_PER_STATEMENT));
  await hooks(EventType.afterCreate);
}
