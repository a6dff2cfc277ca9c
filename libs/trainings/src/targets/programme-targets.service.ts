import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, isLocalDate, LanguageCode } from '@platform/core';
import { categoryLabel, ProfessionalCategory, Sex, sexLabel } from '@platform/directory';
import { TrainingAccess } from '../training-access';
import { CountTargets, ProgrammeTarget } from './programme-target.entity';
import { ProgrammeOutcome, ProgrammeOutcomes } from './programme-outcomes';
import { TARGET_TEXTS } from './target-texts';
import {
  ProgrammeTargetPeriod,
  SetProgrammeTargetsInput,
  TargetLine,
  TargetMeasure,
} from './targets.types';

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** "2023" for a whole calendar year, else both days: "2023-01-01 – 2023-06-30". */
export function periodLabel(from: string, to: string): string {
  const year = from.slice(0, 4);
  return from === `${year}-01-01` && to === `${year}-12-31` ? year : `${from} – ${to}`;
}

/** Actual / target × 100 with one decimal; null without a target above 0 or an actual. */
export function percentOf(actual: number | null, target: number | null): number | null {
  return actual == null || target == null || target <= 0 ? null : round((100 * actual) / target, 1);
}

/**
 * A period's lines, in a fixed order: people trained, by sex (both), by category (those
 * with a target or someone trained), share of women, knowledge gain, satisfaction.
 * Actuals are rounded to two decimals; the percent is taken of the rounded actual.
 */
export function targetLines(
  target: Pick<
    ProgrammeTarget,
    | 'peopleTrained'
    | 'peopleTrainedBySex'
    | 'peopleTrainedByCategory'
    | 'shareOfWomen'
    | 'meanKnowledgeGain'
    | 'satisfaction'
  >,
  outcome: ProgrammeOutcome,
  language: LanguageCode,
): TargetLine[] {
  const words = TARGET_TEXTS[language];
  const line = (
    measure: TargetMeasure,
    key: string | null,
    goal: number | null | undefined,
    actual: number | null,
    keyLabel?: string,
  ): TargetLine => {
    const value = actual == null ? null : round(actual, 2);
    return {
      measure,
      key,
      label: keyLabel ? `${words[measure]}: ${keyLabel}` : words[measure],
      target: goal ?? null,
      actual: value,
      percent: percentOf(value, goal ?? null),
    };
  };
  const trained = (rows: ProgrammeOutcome['bySex'], key: string) =>
    rows.find((row) => row.keys[0]?.value === key)?.peopleTrained ?? 0;
  const total = outcome.totals.peopleTrained;
  const women = trained(outcome.bySex, Sex.FEMALE);
  const categories = Object.values(ProfessionalCategory).filter(
    (category) =>
      target.peopleTrainedByCategory[category] != null || trained(outcome.byCategory, category) > 0,
  );
  return [
    line(TargetMeasure.PEOPLE_TRAINED, null, target.peopleTrained, total),
    ...[Sex.FEMALE, Sex.MALE].map((sex) =>
      line(
        TargetMeasure.PEOPLE_TRAINED_BY_SEX,
        sex,
        target.peopleTrainedBySex[sex],
        trained(outcome.bySex, sex),
        sexLabel(sex, language),
      ),
    ),
    ...categories.map((category) =>
      line(
        TargetMeasure.PEOPLE_TRAINED_BY_CATEGORY,
        category,
        target.peopleTrainedByCategory[category],
        trained(outcome.byCategory, category),
        categoryLabel(category, language),
      ),
    ),
    line(
      TargetMeasure.SHARE_OF_WOMEN,
      null,
      target.shareOfWomen,
      total ? (100 * women) / total : null,
    ),
    line(
      TargetMeasure.MEAN_KNOWLEDGE_GAIN,
      null,
      target.meanKnowledgeGain,
      outcome.knowledge?.meanGain ?? null,
    ),
    line(
      TargetMeasure.SATISFACTION,
      null,
      target.satisfaction,
      outcome.satisfaction?.meanSatisfaction ?? null,
    ),
  ];
}

const counts = (
  entries: { key: string; people: number }[] | undefined,
  field: string,
): CountTargets => {
  const result: CountTargets = {};
  entries?.forEach(({ key, people }, i) => {
    if (result[key] !== undefined)
      throw DomainError.invalid(`${field}.${i}`, `${key} is listed twice`);
    result[key] = people;
  });
  return result;
};

/**
 * A programme's targets per period, set and removed by its organizers (and admins), read
 * with the actual figures by the same people: trainers see only their events' figures.
 */
@Injectable()
export class ProgrammeTargetsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly outcomes: ProgrammeOutcomes,
  ) {}

  async periods(
    actor: Actor,
    programmeId: string,
    language: LanguageCode,
  ): Promise<ProgrammeTargetPeriod[]> {
    await this.access.programme(actor, programmeId);
    return this.read(programmeId, language);
  }

  /** The targets of one period, the actual figures and the events: for the donor report. */
  async period(
    actor: Actor,
    programmeId: string,
    from: string | undefined,
    to: string | undefined,
  ) {
    const programme = await this.access.programme(actor, programmeId);
    const period = checkPeriod(from, to);
    const target = await this.em.findOne(ProgrammeTarget, { programme, ...period });
    const outcome = await this.outcomes.of(programmeId, period.from, period.to);
    return { programme, ...period, target, outcome };
  }

  async set(
    actor: Actor,
    input: SetProgrammeTargetsInput,
    language: LanguageCode,
  ): Promise<ProgrammeTargetPeriod[]> {
    const programme = await this.access.programme(actor, input.programmeId);
    checkPeriod(input.from, input.to);
    const fields = {
      peopleTrained: input.peopleTrained ?? null,
      peopleTrainedBySex: counts(
        input.peopleTrainedBySex?.map(({ sex, people }) => ({ key: sex, people })),
        'peopleTrainedBySex',
      ),
      peopleTrainedByCategory: counts(
        input.peopleTrainedByCategory?.map(({ category, people }) => ({ key: category, people })),
        'peopleTrainedByCategory',
      ),
      shareOfWomen: input.shareOfWomen ?? null,
      meanKnowledgeGain: input.meanKnowledgeGain ?? null,
      satisfaction: input.satisfaction ?? null,
      updatedAt: new Date(),
    };
    const existing = await this.em.findOne(ProgrammeTarget, {
      programme,
      from: input.from,
      to: input.to,
    });
    if (existing) this.em.assign(existing, fields);
    else this.em.create(ProgrammeTarget, { programme, from: input.from, to: input.to, ...fields });
    await this.em.flush();
    return this.read(programme.id, language);
  }

  /** Removes a period's targets; nothing to remove is no mistake. */
  async remove(
    actor: Actor,
    programmeId: string,
    from: string,
    to: string,
    language: LanguageCode,
  ): Promise<ProgrammeTargetPeriod[]> {
    const programme = await this.access.programme(actor, programmeId);
    checkPeriod(from, to);
    await this.em.nativeDelete(ProgrammeTarget, { programme, from, to });
    return this.read(programme.id, language);
  }

  private async read(
    programmeId: string,
    language: LanguageCode,
  ): Promise<ProgrammeTargetPeriod[]> {
    const targets = await this.em.find(
      ProgrammeTarget,
      { programme: programmeId },
      { orderBy: { from: 'asc', to: 'asc' } },
    );
    const periods: ProgrammeTargetPeriod[] = [];
    for (const target of targets) {
      const outcome = await this.outcomes.of(programmeId, target.from, target.to);
      periods.push({
        id: target.id,
        programmeId,
        from: target.from,
        to: target.to,
        label: periodLabel(target.from, target.to),
        lines: targetLines(target, outcome, language),
      });
    }
    return periods;
  }
}

/** A period: two days written YYYY-MM-DD, `from` not after `to`. */
export function checkPeriod(
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  if (!isLocalDate(from)) throw DomainError.invalid('from', 'expected a day, YYYY-MM-DD');
  if (!isLocalDate(to)) throw DomainError.invalid('to', 'expected a day, YYYY-MM-DD');
  if (from > to) throw DomainError.invalid('to', 'must not be before from');
  return { from, to };
}
