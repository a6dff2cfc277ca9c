import { EntityManager } from '@mikro-orm/core';
import { DomainError } from '@platform/core';
import { CheckIn, Registration, SessionSpeaker } from '@platform/conferences';
import { Person } from '@platform/directory';
import { completionOf, Enrollment, EnrollmentStatus, TrainingEvent } from '@platform/trainings';
import type { CertificateScope } from './certificate-access';
import { CertificateErrorCode } from './certificate-error-code';
import { CertificateKind } from './certificate.entity';

// Who may receive a certificate: checked in on at least one day of the edition, spoke in
// one of its sessions, or completed the training event under its rule; and only once the
// event has happened (see assertDue). Read with the issuing transaction's EntityManager,
// so the answer is the one the transaction acts on.

export interface Eligible {
  person: Person;
  /** Speakers: the sessions they spoke in, in agenda order. */
  sessionTitles?: string[];
}

/** Everyone eligible, by person id; NOT_ELIGIBLE for all before the event has happened. */
export async function everyoneEligible(
  em: EntityManager,
  kind: CertificateKind,
  scope: CertificateScope,
  today: string,
): Promise<Map<string, Eligible>> {
  const eventId = assertDue(kind, scope, today);
  switch (kind) {
    case CertificateKind.CONFERENCE_ATTENDANCE: {
      const checkIns = await em.find(
        CheckIn,
        { registration: { edition: eventId } },
        { populate: ['registration.person'] },
      );
      const people = checkIns.map((checkIn) => checkIn.registration.getEntity().person.getEntity());
      return new Map(people.map((person) => [person.id, { person }]));
    }
    case CertificateKind.SPEAKER:
      return speakers(em, eventId);
    case CertificateKind.TRAINING_COMPLETION: {
      const event = scope.trainingEvent!;
      const enrollments = await em.find(
        Enrollment,
        { event, status: EnrollmentStatus.ENROLLED },
        { populate: ['person', 'marks'] },
      );
      const finished = enrollments.filter((enrollment) => completed(event, enrollment).completed);
      return new Map(finished.map(({ person }) => [person.id, { person: person.getEntity() }]));
    }
  }
}

/** The one person, or BAD_USER_INPUT with reason NOT_ELIGIBLE saying why not. */
export async function eligible(
  em: EntityManager,
  kind: CertificateKind,
  scope: CertificateScope,
  person: Person,
  today: string,
): Promise<Eligible> {
  const eventId = assertDue(kind, scope, today);
  const name = person.fullName;
  switch (kind) {
    case CertificateKind.CONFERENCE_ATTENDANCE: {
      const registration = await em.findOne(Registration, { edition: eventId, person });
      if (!registration) throw notEligible(`${name} is not registered for this edition.`);
      if (!(await em.count(CheckIn, { registration }))) {
        throw notEligible(`${name} has not checked in on any day of this edition.`);
      }
      return { person };
    }
    case CertificateKind.SPEAKER: {
      const speaker = (await speakers(em, eventId, person)).get(person.id);
      if (!speaker) throw notEligible(`${name} is not a speaker in any session of this edition.`);
      return speaker;
    }
    case CertificateKind.TRAINING_COMPLETION: {
      const enrollment = await em.findOne(
        Enrollment,
        { event: eventId, person },
        { populate: ['event', 'marks'] },
      );
      if (!enrollment) throw notEligible(`${name} is not enrolled in this training event.`);
      if (enrollment.status === EnrollmentStatus.WITHDRAWN) {
        throw notEligible(`${name} withdrew from this training event.`);
      }
      const event = enrollment.event.getEntity();
      const { attendedDays, completed: done } = completed(event, enrollment);
      if (!done) {
        throw notEligible(
          `${name} attended ${attendedDays} of ${event.dayCount} days; completing this training event needs ${event.requiredDays()}.`,
        );
      }
      return { person };
    }
  }
}

/**
 * A certificate attests what has happened: attendance and speaker certificates are issued
 * from the edition's first day, completion certificates from the training event's last
 * day. Until then a completion certificate would print dates still to come for someone
 * whose marks are still being taken (with "2 of 3 days" a trainee can qualify on day 2).
 * Returns the event's id.
 */
function assertDue(kind: CertificateKind, scope: CertificateScope, today: string): string {
  if (scope.trainingEvent) {
    const { id, endDate } = scope.trainingEvent;
    if (today < endDate) {
      throw notEligible(
        `Not yet: the training event ends on ${endDate}; completion certificates are issued from that day (today is ${today}).`,
        'trainingEventId',
      );
    }
    return id;
  }
  const { id, startDate } = scope.edition!;
  if (today < startDate) {
    const what = kind === CertificateKind.SPEAKER ? 'speaker' : 'attendance';
    throw notEligible(
      `Not yet: the edition starts on ${startDate}; ${what} certificates are issued from that day (today is ${today}).`,
      'editionId',
    );
  }
  return id;
}

function completed(event: TrainingEvent, enrollment: Enrollment) {
  return completionOf(
    event,
    enrollment.marks.getItems().map((mark) => mark.status),
  );
}

/** The speakers of an edition (or the one person), with their sessions in agenda order. */
async function speakers(
  em: EntityManager,
  editionId: string,
  person?: Person,
): Promise<Map<string, Eligible>> {
  const rows = await em.find(
    SessionSpeaker,
    { session: { edition: editionId }, ...(person ? { person } : {}) },
    {
      populate: ['session', 'person'],
      orderBy: [{ session: { day: 'asc', startTime: 'asc' } }, { id: 'asc' }],
    },
  );
  const found = new Map<string, Eligible>();
  for (const row of rows) {
    const speaker = row.person.getEntity();
    const entry = found.get(speaker.id) ?? { person: speaker, sessionTitles: [] };
    const title = row.session.getEntity().title;
    if (!entry.sessionTitles!.includes(title)) entry.sessionTitles!.push(title);
    found.set(speaker.id, entry);
  }
  return found;
}

function notEligible(message: string, field = 'personId'): DomainError {
  return DomainError.refusedInput(field, message, CertificateErrorCode.NOT_ELIGIBLE);
}
