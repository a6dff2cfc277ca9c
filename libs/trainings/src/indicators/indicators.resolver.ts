import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CsvArgs, CsvSeparator, CurrentActor, readerLanguage } from '@platform/core';
import { IndicatorsService } from './indicators.service';
import { IndicatorDimension, IndicatorFilter, TrainingIndicators } from './indicators.types';

@Resolver(() => TrainingIndicators)
export class IndicatorsResolver {
  constructor(private readonly indicators: IndicatorsService) {}

  @Query(() => TrainingIndicators, {
    description:
      'People enrolled and trained (completed), enrollments and completions, grouped, with totals. Admins: all; organizers: their programmes; trainers: their events.',
  })
  trainingIndicators(
    @CurrentActor() actor: Actor,
    @Args('groupBy', { type: () => [IndicatorDimension], defaultValue: [] })
    groupBy: IndicatorDimension[],
    @Args('filter', { type: () => IndicatorFilter, nullable: true }) filter?: IndicatorFilter,
  ): Promise<TrainingIndicators> {
    return this.indicators.indicators(actor, groupBy, filter ?? {});
  }

  @ResolveField(() => String, {
    description:
      'The same figures as CSV: a column per dimension, the four figures, a totals line; headers and labels in `language` (else the reader language: Accept-Language or @inContext), fields separated by `separator`.',
  })
  csv(
    @Parent() result: TrainingIndicators,
    @Context() context: unknown,
    @Args() { language, separator }: CsvArgs,
  ): string {
    return IndicatorsService.csv(
      result,
      language ?? readerLanguage(context),
      separator ?? CsvSeparator.COMMA,
    );
  }
}
