import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { EventRef, LanguageCode } from '@platform/core';
import { MailText } from '../messages/mail-message';

/** An organizer's own wording of a message for the event a mail is about, if there is one. */
export type WordingSource = (
  em: EntityManager,
  about: EventRef,
  message: string,
  language: LanguageCode,
) => Promise<MailText | null>;

/**
 * Where the outbox finds organizers' wordings. The lib that lets organizers write them
 * (mailings) plugs its source in; without one every mail has its default wording.
 */
@Injectable()
export class MailWordings {
  private source?: WordingSource;

  use(source: WordingSource): void {
    this.source = source;
  }

  find(
    em: EntityManager,
    about: EventRef,
    message: string,
    language: LanguageCode,
  ): Promise<MailText | null> {
    return this.source ? this.source(em, about, message, language) : Promise.resolve(null);
  }
}
