import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { accountRecipient, User } from '@platform/accounts';
import {
  Actor,
  Clock,
  DATE_TEXTS,
  DomainError,
  EventKind,
  inLanguage,
  languageOr,
  LanguageCode,
} from '@platform/core';
import { Person } from '@platform/directory';
import { newVerificationCode } from '@platform/documents';
import { MailRequest, Outbox } from '@platform/mail';
import { ConferenceErrorCode } from '../conference-error-code';
import { DelegationAccess } from '../delegations/delegation-access';
import { EditionAccess } from '../editions/edition-access';
import { Edition, EditionOrganizer } from '../editions/edition.entity';
import { Registration, RegistrationStatus } from '../registrations/registration.entity';
import {
  ApproveInvitationLetterInput,
  normalizedPassportNumber,
  RequestInvitationLetterInput,
} from './dto/invitation-letter.input';
import {
  INVITATION_LETTER_APPROVED_MESSAGE,
  INVITATION_LETTER_ATTACHMENT,
} from './invitation-letter-approved.email';
import { INVITATION_LETTER_DECLINED_MESSAGE } from './invitation-letter-declined.email';
import { INVITATION_LETTER_REQUESTED_MESSAGE } from './invitation-letter-requested.email';
import { InvitationLetter, InvitationLetterStatus } from './invitation-letter.entity';
import { PassportCipher, PassportData } from './passport-cipher';

const { REQUESTED, APPROVED, DECLINED } = InvitationLetterStatus;
/** A letter may be asked for a seat or a place on the waitlist. */
const REQUESTABLE = [
  RegistrationStatus.REGISTERED,
  RegistrationStatus.CONFIRMED,
  RegistrationStatus.WAITLISTED,
];
const EARLIEST_BIRTH = '1900-01-01';

/**
 * Visa invitation letters. Who may do what:
 * - request: the registration's own person, or a focal point of its delegation;
 * - approve, decline, list an edition's letters: its organizers (and admins);
 * - see a letter: those, and the account that requested it;
 * - read its passport data or download the PDF: the organizers, the requester and the
 *   person (a focal point who did not request it sees the letter, not the passport).
 * Anyone else gets NOT_FOUND; who sees a letter but may not do something gets FORBIDDEN.
 */
@Injectable()
export class InvitationLettersService {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly delegations: DelegationAccess,
    private readonly cipher: PassportCipher,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  request(actor: Actor, input: RequestInvitationLetterInput): Promise<InvitationLetter> {
    return this.em.transactional(async (em) => {
      const registration = await this.requestable(actor, input.registrationId, em);
      // What the client typed first: a wrong value is refused naming its field.
      const passport = this.passportOf(input);
      const edition = await em.findOneOrFail(Edition, registration.edition.id);
      if (!REQUESTABLE.includes(registration.status)) {
        throw DomainError.conflict(
          ConferenceErrorCode.INVALID_REGISTRATION_STATUS,
          `A letter can be requested for a registered or waitlisted participant, not a ${registration.status.toLowerCase()} one.`,
        );
      }
      if (edition.endDate < this.clock.today()) {
        throw DomainError.conflict(ConferenceErrorCode.EDITION_ENDED, 'This edition has ended.');
      }
      this.cipher.assertAvailable();
      const open = await em.count(InvitationLetter, {
        registration,
        status: { $in: [REQUESTED, APPROVED] },
      });
      if (open > 0) {
        throw DomainError.conflict(
          ConferenceErrorCode.LETTER_ALREADY_REQUESTED,
          'A letter has already been requested for this registration.',
        );
      }
      const letter = em.create(InvitationLetter, {
        registration,
        edition,
        requestedBy: actor.userId ? em.getReference(User, actor.userId) : undefined,
        requestedAt: this.clock.now(),
      });
      letter.passportData = this.cipher.encrypt(passport, letter.id);
      const person = await em.findOneOrFail(Person, registration.person.id);
      const organizers = await em.find(
        EditionOrganizer,
        { edition },
        { populate: ['user.person'], orderBy: { id: 'asc' } },
      );
      for (const { user } of organizers) {
        const account = user.getEntity();
        const to = accountRecipient(account);
        const { language } = to;
        await this.outbox.enqueue(em, {
          message: INVITATION_LETTER_REQUESTED_MESSAGE,
          idempotencyKey: `${INVITATION_LETTER_REQUESTED_MESSAGE.name}:${letter.id}:${account.id}`,
          to,
          values: {
            personName: person.nameIn(language),
            ...editionFacts(edition, language),
          },
          about: { kind: EventKind.EDITION, id: edition.id },
        });
      }
      return letter;
    });
  }

  approve(
    actor: Actor,
    letterId: string,
    input: ApproveInvitationLetterInput,
  ): Promise<InvitationLetter> {
    return this.em.transactional(async (em) => {
      const letter = await this.organized(actor, letterId, em);
      if (letter.status !== REQUESTED) throw wrongStatus(letter, 'approved');
      await em.populate(letter, ['passportData']);
      if (!letter.passportData) throw erased();
      const edition = await em.findOneOrFail(Edition, letter.edition.id);
      const now = this.clock.now();
      Object.assign(letter, {
        status: APPROVED,
        number: await this.nextNumber(em, edition),
        verificationCode: newVerificationCode(),
        signatoryName: input.signatoryName.trim(),
        signatoryPosition: input.signatoryPosition.trim(),
        approvedAt: now,
        decidedAt: now,
        decidedBy: em.getReference(User, actor.userId!),
      });
      await this.notifyDecision(em, letter, edition, (language, personName) => ({
        message: INVITATION_LETTER_APPROVED_MESSAGE,
        values: { personName, ...editionFacts(edition, language), letterNumber: letter.number! },
        attachments: [{ kind: INVITATION_LETTER_ATTACHMENT, id: letter.id, language }],
      }));
      return letter;
    });
  }

  decline(actor: Actor, letterId: string, reason: string): Promise<InvitationLetter> {
    if (!reason.trim()) throw DomainError.invalid('reason', 'must say why');
    if (reason.length > 1000)
      throw DomainError.invalid('reason', 'must have at most 1000 characters');
    return this.em.transactional(async (em) => {
      const letter = await this.organized(actor, letterId, em);
      if (letter.status !== REQUESTED) throw wrongStatus(letter, 'declined');
      const edition = await em.findOneOrFail(Edition, letter.edition.id);
      const now = this.clock.now();
      Object.assign(letter, {
        status: DECLINED,
        declineReason: reason.trim(),
        decidedAt: now,
        decidedBy: em.getReference(User, actor.userId!),
      });
      // A declined request keeps no passport data: it will not be printed.
      letter.passportData = null;
      letter.erasedAt = now;
      await this.notifyDecision(em, letter, edition, (language, personName) => ({
        message: INVITATION_LETTER_DECLINED_MESSAGE,
        values: { personName, ...editionFacts(edition, language), reason: reason.trim() },
      }));
      return letter;
    });
  }

  /** An edition's letters, oldest request first: for its organizers. */
  async ofEdition(
    actor: Actor,
    editionId: string,
    status?: InvitationLetterStatus,
  ): Promise<InvitationLetter[]> {
    await this.editions.manageable(actor, editionId);
    return this.em.find(
      InvitationLetter,
      { edition: editionId, ...(status && { status }) },
      { orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }] },
    );
  }

  /** The letters the caller asked for, or that are for the caller's person. */
  async mine(actor: Actor): Promise<InvitationLetter[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const own = [
      { requestedBy: actor.userId },
      ...(actor.personId ? [{ registration: { person: actor.personId } }] : []),
    ];
    return this.em.find(
      InvitationLetter,
      { $or: own },
      { orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }] },
    );
  }

  /** One letter, for whoever may see it; else NOT_FOUND. */
  async visible(actor: Actor, letterId: string, em = this.em): Promise<InvitationLetter> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const letter = await em.findOne(InvitationLetter, letterId, { populate: ['registration'] });
    if (!letter || !(await this.canSee(actor, letter)))
      throw DomainError.notFound('InvitationLetter', letterId);
    return letter;
  }

  /**
   * The one check before passport data leaves the server (GraphQL and the PDF): the
   * edition's organizers, the requester and the person.
   */
  async withPassport(
    actor: Actor,
    letterId: string,
  ): Promise<{ letter: InvitationLetter; passport: PassportData | null }> {
    const letter = await this.visible(actor, letterId);
    if (!(await this.mayReadPassport(actor, letter)))
      throw DomainError.forbidden(
        'Only the organizers, the person and whoever requested the letter can read its passport data.',
      );
    await this.em.populate(letter, ['passportData']);
    return {
      letter,
      passport: letter.passportData ? this.cipher.decrypt(letter.passportData, letter.id) : null,
    };
  }

  /** The passport data of a letter already allowed (the mail worker's attachment). */
  passportOfAllowed(letter: InvitationLetter): PassportData | null {
    return letter.passportData ? this.cipher.decrypt(letter.passportData, letter.id) : null;
  }

  // --- access --------------------------------------------------------------------

  private async canSee(actor: Actor, letter: InvitationLetter): Promise<boolean> {
    const registration = letter.registration.getEntity();
    return (
      (await this.mayReadPassport(actor, letter)) ||
      (await this.delegations.isFocalPointOf(actor, registration.delegation?.id))
    );
  }

  private async mayReadPassport(actor: Actor, letter: InvitationLetter): Promise<boolean> {
    const registration = letter.registration.getEntity();
    return (
      (actor.personId !== null && registration.person.id === actor.personId) ||
      (actor.userId !== null && letter.requestedBy?.id === actor.userId) ||
      (await this.editions.canManage(actor, letter.edition.id))
    );
  }

  /** A registration the actor may ask a letter for: their own, or of their delegation. */
  private async requestable(
    actor: Actor,
    registrationId: string,
    em: EntityManager,
  ): Promise<Registration> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const registration = await em.findOne(Registration, registrationId);
    if (!registration) throw DomainError.notFound('Registration', registrationId);
    const own = actor.personId !== null && registration.person.id === actor.personId;
    if (own || (await this.delegations.isFocalPointOf(actor, registration.delegation?.id)))
      return registration;
    if (await this.editions.canManage(actor, registration.edition.id))
      throw DomainError.forbidden(
        'The participant or a focal point of their delegation requests the letter, with their passport data.',
      );
    throw DomainError.notFound('Registration', registrationId);
  }

  /** A letter of an edition the actor organizes; whoever else sees it gets FORBIDDEN. */
  private async organized(
    actor: Actor,
    letterId: string,
    em: EntityManager,
  ): Promise<InvitationLetter> {
    const letter = await this.visible(actor, letterId, em);
    if (!(await this.editions.canManage(actor, letter.edition.id)))
      throw DomainError.forbidden('Only the organizers of this edition can do this.');
    return letter;
  }

  // --- helpers -------------------------------------------------------------------

  /** The passport data, checked; errors name the field and never quote the value. */
  private passportOf({ passport }: RequestInvitationLetterInput): PassportData {
    const passportNumber = normalizedPassportNumber(passport.passportNumber);
    if (!passportNumber)
      throw DomainError.invalid('passport.passportNumber', 'must be 5 to 20 letters and digits');
    if (passport.dateOfBirth >= this.clock.today() || passport.dateOfBirth < EARLIEST_BIRTH)
      throw DomainError.invalid('passport.dateOfBirth', 'must be a date of birth in the past');
    return {
      nameAsInPassport: passport.nameAsInPassport.trim().replace(/\s+/g, ' '),
      nationality: passport.nationality.toUpperCase(),
      passportNumber,
      dateOfBirth: passport.dateOfBirth,
    };
  }

  /**
   * The edition's next letter number, e.g. TM-2026/0007. The UPDATE holds the counter's row
   * until commit, so two approvals at once never get the same number.
   */
  private async nextNumber(em: EntityManager, edition: Edition): Promise<string> {
    const connection = em.getConnection();
    const trx: unknown = em.getTransactionContext();
    await connection.execute(
      'insert into invitation_letter_counter (edition_id, last_number) values (?, 0) on conflict do nothing',
      [edition.id],
      'run',
      trx,
    );
    const [row] = (await connection.execute(
      'update invitation_letter_counter set last_number = last_number + 1 where edition_id = ? returning last_number',
      [edition.id],
      'all',
      trx,
    )) as { last_number: number | string }[];
    if (!row) throw new Error(`No letter counter for edition ${edition.id}`);
    return `${edition.hostCountry}-${edition.year}/${String(Number(row.last_number)).padStart(4, '0')}`;
  }

  /** The decision's mail to the requester and the person (once if they are the same). */
  private async notifyDecision(
    em: EntityManager,
    letter: InvitationLetter,
    edition: Edition,
    mail: (
      language: LanguageCode,
      personName: string,
    ) => Pick<MailRequest, 'message' | 'values' | 'attachments'>,
  ): Promise<void> {
    const person = await em.findOneOrFail(Person, letter.registration.getEntity().person.id);
    const requester = letter.requestedBy
      ? await em.findOne(User, letter.requestedBy.id, { populate: ['person'] })
      : null;
    const recipients: { key: string; email?: string | null; name: string; language: string }[] = [];
    if (person.email)
      recipients.push({
        key: person.id,
        email: person.email,
        name: person.nameIn(languageOr(person.language)),
        language: person.language,
      });
    if (requester && requester.person?.id !== person.id && requester.email !== person.email)
      recipients.push({ key: requester.id, ...accountRecipient(requester) });
    for (const { key, ...to } of recipients) {
      const language = languageOr(to.language);
      const request = mail(language, person.nameIn(language));
      await this.outbox.enqueue(em, {
        ...request,
        idempotencyKey: `${request.message.name}:${letter.id}:${key}`,
        to: { ...to, personId: key === person.id ? person.id : undefined },
        about: { kind: EventKind.EDITION, id: edition.id },
      });
    }
  }
}

/** The edition's title and dates as a mail in `language` gives them. */
function editionFacts(edition: Edition, language: LanguageCode) {
  return {
    editionTitle: inLanguage(edition.title, edition.translations, 'title', language),
    dates: DATE_TEXTS[language].dateRange(edition.startDate, edition.endDate),
  };
}

function wrongStatus(letter: InvitationLetter, wanted: string): DomainError {
  return DomainError.conflict(
    ConferenceErrorCode.INVALID_LETTER_STATUS,
    `A ${letter.status.toLowerCase()} letter cannot be ${wanted}.`,
  );
}

export function erased(): DomainError {
  return DomainError.conflict(
    ConferenceErrorCode.PASSPORT_DATA_ERASED,
    'The passport data of this letter has been erased; the letter can still be verified by its code.',
  );
}
