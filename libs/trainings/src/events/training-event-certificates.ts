import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, EventKind, inLanguage } from '@platform/core';
import { Organization, Person } from '@platform/directory';
import {
  CertificateKind,
  CertifiedEventPort,
  CertifiedEvents,
  Eligible,
  EventFacts,
  inEachLanguage,
  InEachLanguage,
  notEligible,
} from '@platform/documents';
import { completionOf } from '../attendance/completion';
import { Enrollment, EnrollmentStatus } from '../enrollments/enrollment.entity';
import { ProgrammeFunder } from '../programmes/training-programme.entity';
import { TrainingAccess } from '../training-access';
import { TrainingEvent } from './training-event.entity';

/**
 * A training event as the certificates see it: its trainers and programme organizers
 * manage them; whoever completed it under its rule gets a completion certificate, from
 * its last day.
 */
@Injectable()
export class TrainingEventCertificates implements CertifiedEventPort, OnModuleInit {
  readonly kind = EventKind.TRAINING_EVENT;

  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly certified: CertifiedEvents,
  ) {}

  onModuleInit(): void {
    this.certified.register(this);
  }

  async assertManages(actor: Actor, id: string, em: EntityManager, lock = false): Promise<void> {
    await this.access.event(actor, id, em, lock);
  }

  async canManage(actor: Actor, id: string): Promise<boolean> {
    const event = await this.em.findOne(TrainingEvent, id);
    return event !== null && this.access.canRunEvent(actor, event);
  }

  async facts(em: EntityManager, id: string): Promise<EventFacts> {
    const event = await em.findOneOrFail(TrainingEvent, id);
    const { translations } = event;
    return {
      year: Number(event.startDate.slice(0, 4)),
      texts: inEachLanguage((language) => ({
        title: inLanguage(event.title, translations, 'title', language),
        city: inLanguage(event.city, translations, 'city', language),
      })),
      startDate: event.startDate,
      endDate: event.endDate,
      countryCode: event.country,
      days: event.dayCount,
    };
  }

  /** The programme's owner, then its funders, their names translated. */
  async defaultIssuers(em: EntityManager, id: string): Promise<InEachLanguage<string[]>> {
    const organizations = await issuingOrganizations(em, id);
    return inEachLanguage((language) => [
      ...new Set(organizations.map((o) => inLanguage(o.name, o.translations, 'name', language))),
    ]);
  }

  async everyoneEligible(
    em: EntityManager,
    _kind: CertificateKind,
    id: string,
    today: string,
  ): Promise<Map<string, Eligible>> {
    const event = await this.dueEvent(em, id, today);
    const enrollments = await em.find(
      Enrollment,
      { event, status: EnrollmentStatus.ENROLLED },
      { populate: ['person', 'marks'] },
    );
    const finished = enrollments.filter((enrollment) => completed(event, enrollment).completed);
    return new Map(finished.map(({ person }) => [person.id, { person: person.getEntity() }]));
  }

  async eligible(
    em: EntityManager,
    _kind: CertificateKind,
    id: string,
    person: Person,
    today: string,
  ): Promise<Eligible> {
    const event = await this.dueEvent(em, id, today);
    const name = person.fullName;
    const enrollment = await em.findOne(Enrollment, { event, person }, { populate: ['marks'] });
    if (!enrollment) throw notEligible(`${name} is not enrolled in this training event.`);
    if (enrollment.status === EnrollmentStatus.WITHDRAWN) {
      throw notEligible(`${name} withdrew from this training event.`);
    }
    const { attendedDays, completed: done } = completed(event, enrollment);
    if (!done) {
      throw notEligible(
        `${name} attended ${attendedDays} of ${event.dayCount} days; completing this training event needs ${event.requiredDays()}.`,
      );
    }
    return { person };
  }

  /**
   * The event, once completion certificates are due: from its last day. Before, one
   * would print dates still to come for someone whose marks are still being taken.
   */
  private async dueEvent(em: EntityManager, id: string, today: string): Promise<TrainingEvent> {
    const event = await em.findOneOrFail(TrainingEvent, id);
    if (today < event.endDate) {
      throw notEligible(
        `Not yet: the training event ends on ${event.endDate}; completion certificates are issued from that day (today is ${today}).`,
        'trainingEventId',
      );
    }
    return event;
  }
}

/** The organizations a training event's certificates name by default: owner, then funders. */
export async function issuingOrganizations(em: EntityManager, id: string): Promise<Organization[]> {
  const event = await em.findOneOrFail(TrainingEvent, id);
  const programme = await event.programme.loadOrFail({ populate: ['owner'] });
  const funders = await em.find(ProgrammeFunder, { programme }, { populate: ['organization'] });
  const organizations = [
    programme.owner.getEntity(),
    ...funders.map((funder) => funder.organization.getEntity()),
  ];
  return organizations.filter((o, i) => organizations.indexOf(o) === i);
}

function completed(event: TrainingEvent, enrollment: Enrollment) {
  return completionOf(
    event,
    enrollment.marks.getItems().map((mark) => mark.status),
  );
}
