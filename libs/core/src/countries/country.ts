import { LanguageCode } from '../language/language';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * ISO 3166-1 alpha-2 codes, checked against the ICU data that ships with Node. ICU
 * names a few codes that are not countries (ZZ "Unknown Region", EU, UN…): refused.
 */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);
/** The answer for each two-letter code asked (at most 676): asking ICU is slow, an import asks per row. */
const checkedCodes = new Map<string, boolean>();
export function isCountryCode(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) return false;
  let known = checkedCodes.get(value);
  if (known === undefined) {
    known = !NOT_COUNTRIES.has(value) && regionNames.of(value) !== value;
    checkedCodes.set(value, known);
  }
  return known;
}

/** The country's name in English (see countryNameIn for the reader's language). */
export function countryName(code: string): string {
  return countryNameIn('en', code);
}

// ICU's name where it differs from the one the country uses itself in that language.
const COUNTRY_OVERRIDES: Partial<Record<LanguageCode, Record<string, string>>> = {
  ru: { KG: 'Кыргызстан' },
};

const displayNames = new Map<LanguageCode, Intl.DisplayNames | null>();

function regionNamesIn(language: LanguageCode): Intl.DisplayNames | null {
  if (!displayNames.has(language)) {
    // A Node built with small ICU lacks ru/uz data and would answer in English silently.
    const supported = Intl.DisplayNames.supportedLocalesOf([language]).length > 0;
    displayNames.set(
      language,
      supported ? new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }) : null,
    );
  }
  return displayNames.get(language) ?? null;
}

/** The country's name in the language: ICU data, else English, else the code itself. */
export function countryNameIn(language: LanguageCode, code: string): string {
  const upper = code.toUpperCase();
  const override = COUNTRY_OVERRIDES[language]?.[upper];
  if (override) return override;
  let name: string | undefined;
  try {
    name = regionNamesIn(language)?.of(upper) ?? undefined;
    if (!name && language !== 'en') return countryNameIn('en', upper);
  } catch {
    // not a valid region code: print it as given
  }
  if (!name) return upper;
  // ICU's Uzbek has ‘ and ’ in some names ("Qo‘shma", "Noma’lum"): the alphabet writes ʻ
  // after o and g, and ʼ for the tutuq belgisi.
  return language === 'uz'
    ? name.replace(/([OoGg])[\u2018\u2019]/g, '$1\u02BB').replace(/[\u2018\u2019]/g, '\u02BC')
    : name;
}
