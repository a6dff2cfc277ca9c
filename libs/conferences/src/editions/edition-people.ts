import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, Role } from '@platform/core';
import { EventPeople, EventPeoplePort } from '@platform/directory';
import { AgendaSession, SessionSpeaker } from '../agenda/agenda-session.entity';
import { Registration } from '../registrations/registration.entity';
import { WorkingGroupFacilitator } from '../working-groups/working-group.entity';
import { EditionAccess } from './edition-access';
import { Edition } from './edition.entity';

/**
 * Tells the directory who takes part in which editions: registered (in any status),
 * speaking, moderating or facilitating a working group. Organizers run the editions
 * they organize; admins run all.
 */
@Injectable()
export class EditionPeople implements EventPeople, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    private readonly port: EventPeoplePort,
  ) {}

  onModuleInit(): void {
    this.port.register(this);
  }

  async inEventsOf(actor: Actor, personIds: string[]): Promise<Set<string>> {
    if (actor.isAdmin) return this.taking(personIds, {});
    if (!actor.is(Role.ORGANIZER)) return new Set();
    const managed = [...(await this.access.managedEditionIds(actor))];
    return managed.length ? this.taking(personIds, { id: { $in: managed } }) : new Set();
  }

  async inOtherEvents(actor: Actor, personIds: string[]): Promise<Set<string>> {
    if (actor.isAdmin) return new Set();
    const managed = actor.is(Role.ORGANIZER)
      ? [...(await this.access.managedEditionIds(actor))]
      : [];
    return this.taking(personIds, managed.length ? { id: { $nin: managed } } : {});
  }

  private async taking(personIds: string[], editions: FilterQuery<Edition>): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const people = { $in: personIds };
    // Partial rows must not land in the request's identity map.
    const only = <T>(fields: T) => ({ fields, disableIdentityMap: true });
    const [registrations, speakers, moderated, facilitators] = await Promise.all([
      this.em.find(Registration, { person: people, edition: editions }, only(['person'] as const)),
      this.em.find(
        SessionSpeaker,
        { person: people, session: { edition: editions } },
        only(['person'] as const),
      ),
      this.em.find(
        AgendaSession,
        { moderator: people, edition: editions },
        only(['moderator'] as const),
      ),
      this.em.find(
        WorkingGroupFacilitator,
        { person: people, workingGroup: { edition: editions } },
        only(['person'] as const),
      ),
    ]);
    return new Set([
      ...registrations.map((row) => row.person.id),
      ...speakers.map((row) => row.person.id),
      ...moderated.flatMap((row) => (row.moderator ? [row.moderator.id] : [])),
      ...facilitators.map((row) => row.person.id),
    ]);
  }
}
