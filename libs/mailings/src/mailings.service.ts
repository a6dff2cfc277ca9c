import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Edition,
  EditionAccess,
  editionValues,
  Registration,
  RegistrationStatus,
  WorkingGroup,
  WorkingGroupMember,
} from '@platform/conferences';
import { Actor, DomainError, languageOr } from '@platform/core';
import { Person } from '@platform/directory';
import { Certificate, CertificateKind, CertificateStatus } from '@platform/documents';
import { AttachmentRef, MailRequest, MailTemplate, MailWorker, Outbox } from '@platform/mail';
import { AttendanceService, trainingEventValues } from '@platform/trainings';
import { AudienceInput, MailingInput, MailingPreview, MailingResult } from './dto/mailing.input';

/** Which templates suit which audience: edition mail needs an edition, and so on. */
const EDITION_TEMPLATES = [
  MailTemplate.INVITATION,
  MailTemplate.REGISTRATION_CONFIRMED,
  MailTemplate.REMINDER,
  MailTemplate.RECOMMENDATIONS,
];
const TRAINING_TEMPLATES = [MailTemplate.ENROLLMENT_CONFIRMED, MailTemplate.CERTIFICATE_ISSUED];

/**
 * Mail to a whole audience: the registrations of an edition (by status and delegation
 * country), the members of a working group, or the trainees who completed an event.
 * The preview renders the first recipient's message and counts the others; sending
 * queues one message per person, once (sending again queues only the newcomers).
 */
@Injectable()
export class Mailings {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly worker: MailWorker,
    private readonly editions: EditionAccess,
    private readonly attendance: AttendanceService,
  ) {}

  async preview(actor: Actor, input: MailingInput): Promise<MailingPreview> {
    const requests = await this.requests(actor, input, this.em);
    const withEmail = requests.filter((request) => request.to.email);
    const first = withEmail[0];
    const sample = first && {
      to: first.to.email!,
      language: first.to.language,
      ...(await this.outbox.render(this.em, first)),
    };
    return {
      recipients: withEmail.length,
      withoutEmail: requests.length - withEmail.length,
      sample,
    };
  }

  async send(actor: Actor, input: MailingInput): Promise<MailingResult> {
    const result = await this.em.transactional(async (em) => {
      const counts = { queued: 0, alreadyQueued: 0, withoutEmail: 0 };
      for (const request of await this.requests(actor, input, em)) {
        const outcome = await this.outbox.enqueue(em, request);
        if (outcome === 'QUEUED') counts.queued++;
        else if (outcome === 'ALREADY_QUEUED') counts.alreadyQueued++;
        else counts.withoutEmail++;
      }
      return counts;
    });
    this.worker.wake();
    return result;
  }

  private async requests(
    actor: Actor,
    input: MailingInput,
    em: EntityManager,
  ): Promise<MailRequest[]> {
    const { template, audience } = input;
    const chosen = [audience.editionId, audience.workingGroupId, audience.trainingEventId].filter(
      Boolean,
    );
    if (chosen.length !== 1) {
      throw DomainError.invalid(
        'audience.editionId',
        'give exactly one of editionId, workingGroupId and trainingEventId',
      );
    }
    if (audience.trainingEventId) {
      if (!TRAINING_TEMPLATES.includes(template)) {
        throw DomainError.invalid(
          'template',
          `trainees get ${TRAINING_TEMPLATES.join(' or ')}, not ${template}`,
        );
      }
      return this.trainees(actor, template, audience.trainingEventId, em);
    }
    if (!EDITION_TEMPLATES.includes(template)) {
      throw DomainError.invalid(
        'template',
        `an edition's participants get ${EDITION_TEMPLATES.join(', ')}, not ${template}`,
      );
    }
    return this.participants(actor, template, audience, em);
  }

  private async participants(
    actor: Actor,
    template: MailTemplate,
    audience: AudienceInput,
    em: EntityManager,
  ): Promise<MailRequest[]> {
    let edition: Edition;
    let registrations: Registration[];
    if (audience.workingGroupId) {
      const group = await em.findOne(WorkingGroup, audience.workingGroupId);
      if (!group) throw DomainError.notFound('Working group', audience.workingGroupId);
      edition = await this.editions.manageable(actor, group.edition.id, em);
      const members = await em.find(
        WorkingGroupMember,
        { workingGroup: group },
        { populate: ['registration.person'] },
      );
      registrations = members.map((member) => member.registration.getEntity());
    } else {
      edition = await this.editions.manageable(actor, audience.editionId!, em);
      registrations = await em.find(
        Registration,
        {
          edition,
          status: {
            $in: audience.statuses?.length
              ? audience.statuses
              : [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED],
          },
          ...(audience.delegationCountry ? { delegationCountry: audience.delegationCountry } : {}),
        },
        { populate: ['person'], orderBy: [{ person: { fullName: 'asc' } }, { id: 'asc' }] },
      );
    }
    return participantMail(template, edition, registrations);
  }

  /**
   * The reminder before the start, queued without anyone asking: everyone seated at a
   * published edition that starts within `days` days gets it once (the same key as a
   * reminder an organizer sends, so nobody gets two).
   */
  async queueReminders(days: number, today = new Date()): Promise<number> {
    const from = today.toISOString().slice(0, 10);
    const to = new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return this.em.fork().transactional(async (em) => {
      const registrations = await em.find(
        Registration,
        {
          status: { $in: [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED] },
          edition: { isPublished: true, startDate: { $gte: from, $lte: to } },
        },
        { populate: ['person', 'edition'] },
      );
      let queued = 0;
      for (const registration of registrations) {
        const requests = participantMail(MailTemplate.REMINDER, registration.edition.getEntity(), [
          registration,
        ]);
        for (const request of requests)
          if ((await this.outbox.enqueue(em, request)) === 'QUEUED') queued++;
      }
      return queued;
    });
  }

  /** Trainees who completed the event; certificate mail goes to those who have one. */
  private async trainees(
    actor: Actor,
    template: MailTemplate,
    eventId: string,
    em: EntityManager,
  ): Promise<MailRequest[]> {
    const { event, entries } = await this.attendance.roster(actor, eventId);
    const completed = entries.filter((entry) => entry.completed).map((entry) => entry.person);
    if (template !== MailTemplate.CERTIFICATE_ISSUED) {
      return completed.map((person) => ({
        template,
        idempotencyKey: `MAILING:${template}:${event.id}:${person.id}`,
        to: recipient(person),
        values: trainingEventValues(event, languageOr(person.language)),
        trainingEventId: event.id,
      }));
    }
    const certificates = await em.find(Certificate, {
      trainingEvent: event,
      kind: CertificateKind.TRAINING_COMPLETION,
      status: CertificateStatus.VALID,
      person: { $in: completed },
    });
    const byPerson = new Map(
      certificates.map((certificate) => [certificate.person.id, certificate]),
    );
    return completed
      .filter((person) => byPerson.has(person.id))
      .map((person) => {
        const certificate = byPerson.get(person.id)!;
        return {
          template,
          // The same key as when the certificate was issued: nobody gets it twice.
          idempotencyKey: `CERTIFICATE_ISSUED:${certificate.id}`,
          to: { ...recipient(person), name: certificate.holderName },
          values: {
            eventTitle: certificate.eventTitle,
            serial: certificate.serial,
            verificationUrl: certificate.content.verificationUrl,
          },
          trainingEventId: event.id,
          attachments: [{ kind: 'CERTIFICATE', id: certificate.id }],
        };
      });
  }
}

function participantMail(
  template: MailTemplate,
  edition: Edition,
  registrations: Registration[],
): MailRequest[] {
  const daysBefore = Math.max(0, daysUntil(edition.startDate));
  return registrations.map((registration) => {
    const person = registration.person.getEntity();
    const attachments: AttachmentRef[] =
      template === MailTemplate.RECOMMENDATIONS
        ? [{ kind: 'RECOMMENDATIONS', id: edition.id, language: person.language }]
        : [];
    return {
      template,
      idempotencyKey: `MAILING:${template}:${edition.id}:${person.id}`,
      to: recipient(person),
      values: { ...editionValues(edition, person.language), daysBefore },
      editionId: edition.id,
      attachments,
    };
  });
}

function recipient(person: Person): MailRequest['to'] {
  return {
    email: person.email,
    name: person.fullName,
    language: person.language,
    personId: person.id,
  };
}

function daysUntil(date: string): number {
  const today = new Date(new Date().toISOString().slice(0, 10));
  return Math.round((new Date(date).getTime() - today.getTime()) / 86_400_000);
}
