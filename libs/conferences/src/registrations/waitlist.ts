import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { PROMOTED_FROM_WAITLIST_MESSAGE } from '../mail/promoted-from-waitlist.email';
import { Edition } from '../editions/edition.entity';
import { RegistrationNotices } from './registration-notices';
import { Registration, RegistrationStatus, SEATED_STATUSES } from './registration.entity';

/** A registration's status changes, and when. */
export function setStatus(registration: Registration, status: RegistrationStatus): void {
  registration.status = status;
  registration.statusChangedAt = new Date();
}

/**
 * The waitlist rule, shared by whatever frees seats: a cancelled registration
 * (RegistrationsService) and a larger capacity (EditionsService). Callers run it inside
 * their transaction, with the edition row locked.
 */
@Injectable()
export class Waitlist {
  constructor(private readonly notices: RegistrationNotices) {}

  /** Moves people from the waitlist into free seats, first come first served. */
  async fillFreeSeats(em: EntityManager, edition: Edition): Promise<Registration[]> {
    const seated = await em.count(Registration, { edition, status: { $in: SEATED_STATUSES } });
    const free = edition.capacity == null ? undefined : edition.capacity - seated;
    if (free !== undefined && free <= 0) return [];
    const promoted = await em.find(
      Registration,
      { edition, status: RegistrationStatus.WAITLISTED },
      { orderBy: [{ statusChangedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], limit: free },
    );
    for (const registration of promoted) {
      setStatus(registration, RegistrationStatus.REGISTERED);
      const person = await registration.person.loadOrFail();
      await this.notices.send(em, PROMOTED_FROM_WAITLIST_MESSAGE, registration, edition, person);
    }
    return promoted;
  }
}
