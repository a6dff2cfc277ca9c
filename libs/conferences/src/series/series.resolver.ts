import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { ConferenceSeries, RotationSlot } from './conference-series.entity';
import { CreateSeriesInput, SetRotationInput } from './dto/series.input';
import { SeriesService } from './series.service';

@Resolver(() => ConferenceSeries)
export class SeriesResolver {
  constructor(private readonly seriesService: SeriesService) {}

  @Query(() => [ConferenceSeries], { description: 'All conference series (public).' })
  conferenceSeries(): Promise<ConferenceSeries[]> {
    return this.seriesService.listSeries();
  }

  @Query(() => ConferenceSeries)
  series(@IdArg('id') id: string): Promise<ConferenceSeries> {
    return this.seriesService.getSeries(id);
  }

  @Mutation(() => ConferenceSeries)
  createConferenceSeries(@CurrentActor() actor: Actor, @Args('input') input: CreateSeriesInput) {
    return this.seriesService.createSeries(actor, input);
  }

  @Mutation(() => ConferenceSeries, {
    description: 'Replaces the rotation plan (year → host country).',
  })
  setRotation(
    @CurrentActor() actor: Actor,
    @IdArg('seriesId') seriesId: string,
    @Args('input') input: SetRotationInput,
  ) {
    return this.seriesService.setRotation(actor, seriesId, input);
  }

  @ResolveField(() => [RotationSlot])
  async rotation(@Parent() series: ConferenceSeries): Promise<RotationSlot[]> {
    return (await series.rotation.load()).getItems();
  }
}
