import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';

/**
 * What the directory asks of the accounts lib (which sits above it and registers
 * itself here at start): whether people have a login account, and keeping an account's
 * login email equal to its person's when an admin changes it. An email is who may
 * log in by link, so the directory never changes it behind an account's back.
 */
export interface PersonAccounts {
  /** The ids among `personIds` that have a login account. */
  withAccount(em: EntityManager, personIds: string[]): Promise<Set<string>>;
  /** An admin changed the email of a person who has an account: the account follows. */
  emailChanged(em: EntityManager, personId: string, email: string): Promise<void>;
}

/** Where the accounts lib plugs in its PersonAccounts (see AccountsModule). */
@Injectable()
export class PersonAccountsPort {
  private implementation?: PersonAccounts;

  register(implementation: PersonAccounts): void {
    this.implementation = implementation;
  }

  get accounts(): PersonAccounts {
    if (!this.implementation) throw new Error('No PersonAccounts registered (AccountsModule).');
    return this.implementation;
  }
}
