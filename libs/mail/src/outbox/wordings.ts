import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { EventRef, LanguageCode, MissingTranslation } from '@platform/core';
import { MailText } from '../messages/mail-message';

/** An organizer's own wording of a message for the event a mail is about, if there is one. */
export type WordingSource = (
  em: EntityManager,
  about: EventRef,
  message: string,
  language: LanguageCode,
) => Promise<MailText | null>;

/** An event's wordings written in some languages but not all, as missing translations. */
export type UntranslatedWordings = (about: EventRef) => Promise<MissingTranslation[]>;

/**
 * Where the outbox finds organizers' wordings. The lib that lets organizers write them
 * (mailings) plugs its source in; without one every mail has its default wording.
 */
@Injectable()
export class MailWordings {
  private source?: WordingSource;
  private untranslatedSource?: UntranslatedWordings;

  use(source: WordingSource, untranslated?: UntranslatedWordings): void {
    this.source = source;
    this.untranslatedSource = untranslated;
  }

  find(
    em: EntityManager,
    about: EventRef,
    message: string,
    language: LanguageCode,
  ): Promise<MailText | null> {
    return this.source ? this.source(em, about, message, language) : Promise.resolve(null);
  }

  /** What is left to translate of the event's own wordings (what an event's list shows). */
  untranslated(about: EventRef): Promise<MissingTranslation[]> {
    return this.untranslatedSource ? this.untranslatedSource(about) : Promise.resolve([]);
  }
}
