import type { LanguageCode } from '@platform/core/plain';
import type { DonorReportBreakdownName } from './donor-report.content';

/**
 * The words of a programme's donor report, PDF and CSV, in en, ru and uz (Latin). The
 * knowledge figures' names are the attendance report's (texts.ts), the measures' are the
 * trainings lib's.
 */
export interface DonorReportTexts {
  title: string;
  programme: string;
  period: string;
  implementedBy: string;
  fundedBy: string;
  people: string;
  by: Record<DonorReportBreakdownName, string>;
  enrolled: string;
  trained: string;
  total: string;
  targets: string;
  noTargets: string;
  measure: string;
  target: string;
  actual: string;
  percent: string;
  knowledge: string;
  noKnowledge: string;
  satisfaction: string;
  invited: string;
  answered: string;
  responseRate: string;
  meanSatisfaction: string;
  noSatisfaction: string;
  events: string;
  noEvents: string;
  event: string;
  place: string;
  dates: string;
  /** The CSV's columns: section, item, value, target, percent. */
  section: string;
  item: string;
  value: string;
}

export const DONOR_REPORT_TEXTS: Record<LanguageCode, DonorReportTexts> = {
  en: {
    title: 'Donor report',
    programme: 'Programme',
    period: 'Period',
    implementedBy: 'Implemented by',
    fundedBy: 'Funded by',
    people: 'People trained',
    by: { SEX: 'By sex', CATEGORY: 'By professional category', REGION: 'By region' },
    enrolled: 'Enrolled',
    trained: 'Trained',
    total: 'Total',
    targets: 'Targets and actuals',
    noTargets: 'No targets were set for this period.',
    measure: 'Measure',
    target: 'Target',
    actual: 'Actual',
    percent: '% of target',
    knowledge: 'Knowledge (pre- and post-tests)',
    noKnowledge: 'No knowledge tests in this period.',
    satisfaction: 'Satisfaction (end-of-training evaluations)',
    invited: 'Trainees asked',
    answered: 'Answered',
    responseRate: 'Response rate',
    meanSatisfaction: 'Mean satisfaction (1–5)',
    noSatisfaction: 'No end-of-training evaluations in this period.',
    events: 'Events held',
    noEvents: 'No events started in this period.',
    event: 'Event',
    place: 'Place',
    dates: 'Dates',
    section: 'Section',
    item: 'Item',
    value: 'Value',
  },
  ru: {
    title: 'Отчёт для донора',
    programme: 'Программа',
    period: 'Период',
    implementedBy: 'Исполнитель',
    fundedBy: 'При финансировании',
    people: 'Обучено людей',
    by: { SEX: 'По полу', CATEGORY: 'По профессиональной категории', REGION: 'По регионам' },
    enrolled: 'Записано',
    trained: 'Обучено',
    total: 'Итого',
    targets: 'Целевые и фактические показатели',
    noTargets: 'Целевые показатели на этот период не заданы.',
    measure: 'Показатель',
    target: 'Цель',
    actual: 'Факт',
    percent: '% от цели',
    knowledge: 'Знания (входное и итоговое тестирование)',
    noKnowledge: 'В этом периоде тестирования не было.',
    satisfaction: 'Удовлетворённость (итоговые анкеты)',
    invited: 'Опрошено слушателей',
    answered: 'Ответили',
    responseRate: 'Доля ответивших',
    meanSatisfaction: 'Средняя удовлетворённость (1–5)',
    noSatisfaction: 'В этом периоде итоговых анкет не было.',
    events: 'Проведённые мероприятия',
    noEvents: 'В этом периоде мероприятия не начинались.',
    event: 'Мероприятие',
    place: 'Место',
    dates: 'Даты',
    section: 'Раздел',
    item: 'Показатель',
    value: 'Значение',
  },
  uz: {
    title: 'Donor uchun hisobot',
    programme: 'Dastur',
    period: 'Davr',
    implementedBy: 'Ijrochi',
    fundedBy: 'Moliyalashtiruvchi',
    people: 'Oʻqitilgan shaxslar',
    by: { SEX: 'Jinsi boʻyicha', CATEGORY: 'Kasbiy toifa boʻyicha', REGION: 'Hududlar boʻyicha' },
    enrolled: 'Yozilgan',
    trained: 'Oʻqitilgan',
    total: 'Jami',
    targets: 'Maqsadli va haqiqiy koʻrsatkichlar',
    noTargets: 'Bu davr uchun maqsadli koʻrsatkichlar belgilanmagan.',
    measure: 'Koʻrsatkich',
    target: 'Maqsad',
    actual: 'Haqiqiy',
    percent: 'Maqsadga nisbatan %',
    knowledge: 'Bilim (dastlabki va yakuniy testlar)',
    noKnowledge: 'Bu davrda bilim testlari oʻtkazilmagan.',
    satisfaction: 'Mamnunlik (yakuniy soʻrovnomalar)',
    invited: 'Soʻralgan tinglovchilar',
    answered: 'Javob berganlar',
    responseRate: 'Javob berganlar ulushi',
    meanSatisfaction: 'Oʻrtacha mamnunlik (1–5)',
    noSatisfaction: 'Bu davrda yakuniy soʻrovnomalar boʻlmagan.',
    events: 'Oʻtkazilgan tadbirlar',
    noEvents: 'Bu davrda tadbirlar boshlanmagan.',
    event: 'Tadbir',
    place: 'Joy',
    dates: 'Sanalar',
    section: 'Boʻlim',
    item: 'Koʻrsatkich',
    value: 'Qiymat',
  },
};
