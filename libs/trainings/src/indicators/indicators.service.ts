import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  CsvSeparatorChar,
  DATE_TEXTS,
  DEFAULT_LANGUAGE,
  DomainError,
  isCountryCode,
  isLocalDate,
  LanguageCode,
  toCsv,
} from '@platform/core';
import { categoryLabel, organizationTypeLabel, sexLabel } from '@platform/directory';
import { countryName, textsFor } from '@platform/documents';
import { CSV_TEXTS } from '../csv-texts';
import { TrainingAccess } from '../training-access';
import { IndicatorScope, indicatorSql } from './indicators-sql';
import {
  DIMENSIONS,
  IndicatorDimension,
  IndicatorFigures,
  IndicatorFilter,
  IndicatorKey,
  TrainingIndicators,
} from './indicators.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SqlRow = Record<string, string | number | null>;

function figures(row: SqlRow | undefined): IndicatorFigures {
  return {
    peopleEnrolled: Number(row?.people_enrolled ?? 0),
    peopleTrained: Number(row?.people_trained ?? 0),
    enrollments: Number(row?.enrollments ?? 0),
    completions: Number(row?.completions ?? 0),
  };
}

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

/**
 * People trained and enrolled, grouped by any of the dimensions: computed in SQL (one
 * statement for the rows, one for the totals), whatever the number of enrollments.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
  ) {}

  async indicators(
    actor: Actor,
    groupBy: IndicatorDimension[] = [],
    filter: IndicatorFilter = {},
  ): Promise<TrainingIndicators> {
    const scope = await this.access.indicatorScope(actor);
    validate(groupBy, filter);
    return this.compute(groupBy, filter, scope);
  }

  async compute(
    groupBy: IndicatorDimension[],
    filter: IndicatorFilter,
    scope: IndicatorScope | null,
  ): Promise<TrainingIndicators> {
    const connection = this.em.getConnection();
    const run = async (dimensions: IndicatorDimension[]) => {
      const { sql, params } = indicatorSql(dimensions, filter, scope);
      return (await connection.execute(sql, params)) as SqlRow[];
    };
    const [totalsRow] = await run([]);
    const totals = figures(totalsRow);
    if (!groupBy.length) {
      return { groupBy, totals, rows: totals.enrollments ? [{ keys: [], ...totals }] : [] };
    }
    const rows = (await run(groupBy))
      .map((row) => ({
        keys: groupBy.map((dimension, i) => {
          const value = String(row[`k${i}`]);
          const title = row.programme_title == null ? undefined : String(row.programme_title);
          return { dimension, value, label: label(dimension, value, DEFAULT_LANGUAGE, title) };
        }),
        ...figures(row),
      }))
      .sort((a, b) => compareKeys(a.keys, b.keys));
    return { groupBy, totals, rows };
  }

  /**
   * Header: the dimensions and the four figures; one line per row, a totals line last;
   * headers and labels in `language`, fields separated by `separator`.
   */
  static csv(
    result: TrainingIndicators,
    language: LanguageCode = DEFAULT_LANGUAGE,
    separator: CsvSeparatorChar = ',',
  ): string {
    const words = CSV_TEXTS[language];
    const header = [
      ...result.groupBy.map((d) => words.dimension[d]),
      words.peopleEnrolled,
      words.peopleTrained,
      words.enrollments,
      words.completions,
    ];
    const line = (f: IndicatorFigures) => [
      f.peopleEnrolled,
      f.peopleTrained,
      f.enrollments,
      f.completions,
    ];
    const rows = result.groupBy.length
      ? result.rows.map((row) => [
          // A programme's label is its title, in the language it was written in.
          ...row.keys.map((k) =>
            k.dimension === IndicatorDimension.PROGRAMME
              ? k.label
              : label(k.dimension, k.value, language),
          ),
          ...line(row),
        ])
      : [];
    const totals = result.groupBy.length
      ? [
          textsFor(language).attendance.total,
          ...result.groupBy.slice(1).map(() => ''),
          ...line(result.totals),
        ]
      : line(result.totals);
    return toCsv([header, ...rows, totals], separator);
  }
}

function validate(groupBy: IndicatorDimension[], filter: IndicatorFilter): void {
  groupBy.forEach((dimension, i) => {
    if (!DIMENSIONS.includes(dimension))
      throw DomainError.invalid(`groupBy.${i}`, `unknown dimension ${dimension}`);
    if (groupBy.indexOf(dimension) !== i)
      throw DomainError.invalid(`groupBy.${i}`, `${dimension} is listed twice`);
  });
  if (filter.programmeId != null && !UUID.test(filter.programmeId))
    throw DomainError.invalid('filter.programmeId', 'not an id');
  if (filter.country != null && !isCountryCode(filter.country))
    throw DomainError.invalid('filter.country', 'not an ISO 3166 country code');
  for (const field of ['from', 'to'] as const) {
    if (filter[field] != null && !isLocalDate(filter[field]))
      throw DomainError.invalid(`filter.${field}`, `expected YYYY-MM-DD`);
  }
}
