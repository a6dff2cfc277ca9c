import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { PersonAccounts, PersonAccountsPort } from '@platform/directory';
import { User } from './user.entity';

/** Answers the directory's questions about people's accounts (see PersonAccountsPort). */
@Injectable()
export class AccountsOfPeople implements PersonAccounts, OnModuleInit {
  constructor(private readonly port: PersonAccountsPort) {}

  onModuleInit(): void {
    this.port.register(this);
  }

  async withAccount(em: EntityManager, personIds: string[]): Promise<Set<string>> {
    const users = await em.find(
      User,
      { person: { $in: personIds } },
      { fields: ['person'], disableIdentityMap: true },
    );
    return new Set(users.flatMap((user) => (user.person ? [user.person.id] : [])));
  }

  async emailChanged(em: EntityManager, personId: string, email: string): Promise<void> {
    await em.nativeUpdate(User, { person: personId }, { email });
  }
}
