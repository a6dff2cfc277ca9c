import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { Edition, EditionPartner, PartnerRole } from '@platform/conferences';
import { APP_CONFIG, AppConfig, Actor, Clock, DomainError } from '@platform/core';
import { Language, Person } from '@platform/directory';
import { MailTemplate, Outbox } from '@platform/mail';
import { ProgrammeFunder, TrainingEvent } from '@platform/trainings';
import type { CertificateContent } from '../rendering';
import { CertificateAccess, CertificateScope } from './certificate-access';
import { CertificateErrorCode } from './certificate-error-code';
import { CertificateSettings, settingsOf } from './certificate-settings.entity';
import { Certificate, CertificateKind, CertificateStatus } from './certificate.entity';
import { eligible, Eligible, everyoneEligible } from './eligibility';
import { formatVerificationCode, newVerificationCode } from './verification-code';

/** What every certificate of one event prints, whoever holds it. */
interface EventFacts {
  year: number;
  title: string;
  startDate: string;
  endDate: string;
  city: string;
  countryCode: string;
  days: number;
  issuers: string[];
}

export interface BulkIssue {
  scope: CertificateScope;
  /** Certificates created by this call; the others existed already. */
  issued: number;
}

/**
 * Issues, revokes and reissues certificates. Each use case is one transaction; the
 * PDFs are rendered after commit (CertificateFiles), never inside it.
 */
@Injectable()
export class CertificateIssuer {
  constructor(
    private readonly em: EntityManager,
    private readonly access: CertificateAccess,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** One person's certificate; if they already have a current one, that one is returned. */
  async issueOne(
    actor: Actor,
    kind: CertificateKind,
    eventId: string,
    personId: string,
    languages?: Language[],
  ): Promise<Certificate> {
    return this.em.transactional(async (em) => {
      const scope = await this.access.manageable(actor, kind, eventId, em, true);
      const existing = await em.findOne(Certificate, {
        currentKey: currentKey(kind, eventId, personId),
      });
      if (existing) return existing;
      const person = await em.findOne(Person, personId, { populate: ['organization'] });
      if (!person) throw DomainError.notFound('Person', personId);
      const entry = await eligible(em, kind, scope, person, this.clock.today());
      const [certificate] = await this.issue(em, actor, kind, scope, [entry], languages);
      if (!certificate) throw new Error('Issuing for one person made no certificate');
      return certificate;
    });
  }

  /** Everyone eligible who has no current certificate of this kind yet gets one. */
  async issueAll(actor: Actor, kind: CertificateKind, eventId: string): Promise<BulkIssue> {
    return this.em.transactional(async (em) => {
      // The row lock on the event serializes two bulk runs, so neither duplicates the other.
      const scope = await this.access.manageable(actor, kind, eventId, em, true);
      await settingsOf(em, scope); // unconfigured is an error even when nobody is missing
      const entries = await everyoneEligible(em, kind, scope, this.clock.today());
      const holders = await em.find(Certificate, {
        currentKey: {
          $in: [...entries.keys()].map((personId) => currentKey(kind, eventId, personId)),
        },
      });
      const taken = new Set(holders.map((certificate) => certificate.person.id));
      const missing = [...entries.values()]
        .filter((entry) => !taken.has(entry.person.id))
        .sort((a, b) => a.person.fullName.localeCompare(b.person.fullName));
      await em.populate(
        missing.map((entry) => entry.person),
        ['organization'],
      );
      const issued = await this.issue(em, actor, kind, scope, missing);
      return { scope, issued: issued.length };
    });
  }

  async revoke(actor: Actor, certificateId: string, reason: string): Promise<Certificate> {
    return this.em.transactional(async (em) => {
      const certificate = await this.access.manageableCertificate(actor, certificateId, em);
      if (certificate.status === CertificateStatus.REPLACED) {
        throw DomainError.conflict(
          CertificateErrorCode.ALREADY_REPLACED,
          'This certificate was replaced by a reissued one; revoke that one instead.',
        );
      }
      if (certificate.status === CertificateStatus.REVOKED) {
        throw DomainError.conflict(
          CertificateErrorCode.ALREADY_REVOKED,
          'This certificate is already revoked.',
        );
      }
      certificate.status = CertificateStatus.REVOKED;
      certificate.revokedAt = new Date();
      certificate.revokedReason = reason;
      await this.outbox.cancel(
        em,
        certificateMailKey(certificate.id),
        'the certificate was revoked before its mail went out',
      );
      return certificate;
    });
  }

  /**
   * A new certificate (new serial and verification code) with today's facts, e.g. after
   * a name was corrected; the old one verifies as replaced from now on.
   */
  async reissue(actor: Actor, certificateId: string, languages?: Language[]): Promise<Certificate> {
    return this.em.transactional(async (em) => {
      const old = await this.access.manageableCertificate(actor, certificateId, em);
      if (old.status === CertificateStatus.REPLACED) {
        throw DomainError.conflict(
          CertificateErrorCode.ALREADY_REPLACED,
          'This certificate was already replaced; reissue the current one.',
        );
      }
      const eventId = (old.edition ?? old.trainingEvent)!.id;
      const scope = await this.access.manageable(actor, old.kind, eventId, em, true);
      const person = await em.findOneOrFail(Person, old.person.id, { populate: ['organization'] });
      const entry = await eligible(em, old.kind, scope, person, this.clock.today());
      old.status = CertificateStatus.REPLACED;
      old.replacedAt = new Date();
      old.currentKey = null;
      // The old key must be gone before the new certificate takes it (unique column).
      await em.flush();
      const [replacement] = await this.issue(
        em,
        actor,
        old.kind,
        scope,
        [entry],
        languages ?? old.languages,
      );
      if (!replacement) throw new Error('Reissuing made no certificate');
      old.replacedBy = em.getReference(Certificate, replacement.id, { wrapped: true });
      // Its holder gets the new one by mail, not both.
      await this.outbox.cancel(
        em,
        certificateMailKey(old.id),
        `the certificate was replaced by ${replacement.serial} before its mail went out`,
      );
      return replacement;
    });
  }

  /** The holder gets the certificate by mail, PDF attached, once it is committed. */
  private async notify(em: EntityManager, certificate: Certificate, person: Person): Promise<void> {
    await this.outbox.enqueue(em, {
      template: MailTemplate.CERTIFICATE_ISSUED,
      idempotencyKey: certificateMailKey(certificate.id),
      to: {
        email: person.email,
        name: certificate.holderName,
        language: certificate.languages[0] ?? person.language,
        personId: person.id,
      },
      values: {
        eventTitle: certificate.eventTitle,
        serial: certificate.serial,
        verificationUrl: certificate.content.verificationUrl,
      },
      editionId: certificate.edition?.id,
      trainingEventId: certificate.trainingEvent?.id,
      attachments: [{ kind: 'CERTIFICATE', id: certificate.id }],
    });
  }

  /**
   * Certificates for these people, with the next serial numbers of the event's prefix
   * and year, and the mail that brings each holder theirs.
   */
  private async issue(
    em: EntityManager,
    actor: Actor,
    kind: CertificateKind,
    scope: CertificateScope,
    entries: Eligible[],
    languages?: Language[],
  ): Promise<Certificate[]> {
    if (!entries.length) return [];
    const settings = await settingsOf(em, scope);
    const facts = await this.facts(em, scope, settings);
    const serials = await this.serials(em, settings.serialPrefix, facts.year, entries.length);
    const eventId = (scope.edition ?? scope.trainingEvent)!.id;
    const issuedBy = em.getReference(User, actor.requireUserId(), { wrapped: true });
    const issuedOn = this.clock.today();
    const certificates: Certificate[] = [];
    for (const [i, { person, sessionTitles }] of entries.entries()) {
      const chosen = languages?.length
        ? languages
        : [...new Set([person.language, settings.secondLanguage ?? person.language])];
      const serial = serials[i];
      if (serial === undefined) throw new Error(`No serial number for certificate ${i + 1}`);
      const code = newVerificationCode();
      const content: CertificateContent = {
        kind,
        languages: chosen,
        serial,
        verificationCode: formatVerificationCode(code),
        verificationUrl: `${this.config.publicUrl}/verify/${formatVerificationCode(code)}`,
        holderName: person.fullName,
        holderOrganization: person.organization?.getEntity().name,
        eventTitle: facts.title,
        sessionTitles,
        startDate: facts.startDate,
        endDate: facts.endDate,
        city: facts.city,
        countryCode: facts.countryCode,
        hours: settings.hours ?? undefined,
        days: facts.days,
        issuers: facts.issuers,
        signatories: settings.signatories,
        issuedOn,
      };
      const certificate = em.create(Certificate, {
        kind,
        person,
        edition: scope.edition,
        trainingEvent: scope.trainingEvent,
        serial,
        verificationCode: code,
        currentKey: currentKey(kind, eventId, person.id),
        languages: chosen,
        content,
        issuedBy,
      });
      await this.notify(em, certificate, person);
      certificates.push(certificate);
    }
    return certificates;
  }

  private async facts(
    em: EntityManager,
    { edition, trainingEvent }: CertificateScope,
    settings: CertificateSettings,
  ): Promise<EventFacts> {
    if (edition) return editionFacts(em, edition, settings);
    return trainingFacts(em, trainingEvent!, settings);
  }

  /**
   * The next `count` serial numbers of PREFIX-YEAR. The UPDATE holds the counter row
   * until commit, so concurrent issuers never get the same number.
   */
  private async serials(
    em: EntityManager,
    prefix: string,
    year: number,
    count: number,
  ): Promise<string[]> {
    const connection = em.getConnection();
    const trx: unknown = em.getTransactionContext();
    await connection.execute(
      'insert into certificate_serial (prefix, year, last_number) values (?, ?, 0) on conflict do nothing',
      [prefix, year],
      'run',
      trx,
    );
    const [row] = (await connection.execute(
      'update certificate_serial set last_number = last_number + ? where prefix = ? and year = ? returning last_number',
      [count, prefix, year],
      'all',
      trx,
    )) as { last_number: number | string }[];
    if (!row) throw new Error(`No certificate serial counter for ${prefix}-${year}`);
    const last = Number(row.last_number);
    return Array.from(
      { length: count },
      (_, i) => `${prefix}-${year}-${String(last - count + 1 + i).padStart(6, '0')}`,
    );
  }
}

/** The mail that brings a certificate to its holder: queued once per certificate. */
export function certificateMailKey(certificateId: string): string {
  return `CERTIFICATE_ISSUED:${certificateId}`;
}

export function currentKey(kind: CertificateKind, eventId: string, personId: string): string {
  return `${kind}:${eventId}:${personId}`;
}

async function editionFacts(
  em: EntityManager,
  edition: Edition,
  settings: CertificateSettings,
): Promise<EventFacts> {
  let issuers = settings.issuers;
  if (!issuers.length) {
    const partners = await em.find(
      EditionPartner,
      { edition, role: { $in: [PartnerRole.HOST, PartnerRole.CO_ORGANIZER] } },
      { populate: ['organization'], orderBy: { role: 'desc', organization: { name: 'asc' } } },
    );
    issuers = [...new Set(partners.map((partner) => partner.organization.getEntity().name))];
  }
  return {
    year: edition.year,
    title: edition.title,
    startDate: edition.startDate,
    endDate: edition.endDate,
    city: edition.city,
    countryCode: edition.hostCountry,
    days: edition.days.length,
    issuers,
  };
}

async function trainingFacts(
  em: EntityManager,
  event: TrainingEvent,
  settings: CertificateSettings,
): Promise<EventFacts> {
  let issuers = settings.issuers;
  if (!issuers.length) {
    const programme = await event.programme.load({ populate: ['owner'] });
    const funders = await em.find(ProgrammeFunder, { programme }, { populate: ['organization'] });
    issuers = [
      ...new Set([
        programme!.owner.getEntity().name,
        ...funders.map((funder) => funder.organization.getEntity().name),
      ]),
    ];
  }
  return {
    year: Number(event.startDate.slice(0, 4)),
    title: event.title,
    startDate: event.startDate,
    endDate: event.endDate,
    city: event.city,
    countryCode: event.country,
    days: event.dayCount,
    issuers,
  };
}
