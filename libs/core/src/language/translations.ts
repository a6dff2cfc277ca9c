import { DomainError } from '../errors/domain-error';
import { LanguageCode } from './language';

/**
 * Content that organizers and trainers type (titles, themes, session titles…) is
 * stored in English in its own column, the reference version every reader falls back
 * to, with its Russian and Uzbek translations beside it in one JSON column.
 */
export const TRANSLATED_LANGUAGES = ['ru', 'uz'] as const;
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/**
 * An entity's translations by field path: "title", "objectives.0" for an item of a
 * list, "signatories.1.position" for a field of a list item.
 */
export type Translations = Record<string, Partial<Record<TranslatedLanguage, string>>>;

/** The texts of one entity that can be translated, by field path, in English. */
export type TranslatableTexts = Record<string, string | null | undefined>;

/** A translation as an organizer sends it: absent leaves a version, null or "" removes it. */
export interface TranslationChange {
  field: string;
  ru?: string | null;
  uz?: string | null;
}

/** The one fallback rule: the version in the reader's language, else the English text. */
export function inLanguage(
  text: string,
  translations: Translations | undefined,
  field: string,
  language: LanguageCode,
): string;
export function inLanguage(
  text: string | null | undefined,
  translations: Translations | undefined,
  field: string,
  language: LanguageCode,
): string | undefined;
export function inLanguage(
  text: string | null | undefined,
  translations: Translations | undefined,
  field: string,
  language: LanguageCode,
): string | undefined {
  if (text == null || text === '') return text ?? undefined;
  if (language === 'en') return text;
  return translations?.[field]?.[language] ?? text;
}

/** A list of texts (an edition's objectives) in the reader's language, item by item. */
export function listInLanguage(
  texts: readonly string[],
  translations: Translations | undefined,
  field: string,
  language: LanguageCode,
): string[] {
  return texts.map((text, i) => inLanguage(text, translations, `${field}.${i}`, language));
}

/** The translatable texts of a list field, keyed "objectives.0", "objectives.1"… */
export function listTexts(field: string, texts: readonly string[]): TranslatableTexts {
  return Object.fromEntries(texts.map((text, i) => [`${field}.${i}`, text]));
}

/** Every translatable text in the three languages, null where a version is missing. */
export function textVersions(
  texts: TranslatableTexts,
  translations: Translations | undefined,
): { field: string; en: string | null; ru: string | null; uz: string | null }[] {
  return Object.entries(texts).map(([field, en]) => ({
    field,
    en: en || null,
    ru: translations?.[field]?.ru ?? null,
    uz: translations?.[field]?.uz ?? null,
  }));
}

/** The texts entered in English whose Russian or Uzbek version is still missing. */
export function missingTranslations(
  texts: TranslatableTexts,
  translations: Translations | undefined,
): { field: string; text: string; languages: TranslatedLanguage[] }[] {
  return Object.entries(texts).flatMap(([field, text]) => {
    if (!text) return [];
    const languages = TRANSLATED_LANGUAGES.filter((language) => !translations?.[field]?.[language]);
    return languages.length ? [{ field, text, languages }] : [];
  });
}

/**
 * The translations after an organizer's changes, checked against the entity's texts
 * (after the same request's other changes): a field that is not translatable is refused
 * naming it; the versions of a text that is now empty, or of a list item that is gone,
 * are dropped so that no translation outlives its text. A new object, so the ORM sees
 * the change.
 */
export function withTranslations(
  current: Translations | undefined,
  changes: readonly TranslationChange[] | undefined,
  texts: TranslatableTexts,
  maxLength: number,
): Translations {
  const next: Translations = {};
  for (const [field, versions] of Object.entries(current ?? {})) next[field] = { ...versions };
  (changes ?? []).forEach((change, i) => {
    if (!(change.field in texts)) {
      const known = Object.keys(texts).join(', ');
      throw DomainError.invalid(
        `translations.${i}.field`,
        `"${change.field}" cannot be translated here; translatable: ${known || 'none'}`,
      );
    }
    const versions = { ...next[change.field] };
    for (const language of TRANSLATED_LANGUAGES) {
      const value = change[language];
      if (value === undefined) continue;
      const text = value?.trim() ?? '';
      if (text.length > maxLength)
        throw DomainError.invalid(
          `translations.${i}.${language}`,
          `must be at most ${maxLength} characters`,
        );
      versions[language] = text || undefined;
    }
    next[change.field] = versions;
  });
  // Kept: the versions that have a text, of the texts that still exist.
  return Object.fromEntries(
    Object.entries(next).flatMap(([field, versions]) => {
      const kept = Object.entries(versions).filter(([, text]) => text);
      return texts[field] && kept.length ? [[field, Object.fromEntries(kept)]] : [];
    }),
  );
}

/** An entity whose texts organizers translate: its English texts and their translations. */
export interface Translatable {
  translations: Translations;
  translatableTexts(): TranslatableTexts;
}

/**
 * Applies an organizer's translations to an entity, after the request's English changes
 * (so that translations of a text just cleared are dropped too).
 */
export function translate(
  entity: Translatable,
  changes: readonly TranslationChange[] | undefined,
  maxLength = 5000,
): void {
  entity.translations = withTranslations(
    entity.translations,
    changes,
    entity.translatableTexts(),
    maxLength,
  );
}
