import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { countryName, DATE_TEXTS, languageOr } from '@platform/core';
import { Person } from '@platform/directory';
import { MailTemplate, Outbox } from '@platform/mail';
import { Edition } from '../editions/edition.entity';
import { Registration } from './registration.entity';

/** What an edition's mail says about it, in every template that mentions the edition. */
export function editionValues(edition: Edition, language: string): Record<string, string> {
  return {
    editionTitle: edition.title,
    theme: edition.theme ?? '—',
    dates: DATE_TEXTS[languageOr(language)].dateRange(edition.startDate, edition.endDate),
    place: `${edition.venue ? `${edition.venue}, ` : ''}${edition.city}, ${countryName(edition.hostCountry)}`,
  };
}

/**
 * The mail a registration's change of status sends (invitation, seat, waitlist,
 * promotion), queued in the transaction that changes it.
 */
@Injectable()
export class RegistrationNotices {
  constructor(private readonly outbox: Outbox) {}

  async send(
    em: EntityManager,
    template: MailTemplate,
    registration: Registration,
    edition: Edition,
    person: Person,
  ): Promise<void> {
    await this.outbox.enqueue(em, {
      template,
      // One notice per change of status: retrying the same request queues nothing new.
      idempotencyKey: `${template}:${registration.id}:${registration.statusChangedAt.getTime()}`,
      to: {
        email: person.email,
        name: person.fullName,
        language: person.language,
        personId: person.id,
      },
      values: editionValues(edition, person.language),
      editionId: edition.id,
    });
  }
}
