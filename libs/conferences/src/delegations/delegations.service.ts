import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { accountRecipient, hashPassword, LoginLinksService, User } from '@platform/accounts';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  countryNameIn,
  DomainError,
  EventKind,
  inLanguage,
  LanguageCode,
  languageOr,
  lockFor,
  Role,
  scriptOf,
  uploadedFile,
  UploadedFileType,
} from '@platform/core';
import { categoryLabel, Organization, Person, ProfessionalCategory } from '@platform/directory';
import { Outbox } from '@platform/mail';
import { EditionAccess } from '../editions/edition-access';
import { EditionOrganizer, EditionStatus } from '../editions/edition.entity';
import { editionValues, recipient } from '../mail/edition-mail';
import { FOCAL_POINT_INVITATION_MESSAGE } from '../mail/focal-point-invitation.email';
import {
  NOMINATION_APPROVED_MESSAGE,
  NOMINATION_DECLINED_MESSAGE,
} from '../mail/nomination-decided.email';
import { NOMINATIONS_SUBMITTED_MESSAGE } from '../mail/nominations-submitted.email';
import { Registration, RegistrationStatus } from '../registrations/registration.entity';
import { RegistrationsService } from '../registrations/registrations.service';
import { DelegationAccess } from './delegation-access';
import { Delegation, DelegationFocalPoint, DelegationKind } from './delegation.entity';
import {
  CategorySeatsInput,
  CreateDelegationInput,
  DeclineNominationInput,
  DelegationSeatsInput,
  InviteFocalPointInput,
  NominateInput,
  NominationLetterInput,
} from './dto/delegation.input';
import { Nomination, NominationStatus, SEAT_TAKING_NOMINATIONS } from './nomination.entity';

/** The largest nomination letter: a signed scan of a page or two. */
export const NOMINATION_LETTER_MAX_BYTES = 2 * 1024 * 1024;
/** How long the sign-in link in a focal point's invitation works. */
export const FOCAL_POINT_LINK_DAYS = 7;

/** Reasons sent in `extensions.reason` about delegations and nominations. */
export enum DelegationErrorCode {
  DELEGATION_HAS_APPROVED = 'DELEGATION_HAS_APPROVED',
  INVALID_NOMINATION_STATUS = 'INVALID_NOMINATION_STATUS',
  NOMINATION_LETTER_MISSING = 'NOMINATION_LETTER_MISSING',
  NOTHING_TO_SUBMIT = 'NOTHING_TO_SUBMIT',
}

/** Seats of a delegation: all of them, and per category, each with how many are taken. */
export interface SeatUse {
  seats: number;
  used: number;
  byCategory: { category: ProfessionalCategory; seats: number; used: number }[];
}

const { DRAFT, SUBMITTED, APPROVED, DECLINED } = NominationStatus;
const ENDED_REGISTRATIONS = [RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED];

/**
 * Delegations, their focal points and their nominations. The organizers of an edition
 * create its delegations, give them seats and focal points, and decide on nominations;
 * a focal point nominates people within the seats (DelegationAccess says who may do
 * what). Every use case that takes a seat locks the delegation row first, so concurrent
 * nominations cannot exceed them; an approval registers the person through
 * RegistrationsService, whose capacity and waitlist rule holds.
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: DelegationAccess,
    private readonly editions: EditionAccess,
    private readonly registrations: RegistrationsService,
    private readonly outbox: Outbox,
    private readonly loginLinks: LoginLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // --- reading -----------------------------------------------------------------

  /** An edition's delegations: all for its organizers, their own for its focal points. */
  async ofEdition(actor: Actor, editionId: string): Promise<Delegation[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const edition = await this.editions.viewable(actor, editionId);
    const order = { orderBy: { createdAt: 'asc', id: 'asc' } } as const;
    if (await this.editions.canManage(actor, edition.id))
      return this.em.find(Delegation, { edition }, order);
    if (actor.is(Role.FOCAL_POINT)) {
      const own = [...(await this.access.focalPointDelegationIds(actor))];
      return this.em.find(Delegation, { edition, id: { $in: own } }, order);
    }
    throw DomainError.forbidden(
      "Only the edition's organizers and its delegations' focal points see its delegations.",
    );
  }

  /** The delegations the actor is focal point of, newest edition first. */
  async mine(actor: Actor): Promise<Delegation[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const own = [...(await this.access.focalPointDelegationIds(actor))];
    if (own.length === 0) return [];
    return this.em.find(
      Delegation,
      { id: { $in: own } },
      { orderBy: [{ edition: { year: 'desc' } }, { createdAt: 'asc' }, { id: 'asc' }] },
    );
  }

  get(actor: Actor, id: string): Promise<Delegation> {
    return this.access.manageable(actor, id);
  }

  async nomination(actor: Actor, id: string): Promise<Nomination> {
    return (await this.nominationFor(actor, this.em, id)).nomination;
  }

  async nominations(delegation: Delegation): Promise<Nomination[]> {
    return this.em.find(
      Nomination,
      { delegation },
      { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    );
  }

  async focalPoints(delegation: Delegation): Promise<User[]> {
    const rows = await this.em.find(
      DelegationFocalPoint,
      { delegation },
      { populate: ['user'], orderBy: { user: { email: 'asc' } } },
    );
    return rows.map((row) => row.user.getEntity());
  }

  /** The delegation's seats and how many nominations (draft, submitted, approved) take. */
  async seatUse(delegation: Delegation, em: EntityManager = this.em): Promise<SeatUse> {
    const taking = await em.find(
      Nomination,
      { delegation, status: { $in: SEAT_TAKING_NOMINATIONS } },
      { fields: ['category'] },
    );
    const used = (category: string) =>
      taking.filter((n) => (n.category as string) === category).length;
    return {
      seats: delegation.seats,
      used: taking.length,
      byCategory: Object.entries(delegation.categorySeats)
        .map(([category, seats]) => ({
          category: ProfessionalCategory[category as keyof typeof ProfessionalCategory],
          seats,
          used: used(category),
        }))
        .sort((a, b) => a.category.localeCompare(b.category)),
    };
  }

  /** The nomination letter, for the edition's organizers and the delegation's focal points. */
  async letter(actor: Actor, nominationId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const { nomination } = await this.nominationFor(actor, this.em, nominationId);
    await this.em.populate(nomination, ['letter', 'person']);
    if (!nomination.letter) throw DomainError.notFound('Nomination letter', nominationId);
    const person = nomination.person.getEntity();
    return { pdf: nomination.letter, fileName: `nomination-letter-${person.fullName}.pdf` };
  }

  // --- the organizers' side -------------------------------------------------------

  create(actor: Actor, input: CreateDelegationInput): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const edition = await this.editions.manageable(actor, input.editionId, em, true);
      const categorySeats = seatsByCategory(input.categorySeats ?? [], input.seats);
      let country: string | undefined;
      let organization: Organization | undefined;
      if (input.kind === DelegationKind.COUNTRY) {
        if (!input.country) throw DomainError.invalid('country', 'a country delegation needs one');
        if (input.organizationId)
          throw DomainError.invalid('organizationId', 'only for an ORGANIZATION delegation');
        country = input.country.toUpperCase();
        if (await em.count(Delegation, { edition, country }))
          throw DomainError.invalid(
            'country',
            `${countryNameIn('en', country)} already has a delegation at this edition`,
            'DUPLICATE',
          );
      } else {
        if (!input.organizationId)
          throw DomainError.invalid('organizationId', 'an organization delegation needs one');
        if (input.country) throw DomainError.invalid('country', 'only for a COUNTRY delegation');
        organization = (await em.findOne(Organization, input.organizationId)) ?? undefined;
        if (!organization)
          throw DomainError.invalid(
            'organizationId',
            `no organization with id "${input.organizationId}"`,
          );
        if (await em.count(Delegation, { edition, organization }))
          throw DomainError.invalid(
            'organizationId',
            `${organization.name} already has a delegation at this edition`,
            'DUPLICATE',
          );
      }
      return em.create(Delegation, {
        edition,
        kind: input.kind,
        country,
        organization,
        seats: input.seats,
        categorySeats,
        createdAt: new Date(),
      });
    });
  }

  /** New seats; never fewer than the nominations that take them. */
  setSeats(actor: Actor, input: DelegationSeatsInput): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.organized(actor, input.delegationId, em, true);
      const categorySeats = seatsByCategory(input.categorySeats, input.seats);
      const use = await this.seatUse(delegation, em);
      if (input.seats < use.used)
        throw DomainError.invalid(
          'seats',
          `must be at least ${use.used}: that many people are nominated or approved`,
        );
      const taking = await em.find(
        Nomination,
        { delegation, status: { $in: SEAT_TAKING_NOMINATIONS } },
        { fields: ['category'] },
      );
      for (const [category, seats] of Object.entries(categorySeats)) {
        const used = taking.filter((n) => (n.category as string) === category).length;
        if (seats < used)
          throw DomainError.invalid(
            'categorySeats',
            `${categoryLabel(category)} must have at least ${used} seats: that many are nominated or approved`,
          );
      }
      delegation.seats = input.seats;
      delegation.categorySeats = categorySeats;
      return delegation;
    });
  }

  setHead(actor: Actor, delegationId: string, personId: string | null): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.organized(actor, delegationId, em);
      if (personId === null) {
        delegation.head = undefined;
        return delegation;
      }
      const person = await em.findOne(Person, personId);
      if (!person) throw DomainError.invalid('personId', `no person with id "${personId}"`);
      delegation.head = em.getReference(Person, person.id, { wrapped: true });
      return delegation;
    });
  }

  /** Removes a delegation none of whose nominations was approved (its drafts go with it). */
  remove(actor: Actor, delegationId: string): Promise<boolean> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.organized(actor, delegationId, em, true);
      const approved = await em.count(Nomination, { delegation, status: APPROVED });
      if (approved > 0)
        throw DomainError.conflict(
          DelegationErrorCode.DELEGATION_HAS_APPROVED,
          `This delegation has ${approved} approved nomination(s): their people are registered, so it stays.`,
        );
      await em.nativeDelete(Nomination, { delegation });
      await em.nativeDelete(DelegationFocalPoint, { delegation });
      em.remove(delegation);
      return true;
    });
  }

  /**
   * Makes someone a focal point of the delegation and mails them a sign-in link: a new
   * FOCAL_POINT account for an email that has none, the existing one if it is a focal
   * point's. An account has one role, so another role's email is refused.
   */
  inviteFocalPoint(actor: Actor, input: InviteFocalPointInput): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.organized(actor, input.delegationId, em);
      const email = input.email.trim().toLowerCase();
      let user: User | null = await em.findOne(User, { email }, { populate: ['person'] });
      if (user && user.role !== Role.FOCAL_POINT)
        throw DomainError.invalid(
          'email',
          'belongs to an account that is not a focal point’s (an account has one role); use another address',
        );
      let person = user?.person?.getEntity() ?? null;
      if (!user) {
        person = await em.findOne(Person, { email });
        if (person && (await em.count(User, { person })))
          throw DomainError.invalid(
            'email',
            'belongs to a person whose account has another role; use another address',
          );
        person ??= em.create(Person, {
          fullName: input.fullName.trim(),
          email,
          country: await delegationCountry(em, delegation),
          language: input.language,
          createdAt: new Date(),
          createdBy: actor.userId ?? undefined,
        });
        user = em.create(User, {
          email,
          role: Role.FOCAL_POINT,
          person,
          // No password: a focal point signs in by link until they set one.
          passwordHash: await hashPassword(randomBytes(32).toString('hex')),
          createdAt: new Date(),
          language: input.language,
        });
      }
      if (!person) {
        // A focal point account made without a person (by an admin): links need one.
        person = em.create(Person, {
          fullName: input.fullName.trim(),
          email: (await em.count(Person, { email })) ? undefined : email,
          country: await delegationCountry(em, delegation),
          language: input.language,
          createdAt: new Date(),
          createdBy: actor.userId ?? undefined,
        });
        user.person = em.getReference(Person, person.id, { wrapped: true });
      }
      const account = user;
      if (!(await em.count(DelegationFocalPoint, { delegation, user: account })))
        em.create(DelegationFocalPoint, { delegation, user: account });
      const { link, url } = this.loginLinks.issue(em, person, FOCAL_POINT_LINK_DAYS * 24 * 60);
      const edition = await delegation.edition.loadOrFail();
      const language = languageOr(person.language);
      await this.outbox.enqueue(em, {
        message: FOCAL_POINT_INVITATION_MESSAGE,
        idempotencyKey: `FOCAL_POINT_INVITATION:${delegation.id}:${link.id}`,
        to: { ...recipient(person), email },
        about: { kind: EventKind.EDITION, id: edition.id },
        values: {
          ...editionValues(edition, language),
          delegation: await delegationName(em, delegation, language),
          seats: seatsText(delegation, language),
          signInUrl: url,
          validDays: FOCAL_POINT_LINK_DAYS,
        },
      });
      this.access.forget(actor);
      return delegation;
    });
  }

  removeFocalPoint(actor: Actor, delegationId: string, userId: string): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.organized(actor, delegationId, em);
      const removed = await em.nativeDelete(DelegationFocalPoint, { delegation, user: userId });
      if (removed === 0)
        throw DomainError.invalid('userId', 'is not a focal point of this delegation');
      return delegation;
    });
  }

  approve(actor: Actor, nominationId: string): Promise<Nomination> {
    return this.inTransaction(async (em) => {
      const { nomination, delegation } = await this.nominationFor(actor, em, nominationId, true);
      if (nomination.status !== SUBMITTED) throw wrongStatus(nomination, 'approved');
      const person = await nomination.person.loadOrFail();
      const registration = await this.registrations.registerNominee(
        em,
        delegation.edition.id,
        person,
        {
          delegationId: delegation.id,
          delegationCountry: await delegationCountry(em, delegation, person),
          listed: nomination.listed,
        },
      );
      nomination.status = APPROVED;
      nomination.decidedAt = new Date();
      nomination.registration = em.getReference(Registration, registration.id, { wrapped: true });
      const waitlisted = registration.status === RegistrationStatus.WAITLISTED;
      await this.tellFocalPoints(em, delegation, nomination, person, (language) => ({
        message: NOMINATION_APPROVED_MESSAGE,
        values: { seat: SEAT_SENTENCE[waitlisted ? 'waitlisted' : 'seated'][language] },
      }));
      return nomination;
    });
  }

  decline(actor: Actor, input: DeclineNominationInput): Promise<Nomination> {
    return this.inTransaction(async (em) => {
      const { nomination, delegation } = await this.nominationFor(
        actor,
        em,
        input.nominationId,
        true,
      );
      if (nomination.status !== SUBMITTED) throw wrongStatus(nomination, 'declined');
      nomination.status = DECLINED;
      nomination.declineReason = input.reason.trim();
      nomination.decidedAt = new Date();
      const person = await nomination.person.loadOrFail();
      await this.tellFocalPoints(em, delegation, nomination, person, () => ({
        message: NOMINATION_DECLINED_MESSAGE,
        values: { reason: nomination.declineReason! },
      }));
      return nomination;
    });
  }

  // --- the focal point's side -------------------------------------------------------

  /** A draft nomination within the delegation's seats (and its category's, if it has some). */
  nominate(actor: Actor, input: NominateInput): Promise<Nomination> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.manageable(actor, input.delegationId, em, true);
      const edition = await delegation.edition.loadOrFail();
      if (edition.status === EditionStatus.CLOSED)
        throw DomainError.conflict('EDITION_CLOSED', 'This edition is closed.');
      const organizer = await this.access.organizes(actor, delegation);
      const { person, field } = await this.nominee(em, actor, organizer, delegation, input);
      const registered = await em.findOne(Registration, { edition, person });
      if (registered && !ENDED_REGISTRATIONS.includes(registered.status))
        throw DomainError.invalid(
          field,
          `${person.fullName} is already ${registered.status.toLowerCase()} for this edition`,
        );
      const elsewhere = await em.findOne(
        Nomination,
        { person, delegation: { edition }, status: { $ne: DECLINED } },
        { populate: ['delegation'] },
      );
      if (elsewhere)
        throw DomainError.invalid(
          field,
          elsewhere.delegation.id === delegation.id
            ? `${person.fullName} is already nominated by this delegation`
            : `${person.fullName} is already nominated by another delegation`,
        );
      await this.assertSeatLeft(em, delegation, input.category);
      // Declined before: nominated again, from a fresh draft.
      const again = await em.findOne(Nomination, { delegation, person, status: DECLINED });
      if (again) {
        em.assign(again, {
          status: DRAFT,
          category: input.category,
          listed: input.listed,
          declineReason: null,
          letter: null,
          letterSize: null,
          letterUploadedAt: null,
          submittedAt: null,
          decidedAt: null,
          createdBy: actor.userId ?? undefined,
        });
        return again;
      }
      return em.create(Nomination, {
        delegation,
        person,
        category: input.category,
        listed: input.listed,
        createdBy: actor.userId ?? undefined,
      });
    });
  }

  /** The nomination letter (a PDF of at most 2 MB), until the organizers decide. */
  uploadLetter(actor: Actor, input: NominationLetterInput): Promise<Nomination> {
    return this.inTransaction(async (em) => {
      const { nomination } = await this.nominationFor(actor, em, input.nominationId);
      if (nomination.status !== DRAFT && nomination.status !== SUBMITTED)
        throw wrongStatus(nomination, 'given a new letter');
      const file = uploadedFile(
        'letter',
        input.letter,
        [UploadedFileType.PDF],
        NOMINATION_LETTER_MAX_BYTES,
      );
      nomination.letter = file.bytes;
      nomination.letterSize = file.bytes.length;
      nomination.letterUploadedAt = new Date();
      return nomination;
    });
  }

  submit(actor: Actor, nominationId: string): Promise<Nomination> {
    return this.inTransaction(async (em) => {
      const { nomination, delegation } = await this.nominationFor(actor, em, nominationId);
      if (nomination.status !== DRAFT) throw wrongStatus(nomination, 'submitted');
      await this.submitDrafts(em, delegation, [nomination]);
      return nomination;
    });
  }

  /** Submits every draft of the delegation; each needs its nomination letter. */
  submitAll(actor: Actor, delegationId: string): Promise<Nomination[]> {
    return this.inTransaction(async (em) => {
      const delegation = await this.access.manageable(actor, delegationId, em, true);
      const drafts = await em.find(
        Nomination,
        { delegation, status: DRAFT },
        { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      );
      if (drafts.length === 0)
        throw DomainError.conflict(
          DelegationErrorCode.NOTHING_TO_SUBMIT,
          'This delegation has no draft nominations to submit.',
        );
      await this.submitDrafts(em, delegation, drafts);
      return drafts;
    });
  }

  /** Takes back a draft: the seat is free again. */
  withdraw(actor: Actor, nominationId: string): Promise<Delegation> {
    return this.inTransaction(async (em) => {
      const { nomination, delegation } = await this.nominationFor(actor, em, nominationId);
      if (nomination.status !== DRAFT) throw wrongStatus(nomination, 'withdrawn');
      em.remove(nomination);
      return delegation;
    });
  }

  // --- helpers -----------------------------------------------------------------

  /**
   * The nomination, if the actor manages its delegation; organizers only if `organize`.
   * Inside a transaction (an `em` other than the request's) its delegation row is locked.
   */
  private async nominationFor(
    actor: Actor,
    em: EntityManager,
    nominationId: string,
    organize = false,
  ): Promise<{ nomination: Nomination; delegation: Delegation }> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const nomination = await em.findOne(Nomination, nominationId);
    const lock = em === this.em ? {} : lockFor(em);
    const delegation = nomination && (await em.findOne(Delegation, nomination.delegation.id, lock));
    if (!nomination || !delegation || !(await this.access.canManage(actor, delegation)))
      throw DomainError.notFound('Nomination', nominationId);
    if (organize && !(await this.access.organizes(actor, delegation)))
      throw DomainError.forbidden('Only the organizers of this edition can do this.');
    return { nomination, delegation };
  }

  /** Who the input nominates, and the input field that names them. */
  private async nominee(
    em: EntityManager,
    actor: Actor,
    organizer: boolean,
    delegation: Delegation,
    input: NominateInput,
  ): Promise<{ person: Person; field: string }> {
    if (input.personId) {
      const person = await em.findOne(Person, input.personId);
      // A focal point picks among the people they added: the directory is not theirs to browse.
      if (!person || (!organizer && person.createdBy !== actor.userId))
        throw DomainError.invalid('personId', `no person with id "${input.personId}" to nominate`);
      return { person, field: 'personId' };
    }
    const email = input.email?.trim().toLowerCase();
    if (email) {
      const person = await em.findOne(Person, { email });
      if (person) return { person, field: 'email' };
    }
    if (!input.nameLatin)
      throw DomainError.invalid('nameLatin', 'a new person needs the name in Latin letters');
    if (!input.nameCyrillic)
      throw DomainError.invalid('nameCyrillic', 'a new person needs the name in Cyrillic letters');
    if (scriptOf(input.nameLatin.trim()) !== 'LATIN')
      throw DomainError.invalid('nameLatin', 'must be written in Latin letters');
    if (scriptOf(input.nameCyrillic.trim()) !== 'CYRILLIC')
      throw DomainError.invalid('nameCyrillic', 'must be written in Cyrillic letters');
    let organization: Organization | undefined;
    if (input.organizationId) {
      organization = (await em.findOne(Organization, input.organizationId)) ?? undefined;
      if (!organization)
        throw DomainError.invalid(
          'organizationId',
          `no organization with id "${input.organizationId}"`,
        );
    } else if (delegation.organization) {
      organization = await delegation.organization.loadOrFail();
    }
    const person = em.create(Person, {
      fullName: input.nameLatin.trim(),
      fullNameAlt: input.nameCyrillic.trim(),
      email,
      sex: input.sex,
      category: input.category,
      position: input.position?.trim() || undefined,
      organization,
      country: await delegationCountry(em, delegation),
      language: input.language,
      createdAt: new Date(),
      createdBy: actor.userId ?? undefined,
    });
    return { person, field: 'nameLatin' };
  }

  /** Refuses a nomination beyond the seats, naming the field and saying what is left. */
  private async assertSeatLeft(
    em: EntityManager,
    delegation: Delegation,
    category: ProfessionalCategory,
  ): Promise<void> {
    const use = await this.seatUse(delegation, em);
    if (use.used >= use.seats)
      throw DomainError.invalid(
        'delegationId',
        `no seats left: all ${use.seats} seats of this delegation are taken (0 left)`,
        'NO_SEATS_LEFT',
      );
    const own = use.byCategory.find((c) => c.category === category);
    if (own && own.used >= own.seats)
      throw DomainError.invalid(
        'category',
        `no ${categoryLabel(category)} seats left: all ${own.seats} are taken (0 left; ${use.seats - use.used} seat(s) left in other categories)`,
        'NO_SEATS_LEFT',
      );
  }

  private async submitDrafts(
    em: EntityManager,
    delegation: Delegation,
    drafts: Nomination[],
  ): Promise<void> {
    const people: Person[] = [];
    const missing: string[] = [];
    for (const draft of drafts) {
      const person = await draft.person.loadOrFail();
      people.push(person);
      if (!draft.hasLetter) missing.push(person.fullName);
    }
    if (missing.length)
      throw DomainError.conflict(
        DelegationErrorCode.NOMINATION_LETTER_MISSING,
        `Upload the nomination letter before submitting: none yet for ${missing.join(', ')}.`,
      );
    const now = new Date();
    for (const nomination of drafts) {
      nomination.status = SUBMITTED;
      nomination.submittedAt = now;
    }
    // One notice per organizer and submission: the drafts it sent, hashed to fit the key.
    const batch = createHash('sha256')
      .update(drafts.map((draft) => draft.id).join(','))
      .digest('hex')
      .slice(0, 32);
    const edition = await delegation.edition.loadOrFail();
    const organizers = await em.find(
      EditionOrganizer,
      { edition },
      { populate: ['user', 'user.person'] },
    );
    for (const { user } of organizers) {
      const account = user.getEntity();
      const to = accountRecipient(account);
      const { language } = to;
      await this.outbox.enqueue(em, {
        message: NOMINATIONS_SUBMITTED_MESSAGE,
        idempotencyKey: `NOMINATIONS_SUBMITTED:${account.id}:${batch}`,
        to,
        about: { kind: EventKind.EDITION, id: edition.id },
        values: {
          editionTitle: editionValues(edition, language).editionTitle,
          delegation: await delegationName(em, delegation, language),
          count: drafts.length,
          nominees: people.map((p) => p.nameIn(language)).join('\n'),
          reviewUrl: `${this.config.publicUrl}/manage/editions/${edition.id}?section=delegations`,
        },
      });
    }
  }

  /** Mails each focal point of the delegation about a decision on one nomination. */
  private async tellFocalPoints(
    em: EntityManager,
    delegation: Delegation,
    nomination: Nomination,
    nominee: Person,
    build: (
      language: LanguageCode,
    ) =>
      | { message: typeof NOMINATION_APPROVED_MESSAGE; values: { seat: string } }
      | { message: typeof NOMINATION_DECLINED_MESSAGE; values: { reason: string } },
  ): Promise<void> {
    const edition = await delegation.edition.loadOrFail();
    const rows = await em.find(
      DelegationFocalPoint,
      { delegation },
      { populate: ['user', 'user.person'] },
    );
    for (const { user } of rows) {
      const account = user.getEntity();
      const to = accountRecipient(account);
      const { language } = to;
      const { message, values } = build(language);
      await this.outbox.enqueue(em, {
        message: message as typeof NOMINATION_DECLINED_MESSAGE,
        idempotencyKey: `${message.name}:${nomination.id}:${account.id}:${nomination.decidedAt!.getTime()}`,
        to,
        about: { kind: EventKind.EDITION, id: edition.id },
        values: {
          editionTitle: editionValues(edition, language).editionTitle,
          delegation: await delegationName(em, delegation, language),
          nominee: nominee.nameIn(language),
          ...(values as { reason: string }),
        },
      });
    }
  }

  /** Runs a use case in one transaction; a lost race on a unique index is a CONFLICT. */
  private async inTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.transactional(work);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw DomainError.conflict(
          'ALREADY_EXISTS',
          'Someone else made the same change at the same time; reload and try again.',
        );
      throw error;
    }
  }
}

/** { CATEGORY: seats } from the input, checked: each category once, their sum within the seats. */
function seatsByCategory(rows: CategorySeatsInput[], seats: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const row of rows) {
    if (row.category in result)
      throw DomainError.invalid('categorySeats', `${row.category} is given twice`);
    result[row.category] = row.seats;
  }
  const sum = Object.values(result).reduce((a, b) => a + b, 0);
  if (sum > seats)
    throw DomainError.invalid(
      'categorySeats',
      `the seats per category add up to ${sum}, more than the delegation's ${seats} seats`,
    );
  return result;
}

/** The country a delegation's people register under: its own, or its organization's. */
async function delegationCountry(
  em: EntityManager,
  delegation: Delegation,
  person?: Person,
): Promise<string> {
  if (delegation.country) return delegation.country;
  const organization = await delegation.organization?.loadOrFail();
  return organization?.country ?? person?.country ?? 'UZ';
}

/** The delegation's name in `language`: its country's, or its organization's. */
export async function delegationName(
  em: EntityManager,
  delegation: Delegation,
  language: LanguageCode,
): Promise<string> {
  if (delegation.country) return countryNameIn(language, delegation.country);
  const organization = await delegation.organization?.loadOrFail();
  if (!organization) return '—';
  return inLanguage(organization.name, organization.translations, 'name', language);
}

const SEATS_WORDS: Record<LanguageCode, (n: number) => string> = {
  en: (n) => `${n} seat${n === 1 ? '' : 's'}`,
  ru: (n) => `мест: ${n}`,
  uz: (n) => `${n} ta oʻrin`,
};
const OF_WHICH: Record<LanguageCode, string> = {
  en: 'of them',
  ru: 'из них',
  uz: 'shundan',
};

/** "8 seats (of them Judge: 2)" in the mail's language. */
function seatsText(delegation: Delegation, language: LanguageCode): string {
  const categories = Object.entries(delegation.categorySeats)
    .map(([category, seats]) => `${categoryLabel(category, language)}: ${seats}`)
    .join(', ');
  const total = SEATS_WORDS[language](delegation.seats);
  return categories ? `${total} (${OF_WHICH[language]} ${categories})` : total;
}

const SEAT_SENTENCE: Record<'seated' | 'waitlisted', Record<LanguageCode, string>> = {
  seated: {
    en: 'They are registered and have a seat; they will receive the confirmation by mail.',
    ru: 'Участник зарегистрирован, место за ним закреплено; подтверждение придёт ему по почте.',
    uz: 'Ishtirokchi roʻyxatdan oʻtkazildi va unga oʻrin ajratildi; tasdiq unga pochta orqali yuboriladi.',
  },
  waitlisted: {
    en: 'All seats of the conference are taken, so they are on the waiting list; they will be told when a seat frees up.',
    ru: 'Все места на конференции заняты, поэтому участник внесён в лист ожидания; ему сообщат, когда место освободится.',
    uz: 'Konferensiyadagi barcha oʻrinlar band, shuning uchun ishtirokchi kutish roʻyxatiga kiritildi; oʻrin boʻshasa, unga xabar beriladi.',
  },
};

function wrongStatus(nomination: Nomination, wanted: string): DomainError {
  return DomainError.conflict(
    DelegationErrorCode.INVALID_NOMINATION_STATUS,
    `A ${nomination.status.toLowerCase()} nomination cannot be ${wanted}.`,
  );
}
