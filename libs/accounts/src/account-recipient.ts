import { LanguageCode, languageOr } from '@platform/core';
import type { Recipient } from '@platform/mail';
import { User } from './user.entity';

/**
 * Mail to an account's holder (an organizer, a focal point): in the language they chose
 * for the web app, else their person's, greeted by name in that language's script. The
 * account's person must be loaded.
 */
export function accountRecipient(account: User): Recipient & { language: LanguageCode } {
  const person = account.person?.getEntity();
  const language = languageOr(account.language ?? person?.language);
  return {
    email: account.email,
    name: person?.nameIn(language) ?? account.email,
    language,
    personId: person?.id,
  };
}
