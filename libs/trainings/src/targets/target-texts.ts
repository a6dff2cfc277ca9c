import { LanguageCode } from '@platform/core';
import { TargetMeasure } from './targets.types';

/**
 * The words of the targets: one name per measure, which the API, the donor report's PDF
 * and CSV all print. A sex or category line adds the directory's label after a colon.
 */
export const TARGET_TEXTS: Record<LanguageCode, Record<TargetMeasure, string>> = {
  en: {
    PEOPLE_TRAINED: 'People trained',
    PEOPLE_TRAINED_BY_SEX: 'People trained',
    PEOPLE_TRAINED_BY_CATEGORY: 'People trained',
    SHARE_OF_WOMEN: 'Share of women, %',
    MEAN_KNOWLEDGE_GAIN: 'Mean knowledge gain, points',
    SATISFACTION: 'Satisfaction (1–5)',
  },
  ru: {
    PEOPLE_TRAINED: 'Обучено людей',
    PEOPLE_TRAINED_BY_SEX: 'Обучено людей',
    PEOPLE_TRAINED_BY_CATEGORY: 'Обучено людей',
    SHARE_OF_WOMEN: 'Доля женщин, %',
    MEAN_KNOWLEDGE_GAIN: 'Средний прирост знаний, п.п.',
    SATISFACTION: 'Удовлетворённость (1–5)',
  },
  uz: {
    PEOPLE_TRAINED: 'Oʻqitilgan shaxslar',
    PEOPLE_TRAINED_BY_SEX: 'Oʻqitilgan shaxslar',
    PEOPLE_TRAINED_BY_CATEGORY: 'Oʻqitilgan shaxslar',
    SHARE_OF_WOMEN: 'Ayollar ulushi, %',
    MEAN_KNOWLEDGE_GAIN: 'Bilimning oʻrtacha oʻsishi, ball',
    SATISFACTION: 'Mamnunlik (1–5)',
  },
};
