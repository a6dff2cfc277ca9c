import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor } from '@platform/core';
import { EventPeople, EventPeoplePort } from '@platform/directory';
import { Enrollment } from './enrollments/enrollment.entity';
import { TrainingEvent } from './events/training-event.entity';
import { TrainingAccess } from './training-access';

/**
 * Tells the directory who is enrolled (in any status) in which training events. An
 * event is run by its trainers, the organizers of its programme and admins.
 */
@Injectable()
export class TrainingPeople implements EventPeople, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly port: EventPeoplePort,
  ) {}

  onModuleInit(): void {
    this.port.register(this);
  }

  async inEventsOf(actor: Actor, personIds: string[]): Promise<Set<string>> {
    if (!actor.isStaff) return new Set();
    return this.enrolled(personIds, await this.access.eventsWhere(actor));
  }

  async inOtherEvents(actor: Actor, personIds: string[]): Promise<Set<string>> {
    if (actor.isAdmin) return new Set();
    const run = actor.isStaff ? await this.access.eventsWhere(actor) : undefined;
    return this.enrolled(personIds, run ? { $not: run } : {});
  }

  private async enrolled(
    personIds: string[],
    events: FilterQuery<TrainingEvent>,
  ): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await this.em.find(
      Enrollment,
      { person: { $in: personIds }, event: events },
      // Partial rows must not land in the request's identity map.
      { fields: ['person'], disableIdentityMap: true },
    );
    return new Set(rows.map((row) => row.person.id));
  }
}
