import type { Messages } from '../core/i18n';

export const publicMessages: Messages = {
  en: {
    homeTitle: 'Regional conferences',
    homeIntro: 'Published editions of the regional conferences, the next one first.',
    upcoming: 'Coming',
    past: 'Past editions',
    noEditions: 'No edition is published yet.',
    place: '{{city}}, {{country}}',
  },
  ru: {
    homeTitle: 'Региональные конференции',
    homeIntro: 'Опубликованные конференции региона, ближайшая — первой.',
    upcoming: 'Предстоящие',
    past: 'Прошедшие',
    noEditions: 'Пока ни одна конференция не опубликована.',
    place: '{{city}}, {{country}}',
  },
  uz: {
    homeTitle: 'Mintaqaviy konferensiyalar',
    homeIntro: 'Eʼlon qilingan mintaqaviy konferensiyalar, eng yaqini birinchi.',
    upcoming: 'Boʻlajak',
    past: 'Oʻtgan konferensiyalar',
    noEditions: 'Hali birorta konferensiya eʼlon qilinmagan.',
    place: '{{city}}, {{country}}',
  },
};
