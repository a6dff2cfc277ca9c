import { Args, ArgsType, Context, Mutation, PickType, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg, readerLanguage } from '@platform/core';
import { ProgrammeTargetsService } from './programme-targets.service';
import { ProgrammeTargetPeriod, SetProgrammeTargetsInput } from './targets.types';

/** The period a removal names: the same fields, checks and descriptions as when it was set. */
@ArgsType()
class PeriodArgs extends PickType(
  SetProgrammeTargetsInput,
  ['programmeId', 'from', 'to'] as const,
  ArgsType,
) {}

@Resolver(() => ProgrammeTargetPeriod)
export class ProgrammeTargetsResolver {
  constructor(private readonly targets: ProgrammeTargetsService) {}

  @Query(() => [ProgrammeTargetPeriod], {
    description:
      "A programme's targets per period with the actual figures and the percent reached. Its organizers and admins.",
  })
  programmeTargets(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @Context() context: unknown,
  ): Promise<ProgrammeTargetPeriod[]> {
    return this.targets.periods(actor, programmeId, readerLanguage(context));
  }

  @Mutation(() => [ProgrammeTargetPeriod], {
    description:
      "Sets a period's targets (replacing those of the same period); answers the programme's periods.",
  })
  setProgrammeTargets(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetProgrammeTargetsInput,
    @Context() context: unknown,
  ): Promise<ProgrammeTargetPeriod[]> {
    return this.targets.set(actor, input, readerLanguage(context));
  }

  @Mutation(() => [ProgrammeTargetPeriod], {
    description: "Removes a period's targets; answers the programme's periods.",
  })
  removeProgrammeTargets(
    @CurrentActor() actor: Actor,
    @Args() { programmeId, from, to }: PeriodArgs,
    @Context() context: unknown,
  ): Promise<ProgrammeTargetPeriod[]> {
    return this.targets.remove(actor, programmeId, from, to, readerLanguage(context));
  }
}
