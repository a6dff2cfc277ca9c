import { LanguageCode } from '@platform/core';

/** The words of the knowledge results CSV (dimension headers come from CSV_TEXTS). */
export interface KnowledgeCsvTexts {
  testedPeople: string;
  pairs: string;
  preTests: string;
  postTests: string;
  meanPre: string;
  meanPost: string;
  meanGain: string;
  improved: string;
  mastered: string;
}

export const KNOWLEDGE_CSV_TEXTS: Record<LanguageCode, KnowledgeCsvTexts> = {
  en: {
    testedPeople: 'People tested (pre and post)',
    pairs: 'Pre/post pairs',
    preTests: 'Pre-tests',
    postTests: 'Post-tests',
    meanPre: 'Mean pre-test %',
    meanPost: 'Mean post-test %',
    meanGain: 'Mean gain (points)',
    improved: 'Improved %',
    mastered: 'Reached pass mark %',
  },
  ru: {
    testedPeople: 'Протестировано людей (до и после)',
    pairs: 'Пар тестов до/после',
    preTests: 'Входных тестов',
    postTests: 'Итоговых тестов',
    meanPre: 'Средний входной тест %',
    meanPost: 'Средний итоговый тест %',
    meanGain: 'Средний прирост (пункты)',
    improved: 'Улучшили результат %',
    mastered: 'Достигли проходного балла %',
  },
  uz: {
    testedPeople: 'Test topshirganlar (oldin va keyin)',
    pairs: 'Oldingi/keyingi test juftlari',
    preTests: 'Dastlabki testlar',
    postTests: 'Yakuniy testlar',
    meanPre: 'Oʻrtacha dastlabki test %',
    meanPost: 'Oʻrtacha yakuniy test %',
    meanGain: 'Oʻrtacha oʻsish (ball)',
    improved: 'Natijasini yaxshilaganlar %',
    mastered: 'Oʻtish balliga yetganlar %',
  },
};
