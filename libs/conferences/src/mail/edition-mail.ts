import {
  countryNameIn,
  DATE_TEXTS,
  EventKind,
  inLanguage,
  LanguageCode,
  languageOr,
} from '@platform/core';
import { Person } from '@platform/directory';
import { AttachmentRef, MailMessage, MailRequest, MailValues, Recipient } from '@platform/mail';
import { Edition } from '../editions/edition.entity';

/** What an edition's mail says about it, written in the mail's language. */
export type EditionValues = {
  editionTitle: string;
  theme: string;
  dates: string;
  place: string;
};

/** A message that says no more than an edition's own facts (see editionValues). */
export type EditionMessage = MailMessage<Pick<EditionValues, 'editionTitle' | 'dates'>>;

export const EDITION_TITLE = { editionTitle: 'Title of the conference edition.' } as const;

/** The sign-off of every mail about an edition. */
export const COMMITTEE_SIGN_OFF: Record<LanguageCode, readonly string[]> = {
  en: ['Kind regards,', 'The organizing committee'],
  ru: ['С уважением,', 'Организационный комитет'],
  uz: ['Hurmat bilan,', 'Tashkiliy qoʻmita'],
};

export function editionValues(edition: Edition, language: string): EditionValues {
  const lang = languageOr(language);
  const text = (field: 'title' | 'theme' | 'city' | 'venue') =>
    inLanguage(edition[field], edition.translations, field, lang);
  const venue = text('venue');
  return {
    editionTitle: text('title') ?? edition.title,
    theme: text('theme') ?? '—',
    dates: DATE_TEXTS[lang].dateRange(edition.startDate, edition.endDate),
    place: `${venue ? `${venue}, ` : ''}${text('city')}, ${countryNameIn(lang, edition.hostCountry)}`,
  };
}

export function recipient(person: Person): Recipient {
  return {
    email: person.email,
    name: person.nameIn(languageOr(person.language)),
    language: person.language,
    personId: person.id,
  };
}

/** One person's mail about an edition: the edition's organizers see it and their wording applies. */
export function editionMail<V extends MailValues>(
  message: MailMessage<V>,
  edition: Edition,
  person: Person,
  idempotencyKey: string,
  values: V,
  attachments: AttachmentRef[] = [],
): MailRequest<V> {
  return {
    message,
    idempotencyKey,
    to: recipient(person),
    values,
    about: { kind: EventKind.EDITION, id: edition.id },
    attachments,
  };
}
