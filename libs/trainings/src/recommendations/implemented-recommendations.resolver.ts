import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { RecommendationSummary } from '@platform/conferences';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingProgramme } from '../programmes/training-programme.entity';
import { ImplementedRecommendations } from './implemented-recommendations';

const IMPLEMENTS = {
  description:
    'The adopted conference recommendations it implements (those of editions you may see), by year and number.',
};

@Resolver(() => TrainingProgramme)
export class ProgrammeRecommendationsResolver {
  constructor(private readonly implemented: ImplementedRecommendations) {}

  @Mutation(() => TrainingProgramme, {
    description:
      'Names the adopted recommendations the programme implements (replaces the list). Its organizers and admins.',
  })
  setProgrammeRecommendations(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @Args('recommendationIds', { type: () => [ID] }) recommendationIds: string[],
  ): Promise<TrainingProgramme> {
    return this.implemented.setForProgramme(actor, programmeId, recommendationIds);
  }

  @ResolveField(() => [RecommendationSummary], IMPLEMENTS)
  implementsRecommendations(
    @Parent() programme: TrainingProgramme,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationSummary[]> {
    return this.implemented.implementedBy(actor, { programme });
  }
}

@Resolver(() => TrainingEvent)
export class EventRecommendationsResolver {
  constructor(private readonly implemented: ImplementedRecommendations) {}

  @Mutation(() => TrainingEvent, {
    description:
      'Names the adopted recommendations this event implements (replaces the list). Organizers of its programme and admins.',
  })
  setEventRecommendations(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('recommendationIds', { type: () => [ID] }) recommendationIds: string[],
  ): Promise<TrainingEvent> {
    return this.implemented.setForEvent(actor, eventId, recommendationIds);
  }

  @ResolveField(() => [RecommendationSummary], IMPLEMENTS)
  implementsRecommendations(
    @Parent() event: TrainingEvent,
    @CurrentActor() actor: Actor,
  ): Promise<RecommendationSummary[]> {
    return this.implemented.implementedBy(actor, { event });
  }
}
