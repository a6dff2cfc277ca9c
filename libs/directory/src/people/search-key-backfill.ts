import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Person } from './person.entity';

const BATCH = 500;

/**
 * People stored before names had a search key get it at start-up, a batch at a time
 * (every write keeps it up to date after that). Safe to run in several processes at once:
 * each writes the same key.
 */
@Injectable()
export class SearchKeyBackfill implements OnApplicationBootstrap {
  constructor(private readonly orm: MikroORM) {}

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    for (;;) {
      const people = await em.find(Person, { searchKey: null }, { limit: BATCH });
      // The update hook computes the key from the names.
      for (const person of people) person.searchKey = '';
      await em.flush();
      em.clear();
      if (people.length < BATCH) return;
    }
  }
}
