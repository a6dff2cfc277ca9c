import { LanguageCode } from '../language/language';
// Dates in words, in the platform's three languages: documents and mail print them.

export interface DateTexts {
  /** "28–29 July 2022", "28–29 июля 2022 г.", "2022-yil 28–29-iyul" */
  dateRange: (start: string, end: string) => string;
  date: (iso: string) => string;
  weekday: (iso: string) => string;
  /** A month of a year, "YYYY-MM": "March 2023", "март 2023 г.", "2023-yil mart" */
  month: (yearMonth: string) => string;
}

export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// Genitive, as after a day number.
const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
// Nominative, as a month on its own.
const RU_MONTHS_ALONE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const UZ_MONTHS = [
  'yanvar',
  'fevral',
  'mart',
  'aprel',
  'may',
  'iyun',
  'iyul',
  'avgust',
  'sentabr',
  'oktabr',
  'noyabr',
  'dekabr',
];
// Sunday first, as Date.getUTCDay().
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RU_WEEKDAYS = [
  'воскресенье',
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
];
const UZ_WEEKDAYS = [
  'yakshanba',
  'dushanba',
  'seshanba',
  'chorshanba',
  'payshanba',
  'juma',
  'shanba',
];

interface Day {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** A month's or weekday's name; Date's indexes are always within the 12 months and 7 days. */
function nameAt(names: readonly string[], index: number): string {
  const name = names[index];
  if (name === undefined) throw new RangeError(`No name at index ${index}`);
  return name;
}

function parseDate(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: "${iso}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return {
    year,
    month: month - 1,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** How much two dates share, so a range repeats only what differs. */
function span(
  start: string,
  end: string,
): { a: Day; b: Day; shared: 'day' | 'month' | 'year' | 'none' } {
  const a = parseDate(start);
  const b = parseDate(end);
  const shared =
    a.year !== b.year ? 'none' : a.month !== b.month ? 'year' : a.day !== b.day ? 'month' : 'day';
  return { a, b, shared };
}

export const DATE_TEXTS: Record<LanguageCode, DateTexts> = {
  en: {
    dateRange: (start, end) => {
      const { a, b, shared } = span(start, end);
      const full = (d: Day) => `${d.day} ${nameAt(ENGLISH_MONTHS, d.month)} ${d.year}`;
      if (shared === 'day') return full(a);
      if (shared === 'month') return `${a.day}–${full(b)}`;
      if (shared === 'year') return `${a.day} ${nameAt(ENGLISH_MONTHS, a.month)} – ${full(b)}`;
      return `${full(a)} – ${full(b)}`;
    },
    date: (iso) => {
      const d = parseDate(iso);
      return `${d.day} ${nameAt(ENGLISH_MONTHS, d.month)} ${d.year}`;
    },
    weekday: (iso) => nameAt(EN_WEEKDAYS, parseDate(iso).weekday),
    month: (yearMonth) => {
      const d = parseDate(`${yearMonth}-01`);
      return `${nameAt(ENGLISH_MONTHS, d.month)} ${d.year}`;
    },
  },
  ru: {
    dateRange: (start, end) => {
      const { a, b, shared } = span(start, end);
      const full = (d: Day) => `${d.day} ${nameAt(RU_MONTHS, d.month)} ${d.year} г.`;
      if (shared === 'day') return full(a);
      if (shared === 'month') return `${a.day}–${full(b)}`;
      if (shared === 'year') return `${a.day} ${nameAt(RU_MONTHS, a.month)} – ${full(b)}`;
      return `${full(a)} – ${full(b)}`;
    },
    date: (iso) => {
      const d = parseDate(iso);
      return `${d.day} ${nameAt(RU_MONTHS, d.month)} ${d.year} г.`;
    },
    weekday: (iso) => nameAt(RU_WEEKDAYS, parseDate(iso).weekday),
    month: (yearMonth) => {
      const d = parseDate(`${yearMonth}-01`);
      return `${nameAt(RU_MONTHS_ALONE, d.month)} ${d.year} г.`;
    },
  },
  uz: {
    // The year comes first: "2022-yil 12–13-oktabr", "2022-yil 30-sentabr – 2-oktabr".
    dateRange: (start, end) => {
      const { a, b, shared } = span(start, end);
      const full = (d: Day) => `${d.year}-yil ${d.day}-${nameAt(UZ_MONTHS, d.month)}`;
      if (shared === 'day') return full(a);
      if (shared === 'month')
        return `${a.year}-yil ${a.day}–${b.day}-${nameAt(UZ_MONTHS, b.month)}`;
      if (shared === 'year') return `${full(a)} – ${b.day}-${nameAt(UZ_MONTHS, b.month)}`;
      return `${full(a)} – ${full(b)}`;
    },
    date: (iso) => {
      const d = parseDate(iso);
      return `${d.year}-yil ${d.day}-${nameAt(UZ_MONTHS, d.month)}`;
    },
    weekday: (iso) => nameAt(UZ_WEEKDAYS, parseDate(iso).weekday),
    month: (yearMonth) => {
      const d = parseDate(`${yearMonth}-01`);
      return `${d.year}-yil ${nameAt(UZ_MONTHS, d.month)}`;
    },
  },
};
