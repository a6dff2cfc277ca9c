import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  Clock,
  containing,
  Connection,
  DomainError,
  PageArgs,
  paginate,
  Role,
  lockFor,
  searchKey,
} from '@platform/core';
import { Person } from '@platform/directory';
import { ConferenceErrorCode } from '../conference-error-code';
import { INVITATION_MESSAGE } from '../mail/invitation.email';
import { REGISTRATION_CONFIRMED_MESSAGE } from '../mail/registration-confirmed.email';
import { WAITLISTED_MESSAGE } from '../mail/waitlisted.email';
import { Delegation } from '../delegations/delegation.entity';
import { EditionAccess } from '../editions/edition-access';
import { Edition, EditionStatus } from '../editions/edition.entity';
import { dayIn } from '../editions/time-zone';
import {
  CheckInInput,
  RegisterParticipantInput,
  RegistrationFilter,
} from './dto/registration.input';
import { RegistrationNotices } from './registration-notices';
import { setStatus, Waitlist } from './waitlist';
import { CheckIn, Registration, RegistrationStatus, SEATED_STATUSES } from './registration.entity';

const { INVITED, REGISTERED, CONFIRMED, WAITLISTED, DECLINED, CANCELLED } = RegistrationStatus;
/** A person whose registration ended may be invited or registered again. */
const ENDED = [DECLINED, CANCELLED];

/**
 * Registrations, the waitlist and check-ins. Every change that can take or free a
 * seat runs in one transaction that first locks the edition row, so concurrent
 * registrations never exceed the capacity; the unique (edition, person) index makes
 * a second registration of the same person impossible.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    private readonly notices: RegistrationNotices,
    private readonly waitlist: Waitlist,
    private readonly clock: Clock,
  ) {}

  /** An organizer registers a person: a seat if one is free, else the waitlist. */
  register(actor: Actor, input: RegisterParticipantInput): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const edition = await this.access.manageable(actor, input.editionId, em, true);
      if (edition.status === EditionStatus.CLOSED) {
        throw DomainError.conflict(ConferenceErrorCode.EDITION_CLOSED, 'This edition is closed.');
      }
      const person = await this.person(em, input.personId);
      return this.takeSeat(em, edition, person, input.delegationCountry);
    });
  }

  /** A participant registers themself (or accepts an invitation) while registration is open. */
  registerSelf(actor: Actor, editionId: string, listed?: boolean): Promise<Registration> {
    actor.require(Role.PARTICIPANT);
    if (!actor.personId) throw DomainError.forbidden('Your account is not linked to a person.');
    const personId = actor.personId;
    return this.inTransaction(async (em) => {
      const edition = await em.findOne(Edition, editionId, lockFor(em));
      if (!edition || !(await this.access.canView(actor, edition))) {
        throw DomainError.notFound('Edition', editionId);
      }
      if (edition.status !== EditionStatus.REGISTRATION_OPEN) {
        throw DomainError.conflict(
          ConferenceErrorCode.REGISTRATION_NOT_OPEN,
          'Registration for this edition is not open.',
        );
      }
      const registration = await this.takeSeat(em, edition, await this.person(em, personId));
      // The consent to the public list of participants, asked when registering.
      if (listed !== undefined) registration.listed = listed;
      return registration;
    });
  }

  /**
   * A person a delegation nominated, once its organizers approve: a seat if one is free,
   * else the waitlist, by the same rule and mails as `register`. Runs in the caller's
   * transaction (the approval), which has checked that the actor organizes the edition.
   */
  async registerNominee(
    em: EntityManager,
    editionId: string,
    person: Person,
    nomination: { delegationId: string; delegationCountry: string; listed: boolean },
  ): Promise<Registration> {
    const edition = await em.findOneOrFail(Edition, editionId, lockFor(em));
    if (edition.status === EditionStatus.CLOSED) {
      throw DomainError.conflict(ConferenceErrorCode.EDITION_CLOSED, 'This edition is closed.');
    }
    const registration = await this.takeSeat(em, edition, person, nomination.delegationCountry);
    registration.delegation = em.getReference(Delegation, nomination.delegationId, {
      wrapped: true,
    });
    registration.listed = nomination.listed;
    return registration;
  }

  invite(actor: Actor, input: RegisterParticipantInput): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const edition = await this.access.manageable(actor, input.editionId, em, true);
      const person = await this.person(em, input.personId);
      const existing = await em.findOne(Registration, { edition, person });
      if (existing && !ENDED.includes(existing.status)) throw alreadyThere(person, existing);
      const registration =
        existing ??
        em.create(Registration, {
          edition,
          person,
          status: INVITED,
          delegationCountry: input.delegationCountry ?? person.country,
        });
      setStatus(registration, INVITED);
      await this.notices.send(em, INVITATION_MESSAGE, registration, edition, person);
      return registration;
    });
  }

  confirm(actor: Actor, registrationId: string): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const registration = await this.forManager(actor, em, registrationId);
      if (registration.status === CONFIRMED) return registration;
      if (registration.status !== REGISTERED) throw wrongStatus(registration, 'confirmed');
      setStatus(registration, CONFIRMED);
      return registration;
    });
  }

  /** The invited person (or an organizer) declines the invitation. */
  decline(actor: Actor, registrationId: string): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const registration = await this.forOwnerOrManager(actor, em, registrationId);
      if (registration.status !== INVITED) throw wrongStatus(registration, 'declined');
      setStatus(registration, DECLINED);
      return registration;
    });
  }

  /** Cancels a registration; a freed seat goes to the first person on the waitlist. */
  cancel(actor: Actor, registrationId: string): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const registration = await this.forOwnerOrManager(actor, em, registrationId);
      if (ENDED.includes(registration.status)) throw wrongStatus(registration, 'cancelled');
      const edition = await em.findOneOrFail(Edition, registration.edition.id, lockFor(em));
      const freedSeat = SEATED_STATUSES.includes(registration.status);
      setStatus(registration, CANCELLED);
      if (freedSeat) {
        await em.flush();
        await this.waitlist.fillFreeSeats(em, edition);
      }
      return registration;
    });
  }

  async list(
    actor: Actor,
    editionId: string,
    filter: RegistrationFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Registration>> {
    await this.access.manageable(actor, editionId);
    const where: FilterQuery<Registration> = {
      edition: editionId,
      status: filter.status,
      delegationCountry: filter.delegationCountry,
    };
    if (filter.search) where.person = { searchKey: containing(this.em, searchKey(filter.search)) };
    return paginate(this.em, Registration, where, page, [{ createdAt: 'asc' }, { id: 'asc' }]);
  }

  /** The caller's own registrations, newest edition first. */
  async mine(actor: Actor): Promise<Registration[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.personId) return [];
    return this.em.find(
      Registration,
      { person: actor.personId },
      { orderBy: { edition: { year: 'desc' } } },
    );
  }

  async get(actor: Actor, registrationId: string): Promise<Registration> {
    return this.forOwnerOrManager(actor, this.em, registrationId);
  }

  /** Marks the participant present on one day of the edition (idempotent). */
  checkIn(actor: Actor, input: CheckInInput): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const registration = await this.forManager(actor, em, input.registrationId);
      await this.checkInOn(em, registration, input.day);
      return registration;
    });
  }

  /**
   * The one check-in rule, for the organizers' list and the badge scan alike: a day of the
   * edition that has come, a registration that holds a seat, one check-in a day. Gives the
   * day's check-in and whether it was there before; a new one is dated `at`. A wrong day
   * names `field`.
   */
  async checkInOn(
    em: EntityManager,
    registration: Registration,
    day: string,
    field = 'day',
    at: Date = new Date(),
  ): Promise<{ checkIn: CheckIn; already: boolean }> {
    const edition = await registration.edition.loadOrFail();
    if (!edition.days.some((editionDay) => editionDay.date === day)) {
      throw DomainError.invalid(
        field,
        `${day} is not a day of this edition (${edition.startDate} to ${edition.endDate})`,
        ConferenceErrorCode.DAY_OUTSIDE_EDITION,
      );
    }
    // Today where the edition is has come, also while it is still yesterday in UTC.
    if (day !== dayIn(edition.timeZone, this.clock.now())) this.clock.assertDayHasCome(day, field);
    if (!SEATED_STATUSES.includes(registration.status))
      throw wrongStatus(registration, 'checked in');
    const existing = await em.findOne(CheckIn, { registration, day });
    if (existing) return { checkIn: existing, already: true };
    return { checkIn: em.create(CheckIn, { registration, day, checkedInAt: at }), already: false };
  }

  undoCheckIn(actor: Actor, input: CheckInInput): Promise<Registration> {
    return this.inTransaction(async (em) => {
      const registration = await this.forManager(actor, em, input.registrationId);
      await em.nativeDelete(CheckIn, { registration, day: input.day });
      return registration;
    });
  }

  // --- helpers ---------------------------------------------------------------

  private async takeSeat(
    em: EntityManager,
    edition: Edition,
    person: Person,
    delegationCountry?: string,
  ): Promise<Registration> {
    const existing = await em.findOne(Registration, { edition, person });
    if (existing && existing.status !== INVITED && !ENDED.includes(existing.status)) {
      throw alreadyThere(person, existing);
    }
    const seated = await em.count(Registration, { edition, status: { $in: SEATED_STATUSES } });
    const status = edition.capacity == null || seated < edition.capacity ? REGISTERED : WAITLISTED;
    const registration =
      existing ??
      em.create(Registration, {
        edition,
        person,
        status,
        delegationCountry: delegationCountry ?? person.country,
      });
    if (delegationCountry) registration.delegationCountry = delegationCountry;
    setStatus(registration, status);
    const template = status === WAITLISTED ? WAITLISTED_MESSAGE : REGISTRATION_CONFIRMED_MESSAGE;
    await this.notices.send(em, template, registration, edition, person);
    return registration;
  }

  private async person(em: EntityManager, personId: string): Promise<Person> {
    const person = await em.findOne(Person, personId);
    if (!person) throw DomainError.invalid('personId', `no person with id "${personId}"`);
    return person;
  }

  /** A registration the actor manages; its own person sees it but may not do this. */
  private async forManager(
    actor: Actor,
    em: EntityManager,
    registrationId: string,
  ): Promise<Registration> {
    const registration = await this.forOwnerOrManager(actor, em, registrationId);
    if (!(await this.access.canManage(actor, registration.edition.id))) {
      throw DomainError.forbidden('Only the organizers of this edition can do this.');
    }
    return registration;
  }

  /** A registration of the actor's own person, or of an edition they manage; else NOT_FOUND. */
  private async forOwnerOrManager(
    actor: Actor,
    em: EntityManager,
    registrationId: string,
  ): Promise<Registration> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const registration = await em.findOne(Registration, registrationId);
    if (!registration) throw DomainError.notFound('Registration', registrationId);
    const own = actor.personId !== null && registration.person.id === actor.personId;
    if (!own && !(await this.access.canManage(actor, registration.edition.id))) {
      throw DomainError.notFound('Registration', registrationId);
    }
    return registration;
  }

  /** Runs a use case in one transaction; a lost race on the unique index is a CONFLICT. */
  private async inTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.transactional(work);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.conflict(
          ConferenceErrorCode.ALREADY_REGISTERED,
          'This person is already registered for this edition.',
        );
      }
      throw error;
    }
  }
}

function alreadyThere(person: Person, registration: Registration): DomainError {
  return DomainError.conflict(
    ConferenceErrorCode.ALREADY_REGISTERED,
    `${person.fullName} is already ${registration.status.toLowerCase()} for this edition.`,
  );
}

function wrongStatus(registration: Registration, wanted: string): DomainError {
  return DomainError.conflict(
    ConferenceErrorCode.INVALID_REGISTRATION_STATUS,
    `A ${registration.status.toLowerCase()} registration cannot be ${wanted}.`,
  );
}
