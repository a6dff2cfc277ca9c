import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Person } from '@platform/directory';
import { MailMessage, Outbox } from '@platform/mail';
import { Edition } from '../editions/edition.entity';
import { editionMail, EditionValues, editionValues } from '../mail/edition-mail';
import { Registration } from './registration.entity';

/** The messages a change of a registration's status sends (invitation, seat, waitlist, promotion). */
export type RegistrationNotice = MailMessage<Pick<EditionValues, 'editionTitle' | 'dates'>>;

/** Queues the notice of a registration's change of status, in the transaction that changes it. */
@Injectable()
export class RegistrationNotices {
  constructor(private readonly outbox: Outbox) {}

  async send(
    em: EntityManager,
    message: RegistrationNotice,
    registration: Registration,
    edition: Edition,
    person: Person,
  ): Promise<void> {
    await this.outbox.enqueue(
      em,
      editionMail(
        message,
        edition,
        person,
        // One notice per change of status: retrying the same request queues nothing new.
        `${message.name}:${registration.id}:${registration.statusChangedAt.getTime()}`,
        editionValues(edition, person.language),
      ),
    );
  }
}
