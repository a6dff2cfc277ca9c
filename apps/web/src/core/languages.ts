export const LANGUAGES = ['en', 'ru', 'uz'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  ru: 'Русский',
  uz: 'Oʻzbekcha',
};

/** BCP 47 locale for dates and numbers. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU', uz: 'uz-Latn-UZ' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The browser's first preferred language we have, else English. */
export function browserLanguage(): Lang {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- older browsers have no navigator.languages
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
