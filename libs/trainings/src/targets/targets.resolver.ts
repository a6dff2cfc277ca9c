import { Args, ArgsType, Context, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg, IsId, IsLocalDate, readerLanguage } from '@platform/core';
import { ProgrammeTargetsService } from './programme-targets.service';
import { ProgrammeTargetPeriod, SetProgrammeTargetsInput } from './targets.types';

@ArgsType()
class PeriodArgs {
  @Field(() => ID)
  @IsId()
  programmeId!: string;

  @Field({ description: 'First day of the period, YYYY-MM-DD.' })
  @IsLocalDate()
  from!: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD.' })
  @IsLocalDate()
  to!: string;
}

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
