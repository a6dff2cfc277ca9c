import { EntityManager, EventType, helper } from '@mikro-orm/core';

/**
 * Stores many new entities of one class with batched INSERTs, without the unit of work:
 * for thousands of new rows (a roster import creates 10,000) its change tracking costs
 * far more than the SQL. Their create hooks run as a flush would run them. Build them
 * with `em.create(…, { persist: false })`; they stay unmanaged afterwards.
 */
export async function insertNew<T extends object>(em: EntityManager, entities: T[]): Promise<void> {
  const [first] = entities;
  if (!first) return;
  const meta = helper(first).__meta;
  const events = em.getEventManager();
  const hooks = async (type: EventType.beforeCreate | EventType.afterCreate) => {
    if (!events.hasListeners(type, meta)) return;
    for (const entity of entities) await events.dispatchEvent(type, { entity, meta, em });
  };
  await hooks(EventType.beforeCreate);
  await em.insertMany(entities);
  await hooks(EventType.afterCreate);
}
