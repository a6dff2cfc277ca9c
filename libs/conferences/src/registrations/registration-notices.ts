import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Person } from '@platform/directory';
import { Outbox } from '@platform/mail';
import { Edition } from '../editions/edition.entity';
import { editionMail, EditionMessage, editionValues } from '../mail/edition-mail';
import { Registration } from './registration.entity';

/** Queues the notice of a registration's change of status, in the transaction that changes it. */
@Injectable()
export class RegistrationNotices {
  constructor(private readonly outbox: Outbox) {}

  async send(
    em: EntityManager,
    message: EditionMessage,
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
