import { DomainError } from '../errors/domain-error';

/**
 * The languages of everything a person reads: English, Russian and Uzbek (Latin
 * script). The one list the server knows; the GraphQL enum `Language` and the web
 * app's list name the same three.
 */
export const LANGUAGES = ['en', 'ru', 'uz'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/** What a reader gets when their language is not known. */
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export function isLanguage(value: unknown): value is LanguageCode {
  return LANGUAGES.includes(value as LanguageCode);
}

/**
 * The one fallback rule: a stored or remembered language (a person's, an account's)
 * that is missing or unknown reads as English.
 */
export function languageOr(value: string | null | undefined): LanguageCode {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/**
 * A language asked for in a request (`?lang=`): none gives English; anything else than
 * the three is the client's mistake, refused naming the field.
 */
export function requestedLanguage(value: string | undefined, field = 'lang'): LanguageCode {
  if (value === undefined) return DEFAULT_LANGUAGE;
  if (!isLanguage(value)) {
    throw DomainError.invalid(field, `must be one of ${LANGUAGES.join(', ')}`);
  }
  return value;
}
