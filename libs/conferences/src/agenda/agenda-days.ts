import { EntityManager } from '@mikro-orm/core';
import { DomainError } from '@platform/core';
import { ConferenceErrorCode } from '../conference-error-code';
import { Edition } from '../editions/edition.entity';
import { AgendaSession } from './agenda-session.entity';

/** Agenda days are numbered 1 to the edition's number of days. */
export function assertDayOf(edition: Edition, day: number): void {
  if (day < 1 || day > edition.days.length) {
    throw DomainError.invalid(
      'day',
      `${edition.title} has days 1 to ${edition.days.length}`,
      ConferenceErrorCode.DAY_OUTSIDE_EDITION,
    );
  }
}

/** An edition shortened to `dayCount` days keeps every agenda session on one of its days. */
export async function assertAgendaFits(
  em: EntityManager,
  edition: Edition,
  dayCount: number,
): Promise<void> {
  const lateSession = await em.findOne(AgendaSession, { edition, day: { $gt: dayCount } });
  if (lateSession) {
    throw DomainError.invalid(
      'endDate',
      `the agenda has sessions on day ${lateSession.day}; move them first`,
    );
  }
}
