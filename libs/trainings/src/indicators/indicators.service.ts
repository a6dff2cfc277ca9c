import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  countryName,
  DomainError,
  isCountryCode,
  isLocalDate,
  toCsv,
  ENGLISH_MONTHS,
} from '@platform/core';
import { categoryLabel } from '@platform/directory';
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

const SEX_LABELS: Record<string, string> = { FEMALE: 'Female', MALE: 'Male', UNKNOWN: 'Unknown' };
const ORGANIZATION_TYPE_LABELS: Record<string, string> = {
  GOVERNMENT: 'Government',
  NGO: 'Non-government',
  INTERNATIONAL_ORGANIZATION: 'International organization',
  DONOR: 'Donor',
  PRIVATE_SECTOR: 'Private sector',
  ACADEMIA: 'Academia',
  MEDIA: 'Media',
  NONE: 'No organization',
};
export const DIMENSION_HEADERS: Record<IndicatorDimension, string> = {
  CATEGORY: 'Category',
  SEX: 'Sex',
  COUNTRY: 'Country',
  REGION: 'Region',
  ORGANIZATION_TYPE: 'Organization type',
  PROGRAMME: 'Programme',
  YEAR: 'Year',
  QUARTER: 'Quarter',
  MONTH: 'Month',
};
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

function label(dimension: IndicatorDimension, value: string, row: SqlRow): string {
  switch (dimension) {
    case IndicatorDimension.CATEGORY:
      return categoryLabel(value);
    case IndicatorDimension.SEX:
      return SEX_LABELS[value] ?? value;
    case IndicatorDimension.COUNTRY:
      return countryName(value);
    case IndicatorDimension.ORGANIZATION_TYPE:
      return ORGANIZATION_TYPE_LABELS[value] ?? value;
    case IndicatorDimension.PROGRAMME:
      return String(row.programme_title ?? value);
    case IndicatorDimension.QUARTER:
      return value.replace('-', ' ');
    case IndicatorDimension.MONTH:
      return `${ENGLISH_MONTHS[Number(value.slice(5, 7)) - 1] ?? value.slice(5, 7)} ${value.slice(0, 4)}`;
    default:
      return value;
  }
}

const compareKeys = (a: IndicatorKey[], b: IndicatorKey[]) => {
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
          return { dimension, value, label: label(dimension, value, row) };
        }),
        ...figures(row),
      }))
      .sort((a, b) => compareKeys(a.keys, b.keys));
    return { groupBy, totals, rows };
  }

  /** Header: the dimensions and the four figures; one line per row, a totals line last. */
  static csv(result: TrainingIndicators): string {
    const header = [
      ...result.groupBy.map((d) => DIMENSION_HEADERS[d]),
      'People enrolled',
      'People trained',
      'Enrollments',
      'Completions',
    ];
    const line = (f: IndicatorFigures) => [
      f.peopleEnrolled,
      f.peopleTrained,
      f.enrollments,
      f.completions,
    ];
    const rows = result.groupBy.length
      ? result.rows.map((row) => [...row.keys.map((k) => k.label), ...line(row)])
      : [];
    const totals = result.groupBy.length
      ? ['Total', ...result.groupBy.slice(1).map(() => ''), ...line(result.totals)]
      : line(result.totals);
    return toCsv([header, ...rows, totals]);
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
