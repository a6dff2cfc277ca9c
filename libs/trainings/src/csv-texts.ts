import { LanguageCode } from '@platform/core';
import { IndicatorDimension } from './indicators/indicators.types';

/**
 * The words of the trainings' CSV downloads that no other table has. The rest comes from
 * its owner: the attendance report's headers, marks, yes/no and "Total" from the
 * documents' texts; categories, sexes and organization types from the directory's labels;
 * months from the core's dates in words. `CsvTexts` has no optional member, so a language
 * that misses a word does not compile.
 */
export interface CsvTexts {
  /** Column headers of the indicators, one per dimension; the roster's sex and country too. */
  dimension: Record<IndicatorDimension, string>;
  nameAlt: string;
  attendanceRate: string;
  peopleEnrolled: string;
  peopleTrained: string;
  enrollments: string;
  completions: string;
  /** A quarter of a year: "2023 Q1", "1-й квартал 2023 г.", "2023-yil 1-chorak". */
  quarter: (year: string, quarter: string) => string;
}

export const CSV_TEXTS: Record<LanguageCode, CsvTexts> = {
  en: {
    dimension: {
      CATEGORY: 'Category',
      SEX: 'Sex',
      COUNTRY: 'Country',
      REGION: 'Region',
      ORGANIZATION_TYPE: 'Organization type',
      PROGRAMME: 'Programme',
      YEAR: 'Year',
      QUARTER: 'Quarter',
      MONTH: 'Month',
    },
    nameAlt: 'Name (other script)',
    attendanceRate: 'Attendance %',
    peopleEnrolled: 'People enrolled',
    peopleTrained: 'People trained',
    enrollments: 'Enrollments',
    completions: 'Completions',
    quarter: (year, quarter) => `${year} Q${quarter}`,
  },
  ru: {
    dimension: {
      CATEGORY: 'Категория',
      SEX: 'Пол',
      COUNTRY: 'Страна',
      REGION: 'Регион',
      ORGANIZATION_TYPE: 'Тип организации',
      PROGRAMME: 'Программа',
      YEAR: 'Год',
      QUARTER: 'Квартал',
      MONTH: 'Месяц',
    },
    nameAlt: 'ФИО (другим алфавитом)',
    attendanceRate: 'Посещаемость %',
    peopleEnrolled: 'Записано людей',
    peopleTrained: 'Обучено людей',
    enrollments: 'Записей',
    completions: 'Завершений',
    quarter: (year, quarter) => `${quarter}-й квартал ${year} г.`,
  },
  uz: {
    dimension: {
      CATEGORY: 'Toifa',
      SEX: 'Jinsi',
      COUNTRY: 'Mamlakat',
      REGION: 'Hudud',
      ORGANIZATION_TYPE: 'Tashkilot turi',
      PROGRAMME: 'Dastur',
      YEAR: 'Yil',
      QUARTER: 'Chorak',
      MONTH: 'Oy',
    },
    nameAlt: 'F.I.Sh. (boshqa alifboda)',
    attendanceRate: 'Davomat %',
    peopleEnrolled: 'Yozilgan shaxslar',
    peopleTrained: 'Oʻqitilgan shaxslar',
    enrollments: 'Yozilishlar',
    completions: 'Yakunlashlar',
    quarter: (year, quarter) => `${year}-yil ${quarter}-chorak`,
  },
};
