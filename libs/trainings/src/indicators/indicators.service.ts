import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  CsvSeparatorChar,
  DEFAULT_LANGUAGE,
  DomainError,
  isCountryCode,
  isLocalDate,
  LanguageCode,
} from '@platform/core';
import { CSV_TEXTS } from '../csv-texts';
import { TrainingAccess } from '../training-access';
import { compareKeys, groupedCsv, label } from './grouped-rows';
import { IndicatorScope, indicatorSql } from './indicators-sql';
import {
  DIMENSIONS,
  IndicatorDimension,
  IndicatorFigures,
  IndicatorFilter,
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
    return groupedCsv(
      result,
      language,
      separator,
      [words.peopleEnrolled, words.peopleTrained, words.enrollments, words.completions],
      (f: IndicatorFigures) => [f.peopleEnrolled, f.peopleTrained, f.enrollments, f.completions],
    );
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
