import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { EditionMailings } from '@platform/conferences';
import { Actor, DomainError, EventKind } from '@platform/core';
import {
  CERTIFICATE_ISSUED_MESSAGE,
  CertificateKind,
  CertificatesService,
  certificateIssuedMail,
} from '@platform/documents';
import { MailRequest, MailWorker, mailingKey, Outbox } from '@platform/mail';
import {
  AttendanceService,
  ENROLLMENT_CONFIRMED_MESSAGE,
  enrollmentConfirmedMail,
} from '@platform/trainings';
import { MailingInput, MailingPreview, MailingResult } from './dto/mailing.input';
import { MailTemplate } from './mail-catalog';

/** What trainees may be sent (what an edition's participants may be sent is the edition's). */
const TRAINING_TEMPLATES = [ENROLLMENT_CONFIRMED_MESSAGE.name, CERTIFICATE_ISSUED_MESSAGE.name];

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
    private readonly editions: EditionMailings,
    private readonly attendance: AttendanceService,
    private readonly certificates: CertificatesService,
  ) {}

  async preview(actor: Actor, input: MailingInput): Promise<MailingPreview> {
    const requests = await this.requests(actor, input, this.em);
    const withEmail = requests.filter((request) => request.to.email);
    const first = withEmail[0];
    const sample = first && {
      to: first.to.email ?? '',
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

  /**
   * The reminder before the start, queued without anyone asking: everyone seated at a
   * published edition that starts within `days` days gets it once (the same key as a
   * reminder an organizer sends, so nobody gets two).
   */
  async queueReminders(days: number, today = new Date()): Promise<number> {
    const from = today.toISOString().slice(0, 10);
    const to = new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return this.em.fork().transactional(async (em) => {
      let queued = 0;
      for (const request of await this.editions.dueReminders(em, from, to, today)) {
        if ((await this.outbox.enqueue(em, request)) === 'QUEUED') queued++;
      }
      return queued;
    });
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
    return this.editions.requests(actor, template, audience, em);
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
    if (template === ENROLLMENT_CONFIRMED_MESSAGE.name) {
      return completed.map((person) =>
        enrollmentConfirmedMail(
          event,
          person,
          mailingKey(ENROLLMENT_CONFIRMED_MESSAGE, event.id, person.id),
        ),
      );
    }
    const certificates = await this.certificates.validOf(
      em,
      { kind: EventKind.TRAINING_EVENT, id: event.id },
      CertificateKind.TRAINING_COMPLETION,
      completed.map((person) => person.id),
    );
    // The same mail as when the certificate was issued, with its key: nobody gets it twice.
    return completed.flatMap((person) => {
      const certificate = certificates.get(person.id);
      return certificate ? [certificateIssuedMail(certificate, person.email)] : [];
    });
  }
}
