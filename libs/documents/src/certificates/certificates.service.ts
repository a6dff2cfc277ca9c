import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, Connection, DomainError, PageArgs, paginate } from '@platform/core';
import { CertificateAccess, eventIdOf } from './certificate-access';
import { CertificateSettings, findSettings } from './certificate-settings.entity';
import { Certificate } from './certificate.entity';
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
    const { serialPrefix, secondLanguage, hours, signatories, issuers } = input;
    const scope = await this.access.manageableEvent(actor, eventIdOf(input));
    const settings =
      (await findSettings(this.em, scope)) ??
      this.em.create(CertificateSettings, {
        edition: scope.edition,
        trainingEvent: scope.trainingEvent,
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
    await this.em.flush();
    return settings;
  }

  async settings(actor: Actor, input: CertificateEventInput): Promise<CertificateSettings | null> {
    return findSettings(this.em, await this.access.manageableEvent(actor, eventIdOf(input)));
  }

  /** The certificates of one event, for those who manage it. */
  async list(
    actor: Actor,
    filter: CertificateFilter,
    page: PageArgs,
  ): Promise<Connection<Certificate>> {
    const event = eventIdOf(filter, filter.kind);
    await this.access.manageableEvent(actor, event);
    const where: FilterQuery<Certificate> = {
      ...(event.training ? { trainingEvent: event.id } : { edition: event.id }),
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
}
