import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainerCascade } from './trainer-cascade';
import { EventCascadeInput, ProgrammeCascade, TrainerPoolEntry } from './trainers.types';

/** The trainer pool, the cascade of a programme, and marking an event's place in it. */
@Resolver(() => TrainingEvent)
export class TrainersResolver {
  constructor(private readonly cascade: TrainerCascade) {}

  @Query(() => [TrainerPoolEntry], {
    description:
      'Everyone who trains in the programme, once each, with the events they trained and the trainings of trainers they completed (organizers of the programme, admins).',
  })
  trainerPool(@CurrentActor() actor: Actor, @IdArg('programmeId') programmeId: string) {
    return this.cascade.pool(actor, programmeId);
  }

  @Query(() => ProgrammeCascade, {
    description:
      'Per training of trainers: master trainers → trainers → trainees, and the reach (organizers of the programme, admins).',
  })
  programmeCascade(@CurrentActor() actor: Actor, @IdArg('programmeId') programmeId: string) {
    return this.cascade.cascade(actor, programmeId);
  }

  @Mutation(() => TrainingEvent, {
    description:
      'Marks an event as a training of trainers and/or as delivered by the trainers of one (organizers of the programme, admins).',
  })
  markEventCascade(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('input') input: EventCascadeInput,
  ) {
    return this.cascade.mark(actor, eventId, input);
  }

  @ResolveField(() => TrainingEvent, {
    nullable: true,
    description:
      'The training of trainers whose trainers deliver this event; null when none, or when you do not run that one.',
  })
  deliveredByTrainersOf(
    @Parent() event: TrainingEvent,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingEvent | null> {
    return this.cascade.deliveredBy(actor, event);
  }
}
