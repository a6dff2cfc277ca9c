import { Injectable } from '@nestjs/common';
import {
  EntityManager,
  LockMode,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { User } from '@platform/accounts';
import {
  Actor,
  Connection,
  DomainError,
  PageArgs,
  paginate,
  periodDays,
  Role,
  lockFor,
  translate,
} from '@platform/core';
import { Organization } from '@platform/directory';
import { assertAgendaFits } from '../agenda/agenda-days';
import { ConferenceErrorCode } from '../conference-error-code';
import { Waitlist } from '../registrations/waitlist';
import { SeriesService } from '../series/series.service';
import { defaultTimeZone } from './time-zone';
import {
  CreateEditionInput,
  EditionFilter,
  PartnerInput,
  UpdateEditionInput,
} from './dto/edition.input';
import { EditionAccess } from './edition-access';
import { Edition, EditionOrganizer, EditionPartner, EditionStatus } from './edition.entity';

// Editions move forward; registration may be paused back to planning. CLOSED is final.
const ALLOWED_STATUS_CHANGES: Record<EditionStatus, EditionStatus[]> = {
  [EditionStatus.PLANNING]: [
    EditionStatus.REGISTRATION_OPEN,
    EditionStatus.IN_PROGRESS,
    EditionStatus.CLOSED,
  ],
  [EditionStatus.REGISTRATION_OPEN]: [
    EditionStatus.PLANNING,
    EditionStatus.IN_PROGRESS,
    EditionStatus.CLOSED,
  ],
  [EditionStatus.IN_PROGRESS]: [EditionStatus.CLOSED],
  [EditionStatus.CLOSED]: [],
};

/**
 * Editions of a conference series: their dates, status, partners and organizers. The
 * series and its rotation plan are SeriesService's; when more seats free up, the
 * registrations' Waitlist moves people up.
 */
@Injectable()
export class EditionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    private readonly series: SeriesService,
    private readonly waitlist: Waitlist,
  ) {}

  // --- editions --------------------------------------------------------------

  async listEditions(
    actor: Actor,
    filter: EditionFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Edition>> {
    const where = {
      $and: [
        await this.access.visibleWhere(actor),
        filter.managed ? await this.access.managedWhere(actor) : {},
        {
          year: filter.year,
          hostCountry: filter.hostCountry,
          series: filter.seriesId,
          status: filter.status,
        },
      ],
    };
    return paginate(this.em, Edition, where, page, [{ year: 'desc' }, { id: 'asc' }]);
  }

  /** The statuses the edition may move to next, for those who manage it (else none). */
  async nextStatuses(actor: Actor, edition: Edition): Promise<EditionStatus[]> {
    return (await this.access.canManage(actor, edition.id))
      ? ALLOWED_STATUS_CHANGES[edition.status]
      : [];
  }

  /** Whether this actor may change the edition (its organizers and admins). */
  canManage(actor: Actor, edition: Edition): Promise<boolean> {
    return this.access.canManage(actor, edition.id);
  }

  getEdition(actor: Actor, id: string): Promise<Edition> {
    return this.access.viewable(actor, id);
  }

  /**
   * Admins create editions in any series; an organizer creates the next editions of a
   * series they organize an edition of (the first edition of a series is an admin's,
   * who assigns its organizers). Organizers who create an edition become its organizers.
   */
  async createEdition(actor: Actor, input: CreateEditionInput): Promise<Edition> {
    actor.require(Role.ADMIN, Role.ORGANIZER);
    const series = await this.series.getSeries(input.seriesId);
    if (!actor.isAdmin && !(await this.access.organizesInSeries(actor, series.id))) {
      throw DomainError.forbidden(
        `Only admins and the organizers of an edition of ${series.name} create its editions.`,
      );
    }
    editionDays(input.startDate, input.endDate);
    assertYearMatches(input.year, input.startDate);
    if (await this.em.count(Edition, { series, year: input.year })) {
      throw DomainError.invalid(
        'year',
        `${series.name} already has an edition in ${input.year}`,
        ConferenceErrorCode.EDITION_YEAR_TAKEN,
      );
    }
    const hostCountry = input.hostCountry ?? (await this.series.plannedHost(series, input.year));
    if (!hostCountry) {
      throw DomainError.invalid(
        'hostCountry',
        `the rotation plan has no host for ${input.year}; give one`,
      );
    }
    const { seriesId: _, translations, ...fields } = input;
    const edition = this.em.create(Edition, {
      ...fields,
      series,
      hostCountry,
      timeZone: input.timeZone ?? defaultTimeZone(hostCountry),
      objectives: input.objectives ?? [],
      createdAt: new Date(),
    });
    translate(edition, translations);
    if (actor.is(Role.ORGANIZER))
      this.em.create(EditionOrganizer, { edition, user: actor.requireUserId() });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.invalid(
          'year',
          `${series.name} already has an edition in ${input.year}`,
          ConferenceErrorCode.EDITION_YEAR_TAKEN,
        );
      }
      throw error;
    }
    this.access.forget(actor);
    return edition;
  }

  async updateEdition(actor: Actor, id: string, input: UpdateEditionInput): Promise<Edition> {
    const { expectedVersion, translations, ...changes } = input;
    const edition = await this.access.manageable(actor, id);
    if (expectedVersion !== undefined) {
      try {
        await this.em.lock(edition, LockMode.OPTIMISTIC, expectedVersion);
      } catch (error) {
        if (error instanceof OptimisticLockError) {
          throw DomainError.conflict(
            'STALE_VERSION',
            `The edition was changed by someone else (now version ${edition.version}); reload it and try again.`,
          );
        }
        throw error;
      }
    }
    const startDate = changes.startDate ?? edition.startDate;
    const endDate = changes.endDate ?? edition.endDate;
    const dayCount = editionDays(startDate, endDate);
    assertYearMatches(edition.year, startDate);
    await assertAgendaFits(this.em, edition, dayCount);
    // More seats, or no limit any more (null).
    const seatsAdded =
      changes.capacity !== undefined &&
      edition.capacity != null &&
      (changes.capacity === null || changes.capacity > edition.capacity);
    // A new host country brings its zone, unless the zone was set by hand.
    if (
      changes.hostCountry &&
      changes.timeZone === undefined &&
      edition.timeZone === defaultTimeZone(edition.hostCountry)
    ) {
      changes.timeZone = defaultTimeZone(changes.hostCountry);
    }
    await this.em.transactional(async (em) => {
      const current = await em.findOneOrFail(Edition, edition.id, lockFor(em));
      em.assign(current, changes);
      translate(current, translations);
      // More seats: the waitlist moves up in the same transaction.
      if (seatsAdded) await this.waitlist.fillFreeSeats(em, current);
    });
    return edition;
  }

  async changeStatus(actor: Actor, id: string, status: EditionStatus): Promise<Edition> {
    const edition = await this.access.manageable(actor, id);
    if (edition.status === status) return edition;
    if (!ALLOWED_STATUS_CHANGES[edition.status].includes(status)) {
      throw DomainError.invalid(
        'status',
        `an edition cannot go from ${edition.status} to ${status}`,
        ConferenceErrorCode.INVALID_STATUS_CHANGE,
      );
    }
    edition.status = status;
    await this.em.flush();
    return edition;
  }

  // --- partners and organizers ----------------------------------------------

  async addPartner(actor: Actor, editionId: string, input: PartnerInput): Promise<EditionPartner> {
    const edition = await this.access.manageable(actor, editionId);
    const organization = await this.em.findOne(Organization, input.organizationId);
    if (!organization) {
      throw DomainError.invalid(
        'organizationId',
        `no organization with id "${input.organizationId}"`,
      );
    }
    const existing = await this.em.findOne(EditionPartner, {
      edition,
      organization,
      role: input.role,
    });
    if (existing) return existing;
    const partner = this.em.create(EditionPartner, { edition, organization, role: input.role });
    await this.em.flush();
    return partner;
  }

  async removePartner(actor: Actor, partnerId: string): Promise<boolean> {
    const partner = await this.em.findOne(EditionPartner, partnerId);
    if (!partner) throw DomainError.notFound('Partner', partnerId);
    await this.access.manageable(actor, partner.edition.id);
    await this.em.remove(partner).flush();
    return true;
  }

  /** Admins, or organizers of the edition, add another organizer account. */
  async assignOrganizer(actor: Actor, editionId: string, userId: string): Promise<Edition> {
    const edition = await this.access.manageable(actor, editionId);
    const user = await this.em.findOne(User, userId);
    if (!user) throw DomainError.invalid('userId', `no account with id "${userId}"`);
    if (user.role !== Role.ORGANIZER) {
      throw DomainError.invalid('userId', `${user.email} is not an organizer account`);
    }
    if (!(await this.em.count(EditionOrganizer, { edition, user }))) {
      this.em.create(EditionOrganizer, { edition, user });
      await this.em.flush();
    }
    return edition;
  }

  async organizersOf(actor: Actor, edition: Edition): Promise<User[] | null> {
    if (!(await this.access.canManage(actor, edition.id))) return null;
    const rows = await this.em.find(
      EditionOrganizer,
      { edition },
      { populate: ['user'], orderBy: { user: { email: 'asc' } } },
    );
    return rows.map((row) => row.user.getEntity());
  }
}

/** An edition's dates are in order and span at most 31 days; returns its number of days. */
const editionDays = (startDate: string, endDate: string) =>
  periodDays(startDate, endDate, { maxDays: 31, what: 'an edition' });

function assertYearMatches(year: number, startDate: string): void {
  if (Number(startDate.slice(0, 4)) !== year) {
    throw DomainError.invalid('startDate', `must fall in the edition's year ${year}`);
  }
}
