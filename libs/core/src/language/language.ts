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
 * A language asked for in a request (`?lang=`): none gives `otherwise` (English unless
 * told, e.g. the Accept-Language header's choice); anything else than the three is the
 * client's mistake, refused naming the field.
 */
export function requestedLanguage(
  value: string | undefined,
  field = 'lang',
  otherwise: LanguageCode = DEFAULT_LANGUAGE,
): LanguageCode {
  if (value === undefined) return otherwise;
  if (!isLanguage(value)) {
    throw DomainError.invalid(field, `must be one of ${LANGUAGES.join(', ')}`);
  }
  return value;
}

/**
 * The reader's language from an HTTP Accept-Language header: the first of ours in the
 * order of preference (q-values; equal ones keep the header's order), a region or script
 * subtag aside (ru-RU, uz-Latn-UZ, uz-Cyrl are Russian and Uzbek); `*` is any, so the
 * first of ours the header does not name. No header, or none of ours, gives English.
 * Never refuses: a browser's header is no mistake of the reader's.
 */
export function languageFromAcceptLanguage(header: string | string[] | undefined): LanguageCode {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranges = text
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q\s*=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ''));
      return {
        primary: tag.toLowerCase().split(/[-_]/)[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        order,
      };
    })
    .filter((range) => range.primary !== '');
  const named = new Set(ranges.map((range) => range.primary));
  const preferred = ranges
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { primary } of preferred) {
    if (isLanguage(primary)) return primary;
    if (primary === '*') {
      const any = LANGUAGES.find((language) => !named.has(language));
      if (any) return any;
    }
  }
  return DEFAULT_LANGUAGE;
}
