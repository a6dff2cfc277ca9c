import { IndicatorDimension, IndicatorFilter } from './indicators.types';

/** Which events an actor's figures cover: null for everything (admins). */
export interface IndicatorScope {
  programmeIds: string[];
  eventIds: string[];
}

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** The column of indicator_fact (alias f) each dimension groups by. */
const KEY_SQL: Record<IndicatorDimension, string> = {
  CATEGORY: 'f.category',
  SEX: 'f.sex',
  COUNTRY: 'f.country',
  REGION: 'f.region',
  ORGANIZATION_TYPE: 'f.organization_type',
  PROGRAMME: 'f.programme_id',
  YEAR: 'f.year',
  QUARTER: 'f.quarter',
  MONTH: 'f.month',
};

/**
 * One statement over the stored facts (indicator_fact: one row per enrolled enrollment,
 * its completion and the values it is grouped by), grouped by the dimensions. Portable
 * between SQLite and PostgreSQL.
 */
export function indicatorSql(
  groupBy: IndicatorDimension[],
  filter: IndicatorFilter = {},
  scope: IndicatorScope | null = null,
): SqlStatement {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope) {
    const parts: string[] = [];
    if (scope.programmeIds.length) {
      parts.push(`f.programme_id in (${scope.programmeIds.map(() => '?').join(', ')})`);
      params.push(...scope.programmeIds);
    }
    if (scope.eventIds.length) {
      parts.push(`f.event_id in (${scope.eventIds.map(() => '?').join(', ')})`);
      params.push(...scope.eventIds);
    }
    where.push(parts.length ? `(${parts.join(' or ')})` : '1 = 0');
  }
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.programmeId) add('f.programme_id = ?', filter.programmeId);
  if (filter.country) add('f.country = ?', filter.country);
  if (filter.region) add('f.region = ?', filter.region);
  if (filter.from) add('f.start_date >= ?', filter.from);
  if (filter.to) add('f.start_date <= ?', filter.to);

  const keys = groupBy.map((dimension, i) => `${KEY_SQL[dimension]} as k${i}`);
  const grouped = [
    `select ${[
      ...keys,
      'count(distinct f.person_id) as people_enrolled',
      'count(distinct case when f.completed = 1 then f.person_id end) as people_trained',
      'count(*) as enrollments',
      'coalesce(sum(f.completed), 0) as completions',
    ].join(', ')}`,
    'from indicator_fact f',
    where.length ? `where ${where.join(' and ')}` : '',
    groupBy.length ? `group by ${groupBy.map((d) => KEY_SQL[d]).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  // A programme's title is looked up once per row, after grouping.
  const programme = groupBy.indexOf(IndicatorDimension.PROGRAMME);
  const sql =
    programme < 0
      ? grouped
      : `select g.*, tp.title as programme_title from (${grouped}) g
      join training_programme tp on tp.id = g.k${programme}`;
  return { sql, params };
}
