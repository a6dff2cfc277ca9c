import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { PersonAccounts } from '@platform/directory';
import { normalizeEmail } from './auth.service';
import { assertEmailFree, forgetLinksOf } from './email-changes.service';
import { User } from './user.entity';

/** The accounts side of the directory's PersonAccounts port (registered by AccountsModule). */
@Injectable()
export class PersonAccountsAdapter implements PersonAccounts {
  async withAccount(em: EntityManager, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const users = await em.find(User, { person: { $in: personIds } }, { fields: ['person'] });
    return new Set(users.map((user) => user.person!.id));
  }

  /**
   * The account follows its person's new email (typed in the person's `email` field);
   * links sent to the old one stop working.
   */
  async emailChanged(em: EntityManager, personId: string, email: string): Promise<void> {
    const user = await em.findOne(User, { person: personId });
    const address = normalizeEmail(email);
    if (!user || user.email === address) return;
    await assertEmailFree(em, address, user, 'email');
    await forgetLinksOf(em, user);
    user.email = address;
  }
}
