import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, DomainError, lockFor, PerRequest, refusal, Role } from '@platform/core';
import { EventTrainer, TrainingEvent } from './events/training-event.entity';
import { ProgrammeOrganizer, TrainingProgramme } from './programmes/training-programme.entity';

/**
 * Who may see and run training events. Admins: all. Organizers: every event of the
 * programmes they organize. Trainers: the events they are assigned to. Participants:
 * only their own enrollments (see EnrollmentsService.mine).
 */
@Injectable()
export class TrainingAccess {
  private readonly programmes = new PerRequest<Set<string>>();
  private readonly events = new PerRequest<Set<string>>();

  constructor(private readonly em: EntityManager) {}

  private managedProgrammeIds(actor: Actor): Promise<Set<string>> {
    return this.programmes.get(actor, async () => {
      if (!actor.is(Role.ORGANIZER)) return new Set<string>();
      const rows = await this.em.find(ProgrammeOrganizer, { user: actor.userId });
      return new Set(rows.map((row) => row.programme.id));
    });
  }

  private trainedEventIds(actor: Actor): Promise<Set<string>> {
    return this.events.get(actor, async () => {
      if (!actor.is(Role.TRAINER)) return new Set<string>();
      const rows = await this.em.find(EventTrainer, { user: actor.userId });
      return new Set(rows.map((row) => row.event.id));
    });
  }

  forget(actor: Actor): void {
    this.programmes.forget(actor);
    this.events.forget(actor);
  }

  async canManageProgramme(actor: Actor, programmeId: string): Promise<boolean> {
    return actor.isAdmin || (await this.managedProgrammeIds(actor)).has(programmeId);
  }

  /** Trainers of the event, organizers of its programme and admins run an event. */
  async canRunEvent(actor: Actor, event: TrainingEvent): Promise<boolean> {
    return (
      (await this.canManageProgramme(actor, event.programme.id)) ||
      (await this.trainedEventIds(actor)).has(event.id)
    );
  }

  async eventsWhere(actor: Actor): Promise<FilterQuery<TrainingEvent>> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (actor.isAdmin) return {};
    const programmes = [...(await this.managedProgrammeIds(actor))];
    const events = [...(await this.trainedEventIds(actor))];
    return { $or: [{ programme: { $in: programmes } }, { id: { $in: events } }] };
  }

  /**
   * Whose figures the training indicators cover: null for everything (admins), else the
   * programmes an organizer organizes and the events a trainer runs.
   */
  async indicatorScope(
    actor: Actor,
  ): Promise<{ programmeIds: string[]; eventIds: string[] } | null> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (actor.isAdmin) return null;
    if (!actor.is(Role.ORGANIZER, Role.TRAINER)) {
      throw DomainError.forbidden(
        'Only admins, organizers and trainers see the training indicators.',
      );
    }
    return {
      programmeIds: [...(await this.managedProgrammeIds(actor))],
      eventIds: [...(await this.trainedEventIds(actor))],
    };
  }

  /** The programmes this actor may see: those they organize and those of the events they train. */
  async visibleProgrammeIds(actor: Actor): Promise<Set<string>> {
    const trained = [...(await this.trainedEventIds(actor))];
    const events = trained.length
      ? await this.em
          .fork()
          .find(TrainingEvent, { id: { $in: trained } }, { fields: ['programme'] })
      : [];
    return new Set([
      ...(await this.managedProgrammeIds(actor)),
      ...events.map((event) => event.programme.id),
    ]);
  }

  /** The programme, if this actor organizes it. */
  async programme(actor: Actor, programmeId: string): Promise<TrainingProgramme> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const programme = await this.em.findOne(TrainingProgramme, programmeId);
    if (!programme || !(await this.canManageProgramme(actor, programmeId))) {
      throw refusal(
        programme !== null && (await this.visibleProgrammeIds(actor)).has(programmeId),
        'Training programme',
        programmeId,
        'Only the organizers of this programme can do this.',
      );
    }
    return programme;
  }

  /**
   * The event, if this actor runs it. Events are not public: everyone else gets
   * NOT_FOUND, as for a made-up id. Inside a transaction pass its `em` and `lock` to
   * serialize marking.
   */
  async event(
    actor: Actor,
    eventId: string,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<TrainingEvent> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const event = await em.findOne(TrainingEvent, eventId, lock ? lockFor(em) : {});
    if (!event || !(await this.canRunEvent(actor, event))) {
      throw DomainError.notFound('Training event', eventId);
    }
    return event;
  }
}
