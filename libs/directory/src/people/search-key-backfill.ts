import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity';
import { Person } from './person.entity';

const BATCH = 500;

/**
 * People and organizations stored before their names had search and match keys get them
 * at start-up, a batch at a time (every write keeps them up to date after that). Safe to
 * run in several processes at once: each writes the same keys.
 */
@Injectable()
export class SearchKeyBackfill implements OnApplicationBootstrap {
  constructor(private readonly orm: MikroORM) {}

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    // The update hooks compute the keys from the names.
    await fill(em, Person, { $or: [{ searchKey: null }, { fullNameKey: null }] }, (person) => {
      person.searchKey = '';
    });
    await fill(em, Organization, { nameKey: null }, (organization) => {
      organization.nameKey = '';
    });
  }
}

async function fill<T extends object>(
  em: EntityManager,
  entity: new () => T,
  missing: FilterQuery<T>,
  touch: (row: T) => void,
): Promise<void> {
  for (;;) {
    const rows = await em.find(entity, missing, { limit: BATCH });
    rows.forEach(touch);
    await em.flush();
    em.clear();
    if (rows.length < BATCH) return;
  }
}
