import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { IndicatorFact } from '../indicators/indicator-fact.entity';
import { IndicatorsService } from '../indicators/indicators.service';
import { IndicatorDimension, IndicatorFigures, IndicatorRow } from '../indicators/indicators.types';
import { TrainingEvent } from '../events/training-event.entity';
import { KnowledgeFigures, OutcomeSources, SatisfactionFigures } from '../outcomes/outcome-sources';

/** A programme's events starting in a period, with their people enrolled and trained. */
export interface HeldEvent {
  event: TrainingEvent;
  enrolled: number;
  trained: number;
}

/** What a programme achieved in a period: what targets are held against, what donors read. */
export interface ProgrammeOutcome {
  totals: IndicatorFigures;
  bySex: IndicatorRow[];
  byCategory: IndicatorRow[];
  byRegion: IndicatorRow[];
  knowledge: KnowledgeFigures | null;
  satisfaction: SatisfactionFigures | null;
  events: HeldEvent[];
}

/**
 * The figures of a programme's events starting from `from` to `to`: people from the
 * indicators, knowledge and satisfaction from their OutcomeSources. Access is the
 * caller's to check.
 */
@Injectable()
export class ProgrammeOutcomes {
  constructor(
    private readonly em: EntityManager,
    private readonly indicators: IndicatorsService,
    private readonly sources: OutcomeSources,
  ) {}

  async of(programmeId: string, from: string, to: string): Promise<ProgrammeOutcome> {
    const filter = { programmeId, from, to };
    const grouped = (dimension: IndicatorDimension) =>
      this.indicators.compute([dimension], filter, null);
    const [bySex, byCategory, byRegion] = [
      await grouped(IndicatorDimension.SEX),
      await grouped(IndicatorDimension.CATEGORY),
      await grouped(IndicatorDimension.REGION),
    ];
    const events = await this.em.find(
      TrainingEvent,
      { programme: programmeId, startDate: { $gte: from, $lte: to } },
      { orderBy: { startDate: 'asc', title: 'asc' } },
    );
    const eventIds = events.map((event) => event.id);
    const facts = eventIds.length
      ? await this.em.find(
          IndicatorFact,
          { eventId: { $in: eventIds } },
          { fields: ['eventId', 'personId', 'completed'], disableIdentityMap: true },
        )
      : [];
    const count = (eventId: string, completed: boolean) =>
      new Set(
        facts
          .filter((f) => f.eventId === eventId && (!completed || f.completed === 1))
          .map((f) => f.personId),
      ).size;
    const scope = { programmeId, eventIds };
    return {
      totals: bySex.totals,
      bySex: bySex.rows,
      byCategory: byCategory.rows,
      byRegion: byRegion.rows,
      knowledge: await this.sources.knowledge(this.em, scope),
      satisfaction: await this.sources.satisfaction(this.em, scope),
      events: events.map((event) => ({
        event,
        enrolled: count(event.id, false),
        trained: count(event.id, true),
      })),
    };
  }
}
