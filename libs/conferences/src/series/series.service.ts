import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, CommonErrorCode, DomainError, Role } from '@platform/core';
import { ConferenceSeries, RotationSlot } from './conference-series.entity';
import { CreateSeriesInput, SetRotationInput } from './dto/series.input';

/**
 * Conference series and their rotation plans (year → host country). A series and its
 * plan are agreed between the countries of the region and span many editions and their
 * organizers: admins keep them. Editions ask this service for their series and for the
 * host the plan gives a year.
 */
@Injectable()
export class SeriesService {
  constructor(private readonly em: EntityManager) {}

  listSeries(): Promise<ConferenceSeries[]> {
    return this.em.find(ConferenceSeries, {}, { orderBy: { name: 'asc' } });
  }

  async getSeries(id: string): Promise<ConferenceSeries> {
    const series = await this.em.findOne(ConferenceSeries, id);
    if (!series) throw DomainError.notFound('Conference series', id);
    return series;
  }

  async createSeries(actor: Actor, input: CreateSeriesInput): Promise<ConferenceSeries> {
    actor.require(Role.ADMIN);
    if (await this.em.count(ConferenceSeries, { name: input.name })) {
      throw DomainError.invalid(
        'name',
        `a series called "${input.name}" already exists`,
        CommonErrorCode.DUPLICATE,
      );
    }
    const series = this.em.create(ConferenceSeries, { ...input, createdAt: new Date() });
    await this.em.flush();
    return series;
  }

  /** Replaces the rotation plan (year → host country) in one transaction. */
  async setRotation(
    actor: Actor,
    seriesId: string,
    input: SetRotationInput,
  ): Promise<ConferenceSeries> {
    actor.require(Role.ADMIN);
    const years = input.slots.map((slot) => slot.year);
    const repeated = years.find((year, i) => years.indexOf(year) !== i);
    if (repeated !== undefined) {
      throw DomainError.invalid('slots', `the year ${repeated} appears twice`);
    }
    const series = await this.getSeries(seriesId);
    await this.em.transactional(async (em) => {
      await em.nativeDelete(RotationSlot, { series: seriesId });
      for (const slot of input.slots) em.create(RotationSlot, { ...slot, series: seriesId });
    });
    await series.rotation.init({ refresh: true });
    return series;
  }

  /** The host country the rotation plan gives the series' edition of `year`, if any. */
  async plannedHost(series: ConferenceSeries, year: number): Promise<string | undefined> {
    return (await this.em.findOne(RotationSlot, { series, year }))?.hostCountry;
  }
}
