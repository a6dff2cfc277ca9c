import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, MikroORM, RequestContext } from '@mikro-orm/core';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  countryNameIn,
  DomainError,
  inLanguage,
  LanguageCode,
} from '@platform/core';
import { Person } from '@platform/directory';
import {
  formatVerificationCode,
  InvitationLetterContent,
  InvitationLetterVerification,
  PdfRenderer,
  VerifiableDocuments,
} from '@platform/documents';
import { Attachment, AttachmentRef, AttachmentSources, AttachmentWithdrawn } from '@platform/mail';
import { ConferenceErrorCode } from '../conference-error-code';
import { Edition, EditionPartner, PartnerRole } from '../editions/edition.entity';
import { Registration } from '../registrations/registration.entity';
import { INVITATION_LETTER_ATTACHMENT } from './invitation-letter-approved.email';
import { InvitationLetter, InvitationLetterStatus } from './invitation-letter.entity';
import { erased, InvitationLettersService } from './invitation-letters.service';
import { PassportData } from './passport-cipher';

/**
 * The letter as a PDF: rendered when asked for, from the decrypted passport data, never
 * stored (a stored PDF would keep the passport data in clear). Also the mail worker's
 * attachment, and what /verify tells about a letter's code.
 */
@Injectable()
export class InvitationLetterFiles implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly letters: InvitationLettersService,
    private readonly renderer: PdfRenderer,
    private readonly sources: AttachmentSources,
    private readonly verifiable: VerifiableDocuments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sources.register(INVITATION_LETTER_ATTACHMENT, (refs) =>
      Promise.all(
        refs.map((ref) => this.attachmentOf(ref).catch((error: unknown) => error as Error)),
      ),
    );
    this.verifiable.registerLetters((code, language) => this.verify(code, language));
  }

  /** The PDF for the organizers, the requester and the person. */
  async pdf(actor: Actor, letterId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const { letter, passport } = await this.letters.withPassport(actor, letterId);
    if (letter.status !== InvitationLetterStatus.APPROVED)
      throw DomainError.conflict(
        ConferenceErrorCode.INVALID_LETTER_STATUS,
        'The letter has not been approved.',
      );
    if (!passport) throw erased();
    return { pdf: await this.render(this.em, letter, passport), fileName: fileName(letter) };
  }

  private attachmentOf({ id }: AttachmentRef): Promise<Attachment> {
    return RequestContext.create(this.orm.em, async () => {
      const em = this.orm.em;
      const letter = await em.findOneOrFail(InvitationLetter, id, {
        populate: ['registration', 'passportData'],
      });
      if (letter.status !== InvitationLetterStatus.APPROVED)
        return Promise.reject(new AttachmentWithdrawn('The letter is no longer approved.'));
      const passport = this.letters.passportOfAllowed(letter);
      if (!passport)
        return Promise.reject(new AttachmentWithdrawn('The passport data has been erased.'));
      return {
        filename: fileName(letter),
        content: await this.render(em, letter, passport),
        contentType: 'application/pdf',
      };
    });
  }

  private async render(
    em: EntityManager,
    letter: InvitationLetter,
    passport: PassportData,
  ): Promise<Buffer> {
    const edition = await em.findOneOrFail(Edition, letter.edition.id);
    const registration = await em.findOneOrFail(Registration, letter.registration.id);
    const person = await em.findOneOrFail(Person, registration.person.id, {
      populate: ['organization'],
    });
    const host = await hostOf(em, edition);
    const text = (field: 'title' | 'city' | 'venue') => ({
      en: inLanguage(edition[field], edition.translations, field, 'en') ?? '',
      ru: inLanguage(edition[field], edition.translations, field, 'ru') ?? '',
    });
    const organization = person.organization?.getEntity();
    const affiliation = (language: LanguageCode) =>
      [
        person.position,
        organization && inLanguage(organization.name, organization.translations, 'name', language),
      ]
        .filter(Boolean)
        .join(', ');
    const code = formatVerificationCode(letter.verificationCode!);
    const content: InvitationLetterContent = {
      number: letter.number!,
      date: letter.approvedAt!.toISOString().slice(0, 10),
      host: {
        name: host
          ? {
              en: inLanguage(host.name, host.translations, 'name', 'en'),
              ru: inLanguage(host.name, host.translations, 'name', 'ru'),
            }
          : { en: 'Organizing committee', ru: 'Организационный комитет' },
        countryCode: host?.country ?? edition.hostCountry,
      },
      edition: {
        title: text('title'),
        city: text('city'),
        venue: edition.venue ? text('venue') : undefined,
        countryCode: edition.hostCountry,
        startDate: edition.startDate,
        endDate: edition.endDate,
      },
      passport,
      affiliation: affiliation('en') ? { en: affiliation('en'), ru: affiliation('ru') } : undefined,
      signatory: { name: letter.signatoryName ?? '', position: letter.signatoryPosition ?? '' },
      verificationCode: code,
      verificationUrl: `${this.config.publicUrl}/verify/${code}`,
    };
    return this.renderer.invitationLetter(content);
  }

  /** What anyone holding a letter's code may learn: never its passport data. */
  private async verify(
    code: string,
    language: LanguageCode,
  ): Promise<InvitationLetterVerification | null> {
    const em = this.orm.em.fork();
    const letter = await em.findOne(
      InvitationLetter,
      { verificationCode: code, status: InvitationLetterStatus.APPROVED },
      { populate: ['registration.person', 'edition'] },
    );
    if (!letter) return null;
    const edition = letter.edition.getEntity();
    const person = letter.registration.getEntity().person.getEntity();
    const host = await hostOf(em, edition);
    const text = (field: 'title' | 'city') =>
      inLanguage(edition[field], edition.translations, field, language);
    return {
      number: letter.number!,
      personName: person.nameIn(language),
      event: {
        title: text('title'),
        startDate: edition.startDate,
        endDate: edition.endDate,
        city: text('city'),
        country: edition.hostCountry,
        countryName: countryNameIn(language, edition.hostCountry),
      },
      issuer: host ? inLanguage(host.name, host.translations, 'name', language) : '',
      issuedOn: letter.approvedAt!.toISOString().slice(0, 10),
    };
  }
}

/** The organization whose letterhead the letters are on: the edition's host, else a co-organizer. */
async function hostOf(em: EntityManager, edition: Edition) {
  const partners = await em.find(
    EditionPartner,
    { edition, role: { $in: [PartnerRole.HOST, PartnerRole.CO_ORGANIZER] } },
    // HOST sorts after CO_ORGANIZER: descending puts the hosts first.
    { populate: ['organization'], orderBy: { role: 'desc', organization: { name: 'asc' } } },
  );
  return partners[0]?.organization.getEntity();
}

function fileName(letter: InvitationLetter): string {
  return `invitation-letter-${letter.number!.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
}
