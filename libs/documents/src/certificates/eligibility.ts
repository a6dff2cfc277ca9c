import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError } from '@platform/core';
import { CheckIn, Registration, SessionSpeaker } from '@platform/conferences';
import { Person } from '@platform/directory';
import { AttendanceService, completionOf, Enrollment, EnrollmentStatus } from '@platform/trainings';
import { CertificateErrorCode } from './certificate-error-code';
import { CertificateKind } from './certificate.entity';

export interface Eligible {
  person: Person;
  /** Speakers: the sessions they spoke in, in agenda order. */
  sessionTitles?: string[];
}

/**
 * Who may receive a certificate: checked in on at least one day of the edition, spoke
 * in one of its sessions, or completed the training event under its rule.
 */
@Injectable()
export class Eligibility {
  constructor(
    private readonly em: EntityManager,
    private readonly attendance: AttendanceService,
  ) {}

  /** Everyone eligible, by person id. `eventId` is the edition or the training event. */
  async all(actor: Actor, kind: CertificateKind, eventId: string): Promise<Map<string, Eligible>> {
    switch (kind) {
      case CertificateKind.CONFERENCE_ATTENDANCE:
        return this.checkedIn(eventId);
      case CertificateKind.SPEAKER:
        return this.speakers(eventId);
      case CertificateKind.TRAINING_COMPLETION:
        return this.completed(actor, eventId);
    }
  }

  /** The one person, or NOT_ELIGIBLE saying why not. */
  async one(
    actor: Actor,
    kind: CertificateKind,
    eventId: string,
    person: Person,
  ): Promise<Eligible> {
    const eligible = (await this.all(actor, kind, eventId)).get(person.id);
    if (eligible) return eligible;
    throw DomainError.invalid(
      'personId',
      await this.whyNot(kind, eventId, person),
      CertificateErrorCode.NOT_ELIGIBLE,
    );
  }

  private async checkedIn(editionId: string): Promise<Map<string, Eligible>> {
    const checkIns = await this.em.find(
      CheckIn,
      { registration: { edition: editionId } },
      { populate: ['registration.person'] },
    );
    const eligible = new Map<string, Eligible>();
    for (const checkIn of checkIns) {
      const person = checkIn.registration.getEntity().person.getEntity();
      eligible.set(person.id, { person });
    }
    return eligible;
  }

  private async speakers(editionId: string): Promise<Map<string, Eligible>> {
    const speakers = await this.em.find(
      SessionSpeaker,
      { session: { edition: editionId } },
      {
        populate: ['session', 'person'],
        orderBy: [{ session: { day: 'asc', startTime: 'asc' } }, { id: 'asc' }],
      },
    );
    const eligible = new Map<string, Eligible>();
    for (const speaker of speakers) {
      const person = speaker.person.getEntity();
      const entry = eligible.get(person.id) ?? { person, sessionTitles: [] };
      const title = speaker.session.getEntity().title;
      if (!entry.sessionTitles!.includes(title)) entry.sessionTitles!.push(title);
      eligible.set(person.id, entry);
    }
    return eligible;
  }

  private async completed(actor: Actor, eventId: string): Promise<Map<string, Eligible>> {
    const { entries } = await this.attendance.roster(actor, eventId);
    return new Map(
      entries.filter((entry) => entry.completed).map(({ person }) => [person.id, { person }]),
    );
  }

  private async whyNot(kind: CertificateKind, eventId: string, person: Person): Promise<string> {
    const name = person.fullName;
    switch (kind) {
      case CertificateKind.CONFERENCE_ATTENDANCE: {
        const registered = await this.em.count(Registration, { edition: eventId, person });
        return registered
          ? `${name} has not checked in on any day of this edition.`
          : `${name} is not registered for this edition.`;
      }
      case CertificateKind.SPEAKER:
        return `${name} is not a speaker in any session of this edition.`;
      case CertificateKind.TRAINING_COMPLETION: {
        const enrollment = await this.em.findOne(
          Enrollment,
          { event: eventId, person },
          { populate: ['event', 'marks'] },
        );
        if (!enrollment) return `${name} is not enrolled in this training event.`;
        if (enrollment.status === EnrollmentStatus.WITHDRAWN) {
          return `${name} withdrew from this training event.`;
        }
        const event = enrollment.event.getEntity();
        const { attendedDays } = completionOf(
          event,
          enrollment.marks.getItems().map((mark) => mark.status),
        );
        return `${name} attended ${attendedDays} of ${event.dayCount} days; completing this training event needs ${event.requiredDays()}.`;
      }
    }
  }
}
