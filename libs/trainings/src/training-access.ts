import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, DomainError, lockFor, PerRequest, refusal, Role } from '@platform/core';
import { Enrollment } from './enrollments/enrollment.entity';
import { EventTrainer, TrainingEvent } from './events/training-event.entity';
import { ProgrammeOrganizer, TrainingProgramme } from './programmes/training-programme.entity';

/**
 * Who may see and run training events. Admins: all. Organizers: every event of the
 * programmes they organize. Trainers: the events they are assigned to. Participants
 * see the events they are enrolled in through their own enrollments
 * (EnrollmentsService.mine) and run none.
 */
@Injectable()
export class TrainingAccess {
  private readonly programmes = new PerRequest<Set<string>>();
  private readonly events = new PerRequest<Set<string>>();
  private readonly enrolled = new PerRequest<Set<string>>();

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

  /** The events the actor's person is enrolled in, in any status. */
  private enrolledEventIds(actor: Actor): Promise<Set<string>> {
    return this.enrolled.get(actor, async () => {
      if (actor.personId === null) return new Set<string>();
      const rows = await this.em.find(
        Enrollment,
        { person: actor.personId },
        { fields: ['event'], disableIdentityMap: true },
      );
      return new Set(rows.map((row) => row.event.id));
    });
  }

  private async isEnrolled(actor: Actor, eventId: string): Promise<boolean> {
    return (await this.enrolledEventIds(actor)).has(eventId);
  }

  forget(actor: Actor): void {
    this.programmes.forget(actor);
    this.events.forget(actor);
    this.enrolled.forget(actor);
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

  /** Filter for lists: the events this actor runs. Trainees see theirs in myEnrollments. */
  async eventsWhere(actor: Actor): Promise<FilterQuery<TrainingEvent>> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isStaff) throw DomainError.forbidden('Only staff list training events.');
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

  /**
   * The programmes this actor may see: those they organize, and those of the events
   * they train or are enrolled in.
   */
  async visibleProgrammeIds(actor: Actor): Promise<Set<string>> {
    const eventIds = [
      ...(await this.trainedEventIds(actor)),
      ...(await this.enrolledEventIds(actor)),
    ];
    const events = eventIds.length
      ? await this.em.find(
          TrainingEvent,
          { id: { $in: eventIds } },
          { fields: ['programme'], disableIdentityMap: true },
        )
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
   * The event, if this actor runs it. Events are not public: to everyone but their
   * trainees (who see it through their enrollment, and get FORBIDDEN) they do not exist
   * (NOT_FOUND). Inside a transaction pass its `em` and `lock` to serialize marking.
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
      throw refusal(
        event !== null && (await this.isEnrolled(actor, event.id)),
        'Training event',
        eventId,
        'Only the trainers of this event and the organizers of its programme can do this.',
      );
    }
    return event;
  }
}
