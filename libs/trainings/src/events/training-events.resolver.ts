import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import {
  Actor,
  Connection,
  CurrentActor,
  IdArg,
  MissingTranslation,
  Paginated,
} from '@platform/core';
import { TrainingTranslationsInput } from '../dto/translations.input';
import { TrainingProgramme } from '../programmes/training-programme.entity';
import { CreateTrainingEventInput, TrainingEventsArgs } from './dto/training-event.input';
import { TrainingEvent } from './training-event.entity';
import { TrainingEventsService } from './training-events.service';

const TrainingEventConnection = Paginated(TrainingEvent);

/** Training events and their own fields; the roster and its marks are AttendanceResolver's. */
@Resolver(() => TrainingEvent)
export class TrainingEventsResolver {
  constructor(private readonly events: TrainingEventsService) {}

  @Query(() => TrainingEventConnection, {
    description: 'Events you run: as trainer, as organizer of their programme, or all as admin.',
  })
  trainingEvents(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: TrainingEventsArgs,
  ): Promise<Connection<TrainingEvent>> {
    return this.events.list(actor, filter, page);
  }

  @Query(() => TrainingEvent)
  trainingEvent(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.events.get(actor, id);
  }

  @Mutation(() => TrainingEvent)
  createTrainingEvent(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @Args('input') input: CreateTrainingEventInput,
  ) {
    return this.events.create(actor, programmeId, input);
  }

  @Mutation(() => TrainingEvent, {
    description: 'Adds, changes or removes Russian and Uzbek versions of the event’s texts.',
  })
  translateTrainingEvent(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @Args('input') input: TrainingTranslationsInput,
  ) {
    return this.events.translate(actor, eventId, input.translations ?? []);
  }

  @Mutation(() => TrainingEvent)
  assignTrainer(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.events.assignTrainer(actor, eventId, userId);
  }

  @ResolveField(() => TrainingProgramme)
  programme(@Parent() event: TrainingEvent): Promise<TrainingProgramme> {
    return event.programme.loadOrFail();
  }

  @ResolveField(() => [User])
  trainers(@Parent() event: TrainingEvent): Promise<User[]> {
    return this.events.trainers(event);
  }

  @ResolveField(() => Int, {
    description: 'Trainees enrolled now (withdrawn excluded).',
  })
  enrolledCount(@Parent() event: TrainingEvent, @CurrentActor() actor: Actor): Promise<number> {
    return this.events.enrolledCount(actor, event);
  }

  @ResolveField(() => [MissingTranslation], {
    description:
      'For those who run the event: the texts still to translate into Russian or Uzbek of the event, its programme, its certificate settings and the organizations its certificates name.',
  })
  missingTranslations(
    @Parent() event: TrainingEvent,
    @CurrentActor() actor: Actor,
  ): Promise<MissingTranslation[]> {
    return this.events.missingTranslations(actor, event);
  }

  @ResolveField(() => Int, {
    description: 'Days a trainee must attend to complete, under the completion rule.',
  })
  requiredDays(@Parent() event: TrainingEvent): number {
    return event.requiredDays();
  }
}
