import type { LanguageCode } from '@platform/core/plain';
import { ProfessionalCategory } from './professional-category';

/**
 * The one wording of each professional category, in every language the platform speaks.
 * Indicators, documents and roster files name categories through these.
 */
export const CATEGORY_LABELS: Record<ProfessionalCategory, Record<LanguageCode, string>> = {
  [ProfessionalCategory.OPERATIONAL_OFFICER]: {
    en: 'Operational officer',
    ru: 'Оперативный сотрудник',
    uz: 'Tezkor xodim',
  },
  [ProfessionalCategory.INVESTIGATOR]: { en: 'Investigator', ru: 'Следователь', uz: 'Tergovchi' },
  [ProfessionalCategory.JUDGE]: { en: 'Judge', ru: 'Судья', uz: 'Sudya' },
  [ProfessionalCategory.PROSECUTOR]: { en: 'Prosecutor', ru: 'Прокурор', uz: 'Prokuror' },
  [ProfessionalCategory.BORDER_OFFICER]: {
    en: 'Border officer',
    ru: 'Сотрудник пограничной службы',
    uz: 'Chegara xizmati xodimi',
  },
  [ProfessionalCategory.SOCIAL_WORKER]: {
    en: 'Social worker',
    ru: 'Социальный работник',
    uz: 'Ijtimoiy xodim',
  },
  [ProfessionalCategory.NGO_STAFF]: { en: 'NGO staff', ru: 'Сотрудник ННО', uz: 'NNT xodimi' },
  [ProfessionalCategory.DIPLOMAT]: { en: 'Diplomat', ru: 'Дипломат', uz: 'Diplomat' },
  [ProfessionalCategory.EXPERT]: { en: 'Expert', ru: 'Эксперт', uz: 'Ekspert' },
  [ProfessionalCategory.OTHER]: { en: 'Other', ru: 'Другое', uz: 'Boshqa' },
};

export function isProfessionalCategory(value: string): value is ProfessionalCategory {
  return (Object.values(ProfessionalCategory) as string[]).includes(value);
}

/** The category's label in `language` (English by default); an unknown value as it is. */
export function categoryLabel(category: string, language: LanguageCode = 'en'): string {
  return isProfessionalCategory(category) ? CATEGORY_LABELS[category][language] : category;
}
