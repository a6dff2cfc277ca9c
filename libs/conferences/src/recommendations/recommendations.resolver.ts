import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { Actor, CurrentActor, IdArg } from '@platform/core';
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
import { RecommendationEvidenceSources, TrainingEvidence } from './recommendation-evidence';
import { RecommendationsService } from './recommendations.service';

@Resolver(() => Recommendation)
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Mutation(() => Recommendation, { description: 'Drafts a recommendation of an edition.' })
  addRecommendation(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('input') input: AddRecommendationInput,
  ) {
    return this.recommendations.add(actor, editionId, input);
  }

  @Mutation(() => Recommendation, {
    description: 'Changes its wording or its Russian and Uzbek versions.',
  })
  updateRecommendation(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateRecommendationInput,
  ) {
    return this.recommendations.update(actor, id, input);
  }

  @Mutation(() => Recommendation, { description: 'ADOPTED at the closing, or WITHDRAWN.' })
  setRecommendationStatus(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('status', { type: () => RecommendationStatus }) status: RecommendationStatus,
  ) {
    return this.recommendations.setStatus(actor, id, status);
  }

  @Mutation(() => RecommendationFollowUp, {
    description: "Records progress on an earlier edition's recommendation.",
  })
  recordFollowUp(@CurrentActor() actor: Actor, @Args('input') input: RecordFollowUpInput) {
    return this.recommendations.recordFollowUp(actor, input);
  }

  @ResolveField(() => Edition)
  edition(@Parent() recommendation: Recommendation): Promise<Edition> {
    return recommendation.edition.loadOrFail();
  }

  @ResolveField(() => WorkingGroup, {
    nullable: true,
    description: 'The working group that drafted it.',
  })
  workingGroup(@Parent() recommendation: Recommendation): Promise<WorkingGroup> | null {
    return recommendation.workingGroup ? recommendation.workingGroup.loadOrFail() : null;
  }

  @ResolveField(() => [RecommendationFollowUp], {
    description: 'Progress recorded at later editions you may see.',
  })
  async followUps(
    @Parent() recommendation: Recommendation,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationFollowUp[]> {
    return this.recommendations.visibleFollowUps(
      actor,
      (await recommendation.followUps.load()).getItems(),
    );
  }
}

@Resolver(() => RecommendationFollowUp)
export class FollowUpResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly evidence: RecommendationEvidenceSources,
  ) {}

  @ResolveField(() => Edition, { description: 'The edition at which it was recorded.' })
  edition(@Parent() followUp: RecommendationFollowUp): Promise<Edition> {
    return followUp.edition.loadOrFail();
  }

  @ResolveField(() => Recommendation)
  recommendation(@Parent() followUp: RecommendationFollowUp): Promise<Recommendation> {
    return followUp.recommendation.loadOrFail();
  }

  @ResolveField(() => TrainingEvidence, {
    nullable: true,
    description:
      'The figures of the trainings that implement the recommendation, for events that started before this edition; null when no training names it. Aggregates only: shown to whoever sees the follow-up.',
  })
  async trainingEvidence(
    @Parent() followUp: RecommendationFollowUp,
  ): Promise<TrainingEvidence | null> {
    const edition = await followUp.edition.loadOrFail();
    return this.evidence.evidence(this.em, followUp.recommendation.id, edition.startDate);
  }
}

/** An edition's recommendations, and the follow-ups of earlier ones recorded at it. */
@Resolver(() => Edition)
export class EditionRecommendationsResolver {
  constructor(private readonly recommendationsService: RecommendationsService) {}

  @ResolveField(() => [Recommendation], {
    description: 'Adopted ones for everyone; drafts too for organizers.',
  })
  async recommendations(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => RecommendationStatus, nullable: true })
    status?: RecommendationStatus,
  ): Promise<Recommendation[]> {
    const visible = await this.recommendationsService.visibleStatuses(actor, edition);
    const all = (await edition.recommendations.load()).getItems();
    return all
      .filter((r) => (!visible || visible.includes(r.status)) && (!status || r.status === status))
      .sort((a, b) => a.number - b.number);
  }

  @ResolveField(() => [RecommendationFollowUp], {
    description: "Progress on earlier editions' recommendations recorded here.",
  })
  followUps(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationFollowUp[]> {
    return this.recommendationsService.followUpsAt(actor, edition);
  }
}
