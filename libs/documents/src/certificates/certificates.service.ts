import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  Actor,
  Connection,
  DomainError,
  EventRef,
  MissingTranslation,
  missingTranslationsOf,
  PageArgs,
  paginate,
  translate,
} from '@platform/core';
import { CertificateAccess, certificateEventOf } from './certificate-access';
import { CertificateSettings, findSettings } from './certificate-settings.entity';
import { Certificate, CertificateKind, CertificateStatus } from './certificate.entity';
import {
  CertificateEventInput,
  CertificateFilter,
  CertificateSettingsInput,
} from './dto/certificate.input';

/** Certificate settings and lists; issuing lives in CertificateIssuer. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: CertificateAccess,
  ) {}

  async configure(actor: Actor, input: CertificateSettingsInput): Promise<CertificateSettings> {
    const { serialPrefix, secondLanguage, hours, signatories, issuers, translations } = input;
    const event = certificateEventOf(input);
    await this.access.assertManages(actor, event);
    const settings =
      (await findSettings(this.em, event)) ??
      this.em.create(CertificateSettings, {
        eventKind: event.kind,
        eventId: event.id,
        serialPrefix,
      });
    this.em.assign(settings, {
      serialPrefix,
      secondLanguage: secondLanguage ?? null,
      hours: hours ?? null,
      signatories: signatories.map(({ name, position, organization }) => ({
        name,
        position,
        organization,
      })),
      issuers: issuers ?? [],
    });
    translate(settings, translations);
    await this.em.flush();
    return settings;
  }

  async settings(actor: Actor, input: CertificateEventInput): Promise<CertificateSettings | null> {
    const event = certificateEventOf(input);
    await this.access.assertManages(actor, event);
    return findSettings(this.em, event);
  }

  /**
   * What is left to translate in an event's certificate settings; the caller has checked
   * that the actor manages the event.
   */
  async missingTranslations(event: EventRef): Promise<MissingTranslation[]> {
    const settings = await findSettings(this.em, event);
    if (!settings) return [];
    return missingTranslationsOf('CertificateSettings', settings);
  }

  /** The certificates of one event, for those who manage it. */
  async list(
    actor: Actor,
    filter: CertificateFilter,
    page: PageArgs,
  ): Promise<Connection<Certificate>> {
    const event = certificateEventOf(filter, filter.kind);
    await this.access.assertManages(actor, event);
    const where: FilterQuery<Certificate> = {
      eventKind: event.kind,
      eventId: event.id,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return paginate(this.em, Certificate, where, page, [{ serial: 'asc' }]);
  }

  /** The caller's own certificates, newest first. */
  async mine(actor: Actor): Promise<Certificate[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (actor.personId === null) return [];
    return this.em.find(
      Certificate,
      { person: actor.personId },
      { orderBy: { issuedAt: 'desc', serial: 'asc' } },
    );
  }

  /** The valid certificates of these people for the event, by person id (for a mailing). */
  async validOf(
    em: EntityManager,
    event: EventRef,
    kind: CertificateKind,
    personIds: string[],
  ): Promise<Map<string, Certificate>> {
    const certificates = await em.find(Certificate, {
      eventKind: event.kind,
      eventId: event.id,
      kind,
      status: CertificateStatus.VALID,
      person: { $in: personIds },
    });
    return new Map(certificates.map((certificate) => [certificate.person.id, certificate]));
  }
}
