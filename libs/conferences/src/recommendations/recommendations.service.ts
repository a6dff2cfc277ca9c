import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, translate } from '@platform/core';
import { ConferenceErrorCode } from '../conference-error-code';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';
import {
  AddRecommendationInput,
  RecordFollowUpInput,
  UpdateRecommendationInput,
} from './dto/recommendation.input';
import {
  Recommendation,
  RecommendationFollowUp,
  RecommendationStatus,
} from './recommendation.entity';

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
  ) {}

  /** Drafts a recommendation, numbered after the edition's previous ones. */
  add(actor: Actor, editionId: string, input: AddRecommendationInput): Promise<Recommendation> {
    return this.em.transactional(async (em) => {
      const edition = await this.access.manageable(actor, editionId, em, true);
      let workingGroup: WorkingGroup | null = null;
      if (input.workingGroupId) {
        workingGroup = await em.findOne(WorkingGroup, { id: input.workingGroupId, edition });
        if (!workingGroup)
          throw DomainError.invalid('workingGroupId', 'not a working group of this edition');
      }
      const last = await em.findOne(Recommendation, { edition }, { orderBy: { number: 'desc' } });
      const recommendation = em.create(Recommendation, {
        edition,
        number: (last?.number ?? 0) + 1,
        text: input.text,
        addressedTo: input.addressedTo,
        workingGroup,
        createdAt: new Date(),
      });
      translate(recommendation, input.translations);
      return recommendation;
    });
  }

  /** Changes its wording or its Russian and Uzbek versions. */
  async update(
    actor: Actor,
    recommendationId: string,
    input: UpdateRecommendationInput,
  ): Promise<Recommendation> {
    const recommendation = await this.em.findOne(Recommendation, recommendationId);
    if (!recommendation) throw DomainError.notFound('Recommendation', recommendationId);
    await this.access.manageable(actor, recommendation.edition.id);
    const { translations, ...changes } = input;
    this.em.assign(recommendation, changes);
    translate(recommendation, translations);
    await this.em.flush();
    return recommendation;
  }

  async setStatus(
    actor: Actor,
    recommendationId: string,
    status: RecommendationStatus,
  ): Promise<Recommendation> {
    const recommendation = await this.em.findOne(Recommendation, recommendationId);
    if (!recommendation) throw DomainError.notFound('Recommendation', recommendationId);
    await this.access.manageable(actor, recommendation.edition.id);
    recommendation.status = status;
    recommendation.adoptedAt = status === RecommendationStatus.ADOPTED ? new Date() : undefined;
    await this.em.flush();
    return recommendation;
  }

  /**
   * Records, at a later edition of the same series, how an adopted recommendation is
   * being implemented: the later edition's organizers follow up the recommendations
   * they can see (adopted ones of published editions, or any of editions they also
   * organize). Recording again at the same edition updates the record.
   */
  async recordFollowUp(actor: Actor, input: RecordFollowUpInput): Promise<RecommendationFollowUp> {
    const later = await this.access.manageable(actor, input.editionId);
    const recommendation = await this.em.findOne(Recommendation, input.recommendationId, {
      populate: ['edition'],
    });
    if (!recommendation) {
      throw DomainError.invalid(
        'recommendationId',
        `no recommendation with id "${input.recommendationId}"`,
      );
    }
    const earlier = recommendation.edition.getEntity();
    // The recommendations of an edition one may not see do not exist for them.
    if (!(await this.access.canView(actor, earlier))) {
      throw DomainError.invalid(
        'recommendationId',
        `no recommendation with id "${input.recommendationId}"`,
      );
    }
    if (earlier.series.id !== later.series.id || earlier.year >= later.year) {
      throw DomainError.invalid(
        'editionId',
        `follow-up is recorded at a later edition of the same series than ${earlier.year}`,
        ConferenceErrorCode.NOT_A_LATER_EDITION,
      );
    }
    if (recommendation.status !== RecommendationStatus.ADOPTED) {
      throw DomainError.invalid(
        'recommendationId',
        'only adopted recommendations are followed up',
        ConferenceErrorCode.RECOMMENDATION_NOT_ADOPTED,
      );
    }
    const followUp =
      (await this.em.findOne(RecommendationFollowUp, { recommendation, edition: later })) ??
      this.em.create(RecommendationFollowUp, {
        recommendation,
        edition: later,
        status: input.status,
      });
    this.em.assign(followUp, { status: input.status, note: input.note, recordedAt: new Date() });
    await this.em.flush();
    return followUp;
  }

  /** Adopted recommendations are public with their edition; drafts and withdrawn ones are for its organizers. */
  async visibleStatuses(
    actor: Actor,
    edition: Edition,
  ): Promise<RecommendationStatus[] | undefined> {
    return (await this.access.canManage(actor, edition.id))
      ? undefined
      : [RecommendationStatus.ADOPTED];
  }

  async followUpsAt(actor: Actor, edition: Edition): Promise<RecommendationFollowUp[]> {
    const followUps = await this.em.find(
      RecommendationFollowUp,
      { edition },
      { orderBy: { recordedAt: 'asc' } },
    );
    return this.visibleFollowUps(actor, followUps);
  }

  /**
   * A follow-up links two editions: show it only to callers who may see both, and the
   * recommendation itself (adopted, or any status for the earlier edition's organizers).
   */
  async visibleFollowUps(
    actor: Actor,
    followUps: RecommendationFollowUp[],
  ): Promise<RecommendationFollowUp[]> {
    const visible = await Promise.all(
      followUps.map(async (followUp) => {
        const [later, recommendation] = await Promise.all([
          followUp.edition.loadOrFail(),
          followUp.recommendation.loadOrFail(),
        ]);
        const earlier = await recommendation.edition.loadOrFail();
        const statuses = await this.visibleStatuses(actor, earlier);
        return (
          (!statuses || statuses.includes(recommendation.status)) &&
          (await this.access.canView(actor, earlier)) &&
          (await this.access.canView(actor, later))
        );
      }),
    );
    return followUps.filter((_, i) => visible[i]);
  }
}
