import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  CsvSeparatorChar,
  DEFAULT_LANGUAGE,
  DomainError,
  LanguageCode,
  SqlStatement,
} from '@platform/core';
import { IndicatorScope, KEY_SQL } from '../indicators/indicators-sql';
import { compareKeys, groupedCsv, label } from '../indicators/grouped-rows';
import { DIMENSIONS, IndicatorDimension } from '../indicators/indicators.types';
import {
  KnowledgeFigures,
  KnowledgeSource,
  OutcomeScope,
  OutcomeSources,
} from '../outcomes/outcome-sources';
import { TrainingAccess } from '../training-access';
import { KNOWLEDGE_CSV_TEXTS } from './knowledge-texts';
import { KnowledgeResultFigures, KnowledgeResults, KnowledgeScopeInput } from './knowledge.types';

type SqlRow = Record<string, string | number | null>;

/** Conditions on the facts (alias f): the actor's scope, the requested scope, the outcome scope. */
interface Where {
  actor?: IndicatorScope | null;
  scope?: KnowledgeScopeInput;
  eventIds?: string[];
}

/**
 * One statement over the indicator facts (one row per enrolled enrollment, with every
 * value the indicators group by) joined to the enrollment's pre- and post-test: so the
 * knowledge figures are disaggregated exactly like the indicators. Withdrawn trainees
 * have no fact and are not counted. Portable between SQLite and PostgreSQL.
 */
export function knowledgeSql(groupBy: IndicatorDimension[], where: Where): SqlStatement {
  const conditions = ['(pre.id is not null or post.id is not null)'];
  const params: unknown[] = [];
  const inList = (column: string, ids: string[]) => {
    params.push(...ids);
    return ids.length ? `${column} in (${ids.map(() => '?').join(', ')})` : '1 = 0';
  };
  if (where.actor) {
    const parts: string[] = [];
    if (where.actor.programmeIds.length)
      parts.push(inList('f.programme_id', where.actor.programmeIds));
    if (where.actor.eventIds.length) parts.push(inList('f.event_id', where.actor.eventIds));
    conditions.push(parts.length ? `(${parts.join(' or ')})` : '1 = 0');
  }
  if (where.eventIds) conditions.push(inList('f.event_id', where.eventIds));
  const add = (condition: string, value: unknown) => {
    conditions.push(condition);
    params.push(value);
  };
  const scope = where.scope ?? {};
  if (scope.programmeId) add('f.programme_id = ?', scope.programmeId);
  if (scope.eventId) add('f.event_id = ?', scope.eventId);
  if (scope.country) add('f.country = ?', scope.country);
  if (scope.region) add('f.region = ?', scope.region);
  if (scope.from) add('f.start_date >= ?', scope.from);
  if (scope.to) add('f.start_date <= ?', scope.to);

  const both = 'pre.score is not null and post.score is not null';
  const keys = groupBy.map((dimension, i) => `${KEY_SQL[dimension]} as k${i}`);
  const grouped = [
    `select ${[
      ...keys,
      `count(distinct case when ${both} then f.person_id end) as tested_people`,
      `sum(case when ${both} then 1 else 0 end) as pairs`,
      'sum(case when pre.score is not null then 1 else 0 end) as pre_tests',
      'sum(case when post.score is not null then 1 else 0 end) as post_tests',
      `avg(case when ${both} then pre.score end) as mean_pre`,
      `avg(case when ${both} then post.score end) as mean_post`,
      `avg(case when ${both} then post.score - pre.score end) as mean_gain`,
      `sum(case when ${both} and post.score > pre.score then 1 else 0 end) as improved`,
      'sum(case when post.score >= post.pass_mark then 1 else 0 end) as mastered',
    ].join(', ')}`,
    'from indicator_fact f',
    "left join knowledge_attempt pre on pre.enrollment_id = f.enrollment_id and pre.kind = 'PRE'",
    "left join knowledge_attempt post on post.enrollment_id = f.enrollment_id and post.kind = 'POST'",
    `where ${conditions.join(' and ')}`,
    groupBy.length ? `group by ${groupBy.map((d) => KEY_SQL[d]).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const programme = groupBy.indexOf(IndicatorDimension.PROGRAMME);
  const sql =
    programme < 0
      ? grouped
      : `select g.*, tp.title as programme_title from (${grouped}) g
      join training_programme tp on tp.id = g.k${programme}`;
  return { sql, params };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const mean = (value: string | number | null | undefined): number | null =>
  value == null ? null : round2(Number(value));
const share = (part: number, whole: number): number | null =>
  whole ? Math.round((10000 * part) / whole) / 10000 : null;

function figures(row: SqlRow | undefined): KnowledgeResultFigures {
  const pairs = Number(row?.pairs ?? 0);
  const postTests = Number(row?.post_tests ?? 0);
  return {
    testedPeople: Number(row?.tested_people ?? 0),
    pairs,
    preTests: Number(row?.pre_tests ?? 0),
    postTests,
    meanPre: mean(row?.mean_pre),
    meanPost: mean(row?.mean_post),
    meanGain: mean(row?.mean_gain),
    improvedShare: share(Number(row?.improved ?? 0), pairs),
    masteredShare: share(Number(row?.mastered ?? 0), postTests),
  };
}

/**
 * The knowledge figures (GraphQL, CSV, the attendance report) and the KnowledgeSource
 * that targets and the donor report read: all from knowledgeSql.
 */
@Injectable()
export class KnowledgeResultsService implements KnowledgeSource, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly sources: OutcomeSources,
  ) {}

  onModuleInit(): void {
    this.sources.registerKnowledge(this);
  }

  async results(
    actor: Actor,
    scope: KnowledgeScopeInput = {},
    groupBy: IndicatorDimension[] = [],
  ): Promise<KnowledgeResults> {
    if (scope.eventId) await this.access.event(actor, scope.eventId);
    const actorScope = await this.access.indicatorScope(actor);
    groupBy.forEach((dimension, i) => {
      if (!DIMENSIONS.includes(dimension))
        throw DomainError.invalid(`groupBy.${i}`, `unknown dimension ${dimension}`);
      if (groupBy.indexOf(dimension) !== i)
        throw DomainError.invalid(`groupBy.${i}`, `${dimension} is listed twice`);
    });
    return this.compute(this.em, groupBy, { actor: actorScope, scope });
  }

  async compute(
    em: EntityManager,
    groupBy: IndicatorDimension[],
    where: Where,
  ): Promise<KnowledgeResults> {
    const connection = em.getConnection();
    const run = async (dimensions: IndicatorDimension[]) => {
      const { sql, params } = knowledgeSql(dimensions, where);
      return (await connection.execute(sql, params)) as SqlRow[];
    };
    const [totalsRow] = await run([]);
    const totals = figures(totalsRow);
    if (!groupBy.length) {
      return {
        groupBy,
        totals,
        rows: totals.preTests + totals.postTests ? [{ keys: [], ...totals }] : [],
      };
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

  /** The KnowledgeSource: the trainees of the scope's events (of its programme). */
  async knowledge(em: EntityManager, scope: OutcomeScope): Promise<KnowledgeFigures> {
    const { totals } = await this.compute(em, [], {
      scope: { programmeId: scope.programmeId },
      eventIds: scope.eventIds,
    });
    return {
      testedPeople: totals.testedPeople,
      meanPre: totals.meanPre,
      meanPost: totals.meanPost,
      meanGain: totals.meanGain,
      improvedShare: totals.improvedShare,
      masteredShare: totals.masteredShare,
    };
  }

  /** Figures as CSV: a column per dimension, the figures (shares in percent), a totals line. */
  static csv(
    result: KnowledgeResults,
    language: LanguageCode = DEFAULT_LANGUAGE,
    separator: CsvSeparatorChar = ',',
  ): string {
    const words = KNOWLEDGE_CSV_TEXTS[language];
    const pct = (value: number | null) => (value == null ? '' : round2(value * 100));
    return groupedCsv(
      result,
      language,
      separator,
      [
        words.testedPeople,
        words.pairs,
        words.preTests,
        words.postTests,
        words.meanPre,
        words.meanPost,
        words.meanGain,
        words.improved,
        words.mastered,
      ],
      (f: KnowledgeResultFigures) => [
        f.testedPeople,
        f.pairs,
        f.preTests,
        f.postTests,
        f.meanPre ?? '',
        f.meanPost ?? '',
        f.meanGain ?? '',
        pct(f.improvedShare),
        pct(f.masteredShare),
      ],
    );
  }
}
