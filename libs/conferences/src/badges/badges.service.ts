import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  Clock,
  countryNameIn,
  DomainError,
  inLanguage,
  LanguageCode,
  uploadedFile,
  UploadedFileType,
} from '@platform/core';
import { Organization, Person, personNames } from '@platform/directory';
import { BadgeFace, BadgesContent, PdfRenderer } from '@platform/documents';
import { Outbox } from '@platform/mail';
import { SessionSpeaker } from '../agenda/agenda-session.entity';
import { ConferenceErrorCode } from '../conference-error-code';
import { DelegationAccess } from '../delegations/delegation-access';
import { Delegation, DelegationKind } from '../delegations/delegation.entity';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import { dayIn } from '../editions/time-zone';
import { badgeMail } from '../mail/badge.email';
import { CheckIn, Registration, SEATED_STATUSES } from '../registrations/registration.entity';
import { RegistrationsService } from '../registrations/registrations.service';
import { Badge, BadgePrint, BadgeRole } from './badge.entity';
import { BadgeTokens } from './badge-tokens';
import { BadgeCheckIn, BadgeCheckInCount, BadgeCountGroup, BadgeView } from './badge-views';

/** A photo's limit: a portrait at print resolution is far smaller. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** A scan's clock may run a little ahead of the server's. */
const FUTURE_SCAN_TOLERANCE_MS = 5 * 60_000;
const SCANNED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reasons sent in `extensions.reason` when a scanned token is refused. */
export enum BadgeErrorCode {
  /** Not a token this platform signed for a badge of this edition. */
  BADGE_INVALID = 'BADGE_INVALID',
  /** A genuine badge that was revoked: its QR was replaced. */
  BADGE_REVOKED = 'BADGE_REVOKED',
}

const CHECKED_IN: Record<LanguageCode, (time: string, already: boolean) => string> = {
  en: (time, already) => (already ? `Already checked in at ${time}` : `Checked in at ${time}`),
  ru: (time, already) => (already ? `Вход уже отмечен в ${time}` : `Вход отмечен в ${time}`),
  uz: (time, already) =>
    already ? `Allaqachon ${time} da qayd etilgan` : `${time} da qayd etildi`,
};

/** A registration with what its badge prints, loaded together for many at once. */
interface Holder {
  registration: Registration;
  person: Person;
  badge?: Badge;
}

/**
 * Accreditation badges: who may see, change, print and scan them, what they print, and the
 * check-in by a badge's QR code (the check-in rule itself is RegistrationsService's).
 */
@Injectable()
export class BadgesService {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly delegations: DelegationAccess,
    private readonly registrations: RegistrationsService,
    private readonly tokens: BadgeTokens,
    private readonly renderer: PdfRenderer,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  // --- reading -----------------------------------------------------------------

  async view(actor: Actor, registrationId: string, language: LanguageCode): Promise<BadgeView> {
    const registration = await this.visibleRegistration(actor, registrationId, this.em);
    return only(await this.views(this.em, [registration], language));
  }

  /** The badges of an edition's seated people, or of one delegation's. */
  async list(
    actor: Actor,
    editionId: string,
    delegationId: string | undefined,
    language: LanguageCode,
  ): Promise<BadgeView[]> {
    const registrations = await this.seatedOf(actor, editionId, delegationId, this.em);
    return this.views(this.em, registrations, language);
  }

  /** The photo's bytes and type, for whoever may see the badge. */
  async photo(actor: Actor, registrationId: string): Promise<{ bytes: Buffer; type: string }> {
    const registration = await this.visibleRegistration(actor, registrationId, this.em);
    const badge = await this.em.findOne(Badge, { registration }, { populate: ['photo'] });
    if (!badge?.photo || !badge.photoType) throw DomainError.notFound('Photo', registrationId);
    return { bytes: Buffer.from(badge.photo), type: badge.photoType };
  }

  /** Checked in against expected on a day (today in the edition's zone), by delegation. */
  async count(
    actor: Actor,
    editionId: string,
    day: string | undefined,
    language: LanguageCode,
  ): Promise<BadgeCheckInCount> {
    const edition = await this.editions.manageable(actor, editionId);
    const date = day ?? dayIn(edition.timeZone, this.clock.now());
    const seated = await this.em.find(
      Registration,
      { edition, status: { $in: SEATED_STATUSES } },
      { populate: ['delegation.organization'] },
    );
    const checkIns = await this.em.find(CheckIn, { registration: { edition }, day: date });
    const present = new Set(checkIns.map((checkIn) => checkIn.registration.id));
    const groups = new Map<string, BadgeCountGroup>();
    for (const registration of seated) {
      const { key, label } = delegationOf(registration, language);
      const group = groups.get(key) ?? { key, label, checkedIn: 0, expected: 0 };
      group.expected += 1;
      if (present.has(registration.id)) group.checkedIn += 1;
      groups.set(key, group);
    }
    const byDelegation = [...groups.values()].sort(
      (a, b) => b.expected - a.expected || a.label.localeCompare(b.label),
    );
    return {
      day: date,
      checkedIn: seated.filter((registration) => present.has(registration.id)).length,
      expected: seated.length,
      byDelegation,
    };
  }

  // --- documents ---------------------------------------------------------------

  /**
   * One badge as an A6 PDF. A download by the organizers or a focal point is a print and is
   * recorded (the first, then reprints); the holder's own copy is not.
   */
  async badgePdf(
    actor: Actor,
    registrationId: string,
    language: LanguageCode,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    await this.tokens.ready();
    const { content, fileName } = await this.em.transactional(async (em) => {
      const registration = await this.visibleRegistration(actor, registrationId, em);
      assertSeated(registration);
      const holders = await this.holders(em, [registration], true);
      if (await this.delegations.canManageRegistration(actor, registration)) {
        await this.recordPrints(em, actor, holders);
      }
      const edition = await registration.edition.loadOrFail();
      const person = only(holders).person;
      return {
        content: await this.content(em, edition, holders, language),
        fileName: `badge-${edition.year}-${person.nameIn('en').replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
      };
    });
    return { pdf: await this.renderer.badge(content), fileName };
  }

  /** Badges four to an A4 sheet: the edition's seated people, or one delegation's. */
  async sheetPdf(
    actor: Actor,
    editionId: string,
    delegationId: string | undefined,
    language: LanguageCode,
  ): Promise<Buffer> {
    await this.tokens.ready();
    const content = await this.em.transactional(async (em) => {
      const registrations = await this.seatedOf(actor, editionId, delegationId, em);
      const holders = await this.holders(em, registrations, true);
      await this.recordPrints(em, actor, holders);
      const edition = await em.findOneOrFail(Edition, editionId);
      return this.content(em, edition, holders, language);
    });
    return this.renderer.badgeSheet(content);
  }

  /** The digital badge the mail worker attaches: none once the person no longer holds a seat. */
  async attachment(badgeId: string, language: LanguageCode): Promise<Buffer | null> {
    await this.tokens.ready();
    const badge = await this.em.findOne(Badge, badgeId, { populate: ['registration'] });
    const registration = badge?.registration.getEntity();
    if (!badge || !registration || !SEATED_STATUSES.includes(registration.status)) return null;
    const holders = await this.holders(this.em, [registration], false);
    const edition = await registration.edition.loadOrFail();
    return this.renderer.badge(await this.content(this.em, edition, holders, language));
  }

  // --- changes -----------------------------------------------------------------

  /** The organizers set the role a badge prints (null: back to the default). */
  async setRole(
    actor: Actor,
    registrationId: string,
    role: BadgeRole | null | undefined,
    language: LanguageCode,
  ): Promise<BadgeView> {
    return this.change(actor, registrationId, 'organizers', language, (badge) => {
      badge.role = role ?? null;
    });
  }

  /** The person, their focal point or the organizers upload the photo: JPEG or PNG, ≤ 2 MB. */
  async setPhoto(
    actor: Actor,
    registrationId: string,
    base64: string,
    language: LanguageCode,
  ): Promise<BadgeView> {
    const file = uploadedFile(
      'photo',
      base64,
      [UploadedFileType.JPEG, UploadedFileType.PNG],
      MAX_PHOTO_BYTES,
    );
    return this.change(actor, registrationId, 'anyone who sees it', language, (badge) => {
      badge.photo = file.bytes;
      badge.photoType = file.type;
    });
  }

  async removePhoto(
    actor: Actor,
    registrationId: string,
    language: LanguageCode,
  ): Promise<BadgeView> {
    return this.change(actor, registrationId, 'anyone who sees it', language, (badge) => {
      badge.photo = null;
      badge.photoType = null;
    });
  }

  /** A lost or misused badge: its QR stops working; the next print carries a new one. */
  async revoke(actor: Actor, registrationId: string, language: LanguageCode): Promise<BadgeView> {
    return this.change(actor, registrationId, 'organizers', language, (badge) => {
      badge.tokenVersion += 1;
      badge.revokedAt = this.clock.now();
    });
  }

  /** Mails each seated person (of the edition or a delegation) their badge; how many went out. */
  async send(actor: Actor, editionId: string, delegationId: string | undefined): Promise<number> {
    return this.em.transactional(async (em) => {
      const registrations = await this.seatedOf(actor, editionId, delegationId, em, true);
      const edition = await em.findOneOrFail(Edition, editionId);
      const holders = await this.holders(em, registrations, false);
      let queued = 0;
      for (const holder of holders) {
        const badge = holder.badge!;
        const result = await this.outbox.enqueue(em, badgeMail(edition, holder.person, badge));
        if (result === 'QUEUED') queued += 1;
      }
      return queued;
    });
  }

  // --- check-in ----------------------------------------------------------------

  /**
   * Checks in the person whose badge was scanned, for the day of the scan in the edition's
   * time zone. A second scan that day changes nothing and says since when they are in.
   */
  async checkInByBadge(
    actor: Actor,
    editionId: string,
    token: string,
    scannedAt: string | undefined,
    language: LanguageCode,
  ): Promise<BadgeCheckIn> {
    const edition = await this.editions.manageable(actor, editionId);
    const at = scannedAt === undefined ? this.clock.now() : this.scanTime(scannedAt);
    await this.tokens.ready();
    const claim = await this.tokens.verify(token.trim());
    if (!claim) throw notABadge();
    const day = dayIn(edition.timeZone, at);
    const attempt = () =>
      this.em.transactional(async (em) => {
        const badge = await em.findOne(Badge, claim.badgeId, { populate: ['registration'] });
        const registration = badge?.registration.getEntity();
        if (!badge || !registration || registration.edition.id !== edition.id) throw notABadge();
        if (claim.version !== badge.tokenVersion) {
          if (claim.version > badge.tokenVersion) throw notABadge();
          throw DomainError.invalid(
            'token',
            'this badge was revoked; its holder needs the new one',
            BadgeErrorCode.BADGE_REVOKED,
          );
        }
        const { checkIn, already } = await this.registrations.checkInOn(
          em,
          registration,
          day,
          'scannedAt',
          at,
        );
        const holder = only(await this.holders(em, [registration], false));
        const role = await this.roleOf(em, holder);
        return { holder, role, checkIn, already };
      });
    let result: Awaited<ReturnType<typeof attempt>>;
    try {
      result = await attempt();
    } catch (error) {
      // Two scans of one badge at once: the other one checked them in.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      result = await attempt();
    }
    const { holder, role, checkIn, already } = result;
    const names = personNames(holder.person);
    const time = timeIn(edition.timeZone, checkIn.checkedInAt);
    return {
      registrationId: holder.registration.id,
      name: holder.person.fullName,
      nameLatin: names.latin,
      nameCyrillic: names.cyrillic,
      photoUrl: holder.badge?.photoType ? photoUrl(holder.registration.id) : undefined,
      organization: organizationName(holder.person, language),
      delegation: delegationOf(holder.registration, language).label,
      role,
      day,
      checkedInAt: checkIn.checkedInAt,
      time,
      alreadyCheckedIn: already,
      message: CHECKED_IN[language](time, already),
    };
  }

  // --- helpers -----------------------------------------------------------------

  private scanTime(scannedAt: string): Date {
    const at = new Date(scannedAt);
    if (!SCANNED_AT.test(scannedAt) || Number.isNaN(at.getTime())) {
      throw DomainError.invalid(
        'scannedAt',
        'must be a date and time with its offset, e.g. 2026-10-14T09:12:00+05:00',
      );
    }
    if (at.getTime() > this.clock.now().getTime() + FUTURE_SCAN_TOLERANCE_MS) {
      throw DomainError.invalid('scannedAt', 'is in the future');
    }
    return at;
  }

  private async change(
    actor: Actor,
    registrationId: string,
    who: 'organizers' | 'anyone who sees it',
    language: LanguageCode,
    apply: (badge: Badge) => void,
  ): Promise<BadgeView> {
    const registration = await this.em.transactional(async (em) => {
      const found = await this.visibleRegistration(actor, registrationId, em);
      if (who === 'organizers' && !(await this.editions.canManage(actor, found.edition.id))) {
        throw DomainError.forbidden('Only the organizers of this edition can do this.');
      }
      const holder = only(await this.holders(em, [found], false));
      apply(holder.badge!);
      return found;
    });
    return only(await this.views(this.em, [registration], language));
  }

  /** A registration of the actor's own person, or one they manage (DelegationAccess); else NOT_FOUND. */
  private async visibleRegistration(
    actor: Actor,
    registrationId: string,
    em: EntityManager,
  ): Promise<Registration> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const registration = await em.findOne(Registration, registrationId);
    const own = actor.personId !== null && registration?.person.id === actor.personId;
    if (
      !registration ||
      (!own && !(await this.delegations.canManageRegistration(actor, registration)))
    ) {
      throw DomainError.notFound('Registration', registrationId);
    }
    return registration;
  }

  /**
   * The seated registrations of an edition its organizers ask for, or of a delegation its
   * focal points (or organizers) ask for; `organizersOnly` refuses focal points.
   */
  private async seatedOf(
    actor: Actor,
    editionId: string,
    delegationId: string | undefined,
    em: EntityManager,
    organizersOnly = false,
  ): Promise<Registration[]> {
    let delegation: Delegation | undefined;
    if (delegationId) {
      delegation = organizersOnly
        ? await this.delegations.organized(actor, delegationId, em)
        : await this.delegations.manageable(actor, delegationId, em);
      // Another edition's delegation is none of this one's.
      if (delegation.edition.id !== editionId)
        throw DomainError.notFound('Delegation', delegationId);
    } else {
      await this.editions.manageable(actor, editionId, em);
    }
    const registrations = await em.find(
      Registration,
      {
        edition: editionId,
        status: { $in: SEATED_STATUSES },
        ...(delegation ? { delegation } : {}),
      },
      { populate: ['person'] },
    );
    return registrations.sort(
      (a, b) =>
        a.delegationCountry.localeCompare(b.delegationCountry) ||
        a.person.getEntity().fullName.localeCompare(b.person.getEntity().fullName) ||
        a.id.localeCompare(b.id),
    );
  }

  /** The registrations with their people and badges; missing badges are made (in `em`). */
  private async holders(
    em: EntityManager,
    registrations: Registration[],
    withPhotos: boolean,
    create = true,
  ): Promise<Holder[]> {
    if (registrations.length === 0) return [];
    await em.populate(registrations, ['person.organization', 'delegation.organization']);
    const badges = await em.find(
      Badge,
      { registration: { $in: registrations } },
      withPhotos ? { populate: ['photo'] } : {},
    );
    const byRegistration = new Map(badges.map((badge) => [badge.registration.id, badge]));
    return registrations.map((registration) => {
      let badge = byRegistration.get(registration.id);
      if (!badge && create) badge = em.create(Badge, { registration });
      return { registration, person: registration.person.getEntity(), badge };
    });
  }

  private async recordPrints(em: EntityManager, actor: Actor, holders: Holder[]): Promise<void> {
    const badges = holders.map((holder) => holder.badge!).filter(Boolean);
    if (badges.length === 0) return;
    const printed = new Set(
      (await em.find(BadgePrint, { badge: { $in: badges } }, { fields: ['badge'] })).map(
        (print) => print.badge.id,
      ),
    );
    const now = this.clock.now();
    for (const badge of badges) {
      em.create(BadgePrint, {
        badge,
        printedAt: now,
        printedBy: actor.userId ?? null,
        reprint: printed.has(badge.id),
      });
    }
  }

  /** The people who speak in the edition's agenda (their badges default to SPEAKER). */
  private async speakerIds(em: EntityManager, editionId: string): Promise<Set<string>> {
    const rows = await em.find(SessionSpeaker, { session: { edition: editionId } });
    return new Set(rows.map((row) => row.person.id));
  }

  private async roleOf(em: EntityManager, holder: Holder): Promise<BadgeRole> {
    if (holder.badge?.role) return holder.badge.role;
    const speaks = await em.count(SessionSpeaker, {
      session: { edition: holder.registration.edition.id },
      person: holder.person,
    });
    return speaks > 0 ? BadgeRole.SPEAKER : BadgeRole.DELEGATE;
  }

  private async content(
    em: EntityManager,
    edition: Edition,
    holders: Holder[],
    language: LanguageCode,
  ): Promise<BadgesContent> {
    const speakers = await this.speakerIds(em, edition.id);
    const badges: BadgeFace[] = [];
    for (const holder of holders) {
      const names = personNames(holder.person);
      const badge = holder.badge!;
      badges.push({
        names: { fullName: holder.person.fullName, latin: names.latin, cyrillic: names.cyrillic },
        organization: organizationName(holder.person, language),
        delegation: delegationOf(holder.registration, language).label,
        role:
          badge.role ?? (speakers.has(holder.person.id) ? BadgeRole.SPEAKER : BadgeRole.DELEGATE),
        photo: badge.photoType && badge.photo ? new Uint8Array(badge.photo) : undefined,
        token: await this.tokens.sign(badge),
      });
    }
    const { translations } = edition;
    return {
      language,
      edition: {
        title: inLanguage(edition.title, translations, 'title', language),
        startDate: edition.startDate,
        endDate: edition.endDate,
        city: inLanguage(edition.city, translations, 'city', language),
        countryCode: edition.hostCountry,
      },
      badges,
    };
  }

  private async views(
    em: EntityManager,
    registrations: Registration[],
    language: LanguageCode,
  ): Promise<BadgeView[]> {
    if (registrations.length === 0) return [];
    const holders = await this.holders(em, registrations, false, false);
    const speakers = await this.speakerIds(
      em,
      only([...new Set(registrations.map((r) => r.edition.id))]),
    );
    const badges = holders.flatMap((holder) => (holder.badge ? [holder.badge] : []));
    const prints = badges.length
      ? await em.find(BadgePrint, { badge: { $in: badges } }, { orderBy: { printedAt: 'asc' } })
      : [];
    return holders.map(({ registration, person, badge }) => {
      const names = personNames(person);
      const own = prints.filter((print) => print.badge.id === badge?.id);
      const delegation = delegationOf(registration, language);
      return {
        registrationId: registration.id,
        registrationStatus: registration.status,
        name: person.fullName,
        nameLatin: names.latin,
        nameCyrillic: names.cyrillic,
        organization: organizationName(person, language),
        delegation: delegation.label,
        delegationId: registration.delegation?.id,
        role: badge?.role ?? (speakers.has(person.id) ? BadgeRole.SPEAKER : BadgeRole.DELEGATE),
        roleSet: Boolean(badge?.role),
        photoUrl: badge?.photoType ? photoUrl(registration.id) : undefined,
        pdfUrl: `/documents/badges/${registration.id}.pdf`,
        revocations: (badge?.tokenVersion ?? 1) - 1,
        revokedAt: badge?.revokedAt ?? undefined,
        printCount: own.length,
        firstPrintedAt: own[0]?.printedAt,
        lastPrintedAt: own[own.length - 1]?.printedAt,
      };
    });
  }
}

function only<T>(items: T[]): T {
  const [item] = items;
  if (item === undefined || items.length !== 1)
    throw new Error(`Expected one, got ${items.length}`);
  return item;
}

function notABadge(): DomainError {
  return DomainError.invalid(
    'token',
    'is not a valid badge of this edition',
    BadgeErrorCode.BADGE_INVALID,
  );
}

function assertSeated(registration: Registration): void {
  if (!SEATED_STATUSES.includes(registration.status)) {
    throw DomainError.conflict(
      ConferenceErrorCode.INVALID_REGISTRATION_STATUS,
      `A ${registration.status.toLowerCase()} registration has no badge: only registered or confirmed people get one.`,
    );
  }
}

export const photoUrl = (registrationId: string) => `/documents/badges/${registrationId}/photo`;

function organizationName(person: Person, language: LanguageCode): string | undefined {
  const organization: Organization | undefined = person.organization?.getEntity();
  if (!organization) return undefined;
  return inLanguage(organization.name, organization.translations, 'name', language);
}

/** The delegation a registration belongs to, or its delegation country without one. */
function delegationOf(
  registration: Registration,
  language: LanguageCode,
): { key: string; label: string } {
  const delegation = registration.delegation?.getEntity();
  if (delegation) {
    const organization = delegation.organization?.getEntity();
    const label =
      delegation.kind === DelegationKind.COUNTRY || !organization
        ? countryNameIn(language, delegation.country ?? registration.delegationCountry)
        : inLanguage(organization.name, organization.translations, 'name', language);
    return { key: delegation.id, label };
  }
  return {
    key: registration.delegationCountry,
    label: countryNameIn(language, registration.delegationCountry),
  };
}

/** HH:MM of `at` in `timeZone`. */
function timeIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
