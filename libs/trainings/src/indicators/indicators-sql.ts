import type { SqlStatement } from '@platform/core';
import { IndicatorDimension, IndicatorFilter } from './indicators.types';

/** Which events an actor's figures cover: null for everything (admins). */
export interface IndicatorScope {
  programmeIds: string[];
  eventIds: string[];
}

/** The column of indicator_fact (alias f) each dimension groups by. */
export const KEY_SQL: Record<IndicatorDimension, string> = {
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

/** The flag marking one fact per person and value of each event dimension (indicator-fact.entity.ts). */
const PERSON_FIRST_BY: Partial<Record<IndicatorDimension, string>> = {
  COUNTRY: 'f.person_first_by_country',
  REGION: 'f.person_first_by_region',
  PROGRAMME: 'f.person_first_by_programme',
  YEAR: 'f.person_first_by_year',
  QUARTER: 'f.person_first_by_quarter',
  MONTH: 'f.person_first_by_month',
};

/**
 * How distinct people are counted: over all the facts, grouped by at most one event
 * dimension (a person's category, sex and organization type are the same in all their
 * facts), by summing the flag that marks one fact per person and value; otherwise by
 * count(distinct), which costs a sort of the facts.
 */
function peopleSql(
  groupBy: IndicatorDimension[],
  filtered: boolean,
): { enrolled: string; trained: string } {
  const eventDimensions = groupBy.filter((d) => d in PERSON_FIRST_BY);
  if (!filtered && eventDimensions.length <= 1) {
    const flag = eventDimensions.length ? PERSON_FIRST_BY[eventDimensions[0]!]! : 'f.person_first';
    return { enrolled: `sum(${flag})`, trained: `sum(${flag} * f.completed)` };
  }
  return {
    enrolled: 'count(distinct f.person_id)',
    trained: 'count(distinct case when f.completed = 1 then f.person_id end)',
  };
}

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
  const people = peopleSql(groupBy, where.length > 0);
  const grouped = [
    `select ${[
      ...keys,
      `coalesce(${people.enrolled}, 0) as people_enrolled`,
      `coalesce(${people.trained}, 0) as people_trained`,
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
