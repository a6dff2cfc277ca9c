import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor } from '@platform/core';
import {
  RecommendationCatalog,
  RecommendationEvidenceSource,
  RecommendationEvidenceSources,
  RecommendationSummary,
  TrainingEvidence,
  TrainingEvidenceFigures,
  TrainingEvidenceItem,
  TrainingEvidenceKind,
} from '@platform/conferences';
import { TrainingEvent } from '../events/training-event.entity';
import { indicatorSql } from '../indicators/indicators-sql';
import { KnowledgeResultsService } from '../knowledge/knowledge-results';
import { TrainingProgramme } from '../programmes/training-programme.entity';
import { TrainingAccess } from '../training-access';
import { ImplementedRecommendation } from './implemented-recommendation.entity';

/** What implements recommendations: a programme (all its events) or a single event. */
type Implementer = { programme: TrainingProgramme } | { event: TrainingEvent };

/**
 * The recommendations programmes and events implement (organizers of the programme and
 * admins name them), and the evidence follow-ups read: the RecommendationEvidenceSource
 * registered with conferences at module init.
 */
@Injectable()
export class ImplementedRecommendations implements RecommendationEvidenceSource, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly catalog: RecommendationCatalog,
    private readonly sources: RecommendationEvidenceSources,
    private readonly knowledge: KnowledgeResultsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  /** Replaces the recommendations a programme implements. */
  async setForProgramme(
    actor: Actor,
    programmeId: string,
    recommendationIds: string[],
  ): Promise<TrainingProgramme> {
    const programme = await this.access.programme(actor, programmeId);
    await this.replace({ programme }, await this.checked(actor, recommendationIds));
    return programme;
  }

  /** Replaces the recommendations one event implements: its programme's organizers, not its trainers. */
  async setForEvent(
    actor: Actor,
    eventId: string,
    recommendationIds: string[],
  ): Promise<TrainingEvent> {
    const event = await this.access.event(actor, eventId);
    await this.access.programme(actor, event.programme.id);
    await this.replace({ event }, await this.checked(actor, recommendationIds));
    return event;
  }

  /** The adopted recommendations it implements that the actor may see. */
  async implementedBy(actor: Actor, implementer: Implementer): Promise<RecommendationSummary[]> {
    const links = await this.em.find(ImplementedRecommendation, implementer);
    return this.catalog.summaries(
      actor,
      links.map((link) => link.recommendationId),
    );
  }

  private checked(actor: Actor, recommendationIds: string[]): Promise<string[]> {
    return this.catalog.adopted(actor, recommendationIds, 'recommendationIds');
  }

  private async replace(implementer: Implementer, recommendationIds: string[]): Promise<void> {
    await this.em.transactional(async (em) => {
      const existing = await em.find(ImplementedRecommendation, implementer);
      for (const link of existing)
        if (!recommendationIds.includes(link.recommendationId)) em.remove(link);
      for (const recommendationId of recommendationIds)
        if (!existing.some((link) => link.recommendationId === recommendationId))
          em.create(ImplementedRecommendation, { ...implementer, recommendationId });
    });
  }

  /**
   * The RecommendationEvidenceSource: per linked programme (its events that started
   * before `before`) and per linked event outside those programmes (if it started
   * before), the events held, the people trained and the mean knowledge gain, counted as
   * the indicators and knowledge results count them; and the same over all of them,
   * each person once.
   */
  async evidence(
    em: EntityManager,
    recommendationId: string,
    before: string,
  ): Promise<TrainingEvidence | null> {
    const links = await em.find(
      ImplementedRecommendation,
      { recommendationId },
      { populate: ['programme', 'event'] },
    );
    if (!links.length) return null;
    const programmes = links
      .flatMap((link) => (link.programme ? [link.programme.getEntity()] : []))
      .sort((a, b) => a.title.localeCompare(b.title));
    const programmeIds = new Set(programmes.map((programme) => programme.id));
    // An event of a linked programme counts in the programme's line, not twice.
    const events = links
      .flatMap((link) => (link.event ? [link.event.getEntity()] : []))
      .filter((event) => !programmeIds.has(event.programme.id))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
    const programmeEvents = programmeIds.size
      ? await em.find(TrainingEvent, {
          programme: { $in: [...programmeIds] },
          startDate: { $lt: before },
        })
      : [];

    const items: TrainingEvidenceItem[] = [];
    for (const programme of programmes) {
      const held = programmeEvents.filter((event) => event.programme.id === programme.id);
      items.push(await this.item(em, TrainingEvidenceKind.PROGRAMME, programme, held));
    }
    for (const event of events) {
      const held = event.startDate < before ? [event] : [];
      items.push(await this.item(em, TrainingEvidenceKind.EVENT, event, held));
    }
    const all = [...programmeEvents, ...events.filter((event) => event.startDate < before)].map(
      (event) => event.id,
    );
    return { cutOff: before, items, ...(await this.figures(em, all)) };
  }

  private async item(
    em: EntityManager,
    kind: TrainingEvidenceKind,
    implementer: TrainingProgramme | TrainingEvent,
    held: TrainingEvent[],
  ): Promise<TrainingEvidenceItem> {
    return {
      kind,
      title: implementer.title,
      translations: implementer.translations,
      ...(await this.figures(
        em,
        held.map((event) => event.id),
      )),
    };
  }

  private async figures(em: EntityManager, eventIds: string[]): Promise<TrainingEvidenceFigures> {
    if (!eventIds.length)
      return { eventsHeld: 0, peopleTrained: 0, testedPeople: 0, meanKnowledgeGain: null };
    const { sql, params } = indicatorSql([], {}, { programmeIds: [], eventIds });
    const [people] = (await em.getConnection().execute(sql, params)) as {
      people_trained: string | number | null;
    }[];
    const { totals } = await this.knowledge.compute(em, [], { eventIds });
    return {
      eventsHeld: eventIds.length,
      peopleTrained: Number(people?.people_trained ?? 0),
      testedPeople: totals.testedPeople,
      meanKnowledgeGain: totals.meanGain,
    };
  }
}
