import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EntityManager,
  RequiredEntityData,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { Actor, DomainError, refusal } from '@platform/core';
import { Person } from '@platform/directory';
import { Outbox } from '@platform/mail';
import { TrainingErrorCode } from '../training-error-code';
import { TrainingAccess } from '../training-access';
import { TrainingEvent } from '../events/training-event.entity';
import { enrollmentConfirmedMail } from './enrollment-confirmed.email';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Enrolls a trainee (again, if they had withdrawn). The event row is locked so
   * that concurrent enrollments never exceed its capacity.
   */
  async enroll(actor: Actor, eventId: string, personId: string): Promise<Enrollment> {
    try {
      return await this.em.transactional(async (em) => {
        const event = await this.access.event(actor, eventId, em, true);
        const person = await em.findOne(Person, personId);
        if (!person) throw DomainError.invalid('personId', `no person with id "${personId}"`);
        const existing = await em.findOne(Enrollment, { event, person });
        if (this.holdsSeat(existing)) throw alreadyEnrolled(person);
        const enrolled = await em.count(Enrollment, { event, status: EnrollmentStatus.ENROLLED });
        if (this.seatsLeft(event, enrolled) <= 0) {
          throw DomainError.conflict(
            TrainingErrorCode.EVENT_FULL,
            `The event is full (${event.capacity} trainees).`,
          );
        }
        const enrollment = this.takeSeat(em, event, person, existing);
        await this.outbox.enqueue(
          em,
          enrollmentConfirmedMail(event, person, `ENROLLMENT_CONFIRMED:${enrollment.id}`),
        );
        return enrollment;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.conflict(
          TrainingErrorCode.ALREADY_ENROLLED,
          'This person is already enrolled in this event.',
        );
      }
      throw error;
    }
  }

  /** Seats still free when `enrolled` trainees are enrolled: Infinity without a capacity. */
  seatsLeft(event: TrainingEvent, enrolled: number): number {
    return event.capacity == null ? Infinity : event.capacity - enrolled;
  }

  /**
   * Whether `existing` (the person's enrollment in the event, if any) already holds a
   * seat: then enrolling again is refused (enroll) or counted as already there (imports).
   */
  holdsSeat(existing: Enrollment | null | undefined): boolean {
    return existing?.status === EnrollmentStatus.ENROLLED;
  }

  /**
   * The person takes a seat: a withdrawn enrollment comes back, else a new one. The
   * caller has checked seatsLeft with the event row locked.
   */
  takeSeat(
    em: EntityManager,
    event: TrainingEvent,
    person: Person,
    existing: Enrollment | null | undefined,
  ): Enrollment {
    const enrollment = existing ?? em.create(Enrollment, { event, person });
    enrollment.status = EnrollmentStatus.ENROLLED;
    return enrollment;
  }

  /**
   * A new seat (takeSeat without an earlier enrollment) as the row of the enrollment
   * table, with the entity's defaults: an import stores thousands at once with insertNew.
   */
  newSeatRow(event: TrainingEvent, personId: string): RequiredEntityData<Enrollment> {
    return {
      id: randomUUID(),
      event: event.id,
      person: personId,
      status: EnrollmentStatus.ENROLLED,
      enrolledAt: new Date(),
    };
  }

  /** Withdrawn trainees keep their marks but leave the roster's completion figures. */
  async withdraw(actor: Actor, enrollmentId: string): Promise<Enrollment> {
    const enrollment = await this.forRunner(actor, enrollmentId);
    enrollment.status = EnrollmentStatus.WITHDRAWN;
    await this.em.flush();
    return enrollment;
  }

  /** A participant's own enrollments, newest first. */
  async mine(actor: Actor): Promise<Enrollment[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.personId) return [];
    return this.em.find(
      Enrollment,
      { person: actor.personId },
      { orderBy: { event: { startDate: 'desc' } } },
    );
  }

  /** An enrollment of an event this actor runs. */
  async forRunner(
    actor: Actor,
    enrollmentId: string,
    em: EntityManager = this.em,
  ): Promise<Enrollment> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const enrollment = await em.findOne(Enrollment, enrollmentId, { populate: ['event'] });
    if (!enrollment || !(await this.access.canRunEvent(actor, enrollment.event.getEntity()))) {
      // The trainee sees their own enrollment (myEnrollments); to everyone else it does not exist.
      throw refusal(
        enrollment !== null && enrollment.person.id === actor.personId,
        'Enrollment',
        enrollmentId,
        'Only the trainers of this event and the organizers of its programme can do this.',
      );
    }
    return enrollment;
  }
}

function alreadyEnrolled(person: Person): DomainError {
  return DomainError.conflict(
    TrainingErrorCode.ALREADY_ENROLLED,
    `${person.fullName} is already enrolled in this event.`,
  );
}
