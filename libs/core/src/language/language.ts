import { registerEnumType } from '@nestjs/graphql';
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

/** The same three in GraphQL: a person's, an account's or a document's language. */
export enum Language {
  EN = 'en',
  RU = 'ru',
  UZ = 'uz',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'en, ru or uz (Uzbek, Latin script).',
});

const LANGUAGE_ENUM: Record<LanguageCode, Language> = {
  en: Language.EN,
  ru: Language.RU,
  uz: Language.UZ,
};

/** A language code as the GraphQL enum. */
export function languageEnum(code: LanguageCode): Language {
  return LANGUAGE_ENUM[code];
}

/**
 * The reader's language from an HTTP `Accept-Language` header: the supported language
 * with the highest q-value ("ru-RU,ru;q=0.9,en;q=0.8" → ru, "uz-Latn-UZ" → uz), English
 * when none of the three is asked for or there is no header.
 */
export function languageFromAcceptLanguage(header: string | undefined): LanguageCode {
  if (!header) return DEFAULT_LANGUAGE;
  let best: { language: LanguageCode; q: number } | undefined;
  for (const part of header.slice(0, 500).split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLanguage(primary) || !(q > 0)) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
