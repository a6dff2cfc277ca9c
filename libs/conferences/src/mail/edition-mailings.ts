import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError } from '@platform/core';
import { Person } from '@platform/directory';
import { MailRequest, mailingKey } from '@platform/mail';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import { Registration, RegistrationStatus } from '../registrations/registration.entity';
import { WorkingGroup, WorkingGroupMember } from '../working-groups/working-group.entity';
import { editionMail, EditionMessage, editionValues } from './edition-mail';
import { INVITATION_MESSAGE } from './invitation.email';
import { RECOMMENDATIONS_MESSAGE, recommendationsMail } from './recommendations.email';
import { REGISTRATION_CONFIRMED_MESSAGE } from './registration-confirmed.email';
import { REMINDER_MESSAGE, reminderMail } from './reminder.email';

type EditionMailBuilder = (edition: Edition, person: Person) => MailRequest;

/** A mailing that says no more than the edition's own facts. */
const withEditionFacts =
  (message: EditionMessage): EditionMailBuilder =>
  (edition, person) =>
    editionMail(
      message,
      edition,
      person,
      mailingKey(message, edition.id, person.id),
      editionValues(edition, person.language),
    );

/** The messages an organizer may send to an edition's participants, by name. */
const EDITION_MAILINGS: Readonly<Record<string, EditionMailBuilder>> = {
  [INVITATION_MESSAGE.name]: withEditionFacts(INVITATION_MESSAGE),
  [REGISTRATION_CONFIRMED_MESSAGE.name]: withEditionFacts(REGISTRATION_CONFIRMED_MESSAGE),
  [REMINDER_MESSAGE.name]: (edition, person) => reminderMail(edition, person),
  [RECOMMENDATIONS_MESSAGE.name]: recommendationsMail,
};

/** Who an edition mailing goes to: the edition's seated registrations or a working group. */
export interface EditionAudience {
  editionId?: string;
  workingGroupId?: string;
  /** Default: REGISTERED and CONFIRMED. */
  statuses?: RegistrationStatus[];
  delegationCountry?: string;
}

/**
 * The edition's side of mailings: whom a mailing reaches and the mail each gets, for
 * those who manage the edition (the mailings lib queues and previews them).
 */
@Injectable()
export class EditionMailings {
  constructor(private readonly editions: EditionAccess) {}

  async requests(
    actor: Actor,
    message: string,
    audience: EditionAudience,
    em: EntityManager,
  ): Promise<MailRequest[]> {
    const build = EDITION_MAILINGS[message];
    if (!build) {
      throw DomainError.invalid(
        'template',
        `an edition's participants get ${Object.keys(EDITION_MAILINGS).join(', ')}, not ${message}`,
      );
    }
    const { edition, registrations } = await this.audience(actor, audience, em);
    return registrations.map((registration) => build(edition, registration.person.getEntity()));
  }

  /**
   * The reminders due by themselves: everyone seated at a published edition that starts
   * between `from` and `to` (ISO dates).
   */
  async dueReminders(
    em: EntityManager,
    from: string,
    to: string,
    today: Date,
  ): Promise<MailRequest[]> {
    const registrations = await em.find(
      Registration,
      {
        status: { $in: [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED] },
        edition: { isPublished: true, startDate: { $gte: from, $lte: to } },
      },
      { populate: ['person', 'edition'] },
    );
    return registrations.map((registration) =>
      reminderMail(registration.edition.getEntity(), registration.person.getEntity(), today),
    );
  }

  private async audience(
    actor: Actor,
    audience: EditionAudience,
    em: EntityManager,
  ): Promise<{ edition: Edition; registrations: Registration[] }> {
    if (audience.workingGroupId) {
      const group = await em.findOne(WorkingGroup, audience.workingGroupId);
      if (!group) throw DomainError.notFound('Working group', audience.workingGroupId);
      const edition = await this.editions.manageable(actor, group.edition.id, em);
      const members = await em.find(
        WorkingGroupMember,
        { workingGroup: group },
        { populate: ['registration.person'] },
      );
      return { edition, registrations: members.map((member) => member.registration.getEntity()) };
    }
    if (!audience.editionId) {
      throw DomainError.invalid('audience.editionId', 'give the edition or the working group');
    }
    const edition = await this.editions.manageable(actor, audience.editionId, em);
    const registrations = await em.find(
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
    return { edition, registrations };
  }
}
