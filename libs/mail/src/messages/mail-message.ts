import { LanguageCode } from '@platform/core';

/** The values a message's placeholders take, already written in the mail's language. */
export type MailValues = Record<string, string | number>;

/** A subject and a body with {{placeholders}}. */
export interface MailText {
  subject: string;
  body: string;
}

/**
 * A mail a domain sends: its name (stored with each message, and the key of an
 * organizer's own wording), what each placeholder means, and its wording in every
 * language. The domain that sends it defines it next to the function that builds it
 * (`*.email.ts`); `{{name}}` is always the recipient's.
 */
export interface MailMessage<V extends MailValues = MailValues> {
  readonly name: string;
  readonly description: string;
  readonly placeholders: { readonly [K in keyof V | 'name']: string };
  readonly texts: Readonly<Record<LanguageCode, MailText>>;
}

/** Type-checks a message: its placeholders are exactly its values' names plus `name`. */
export function defineMessage<V extends MailValues>(message: MailMessage<V>): MailMessage<V> {
  return message;
}

/**
 * What `{{name}}` means in every message. The builder fills it with the name in the
 * mail's script (the directory's `Person.nameIn`): this lib knows no people.
 */
export const RECIPIENT_NAME = {
  name: "The recipient's full name, in the script of the mail's language where the directory has it (Cyrillic in Russian, Latin in English and Uzbek).",
} as const;

/** Paragraphs separated by a blank line; an array is one paragraph of several lines. */
export function paragraphs(...parts: (string | readonly string[])[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.join('\n'))).join('\n\n');
}

// Russian and Uzbek greet with "!" as their letters do; Russian avoids
// "Уважаемый/Уважаемая" because the recipient's gender is not known.
/** The sign-off of mail that comes from the platform's organizers rather than a committee. */
export const ORGANIZERS_SIGN_OFF: Record<LanguageCode, readonly string[]> = {
  en: ['Kind regards,', 'The organizers'],
  ru: ['С уважением,', 'Организаторы'],
  uz: ['Hurmat bilan,', 'Tashkilotchilar'],
};

/** What `{{dates}}` means wherever an event's days are given. */
export const DATES = {
  dates: 'First to last day, written in the mail language, e.g. 28–29 July 2022.',
} as const;

/** What `{{place}}` means wherever an event's place is given. */
export const PLACE = { place: 'City and country (or venue) where it takes place.' } as const;
