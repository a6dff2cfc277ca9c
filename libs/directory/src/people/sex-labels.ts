import { LanguageCode } from '@platform/core';
import { Sex } from './person.entity';

/**
 * The one wording of a person's sex in every language the platform speaks, and of a sex
 * not recorded. Exports and indicators print these; roster files may use them.
 */
export const SEX_LABELS: Record<Sex | 'UNKNOWN', Record<LanguageCode, string>> = {
  [Sex.FEMALE]: { en: 'Female', ru: 'Женский', uz: 'Ayol' },
  [Sex.MALE]: { en: 'Male', ru: 'Мужской', uz: 'Erkak' },
  UNKNOWN: { en: 'Unknown', ru: 'Не указан', uz: 'Koʻrsatilmagan' },
};

/** FEMALE or MALE in `language`; anything else (UNKNOWN, none) as not recorded. */
export function sexLabel(sex: string | null | undefined, language: LanguageCode = 'en'): string {
  return (sex === Sex.FEMALE || sex === Sex.MALE ? SEX_LABELS[sex] : SEX_LABELS.UNKNOWN)[language];
}
