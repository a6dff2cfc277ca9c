import { CsvSeparatorChar, DATE_TEXTS, LanguageCode, toCsv } from '@platform/core';
import { categoryLabel, organizationTypeLabel, sexLabel } from '@platform/directory';
import { countryName, textsFor } from '@platform/documents';
import { CSV_TEXTS } from '../csv-texts';
import { IndicatorDimension, IndicatorKey } from './indicators.types';

/** A key's value in words in `language`; a programme by its title, a region as entered. */
export function label(
  dimension: IndicatorDimension,
  value: string,
  language: LanguageCode,
  programmeTitle?: string,
): string {
  switch (dimension) {
    case IndicatorDimension.CATEGORY:
      return categoryLabel(value, language);
    case IndicatorDimension.SEX:
      return sexLabel(value, language);
    case IndicatorDimension.COUNTRY:
      return countryName(language, value);
    case IndicatorDimension.ORGANIZATION_TYPE:
      return organizationTypeLabel(value, language);
    case IndicatorDimension.PROGRAMME:
      return programmeTitle ?? value;
    case IndicatorDimension.QUARTER:
      return CSV_TEXTS[language].quarter(value.slice(0, 4), value.slice(-1));
    case IndicatorDimension.MONTH:
      return DATE_TEXTS[language].month(value);
    default:
      return value;
  }
}

export const compareKeys = (a: IndicatorKey[], b: IndicatorKey[]) => {
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (y && x.value !== y.value) return x.value < y.value ? -1 : 1;
  }
  return 0;
};

/** Figures grouped by indicator dimensions, with their totals. */
export interface Grouped<F> {
  groupBy: IndicatorDimension[];
  rows: (F & { keys: IndicatorKey[] })[];
  totals: F;
}

/**
 * Grouped figures as CSV: a column per dimension (labels in `language`), then the figures'
 * columns named by `columns`, one line per row and a totals line last.
 */
export function groupedCsv<F>(
  result: Grouped<F>,
  language: LanguageCode,
  separator: CsvSeparatorChar,
  columns: string[],
  line: (figures: F) => (string | number)[],
): string {
  const header = [...result.groupBy.map((d) => CSV_TEXTS[language].dimension[d]), ...columns];
  if (!result.groupBy.length) return toCsv([header, line(result.totals)], separator);
  const rows = result.rows.map((row) => [
    // A programme's label is its title, in the language it was written in.
    ...row.keys.map((k) =>
      k.dimension === IndicatorDimension.PROGRAMME
        ? k.label
        : label(k.dimension, k.value, language),
    ),
    ...line(row),
  ]);
  const totals = [
    textsFor(language).attendance.total,
    ...result.groupBy.slice(1).map(() => ''),
    ...line(result.totals),
  ];
  return toCsv([header, ...rows, totals], separator);
}
