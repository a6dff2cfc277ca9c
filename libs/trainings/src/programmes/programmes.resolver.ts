import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { Organization } from '@platform/directory';
import { TrainingTranslationsInput } from '../dto/translations.input';
import { CreateProgrammeInput } from './dto/programme.input';
import { ProgrammesService } from './programmes.service';
import { TrainingProgramme } from './training-programme.entity';

@Resolver(() => TrainingProgramme)
export class ProgrammesResolver {
  constructor(private readonly programmes: ProgrammesService) {}

  @Query(() => [TrainingProgramme], {
    description: 'Programmes you organize, or whose events you train; all for admins.',
  })
  trainingProgrammes(@CurrentActor() actor: Actor): Promise<TrainingProgramme[]> {
    return this.programmes.list(actor);
  }

  @Mutation(() => TrainingProgramme)
  createTrainingProgramme(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProgrammeInput,
  ) {
    return this.programmes.create(actor, input);
  }

  @Mutation(() => TrainingProgramme, {
    description: 'Adds, changes or removes Russian and Uzbek versions of the programme’s texts.',
  })
  translateTrainingProgramme(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @Args('input') input: TrainingTranslationsInput,
  ) {
    return this.programmes.translate(actor, programmeId, input.translations ?? []);
  }

  @Mutation(() => TrainingProgramme, {
    description: 'Lets another organizer account see and run all its events.',
  })
  assignProgrammeOrganizer(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.programmes.assignOrganizer(actor, programmeId, userId);
  }

  @ResolveField(() => Organization)
  owner(@Parent() programme: TrainingProgramme): Promise<Organization> {
    return programme.owner.loadOrFail();
  }

  @ResolveField(() => [Organization])
  funders(@Parent() programme: TrainingProgramme): Promise<Organization[]> {
    return this.programmes.funders(programme);
  }
}
