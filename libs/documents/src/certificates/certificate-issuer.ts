import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import {
  APP_CONFIG,
  AppConfig,
  Actor,
  among,
  Clock,
  DomainError,
  EventRef,
  inLanguage,
  insertNew,
  LanguageCode,
} from '@platform/core';
import { Language, Person, personNames } from '@platform/directory';
import { Outbox } from '@platform/mail';
import type { CertificateContent, CertificateTexts } from '../rendering';
import { CertificateAccess } from './certificate-access';
import { certificateIssuedMail, certificateMailKey } from './certificate-issued.email';
import { CertificateErrorCode } from './certificate-error-code';
import { issuersIn, settingsOf, signatoriesIn } from './certificate-settings.entity';
import { Certificate, CertificateKind, CertificateStatus } from './certificate.entity';
import { CertifiedEvents, Eligible, inEachLanguage } from './certified-event.port';
import { formatVerificationCode, newVerificationCode } from './verification-code';

/** Certificates built between two turns of the event loop in a bulk run. */
const BUILT_PER_TURN = 100;

export interface BulkIssue {
  event: EventRef;
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
    private readonly events: CertifiedEvents,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** One person's certificate; if they already have a current one, that one is returned. */
  async issueOne(
    actor: Actor,
    kind: CertificateKind,
    event: EventRef,
    personId: string,
    languages?: Language[],
  ): Promise<Certificate> {
    return this.em.transactional(async (em) => {
      await this.access.assertManages(actor, event, em, true);
      const existing = await em.findOne(Certificate, {
        currentKey: currentKey(kind, event.id, personId),
      });
      if (existing) return existing;
      const person = await em.findOne(Person, personId, { populate: ['organization'] });
      if (!person) throw DomainError.notFound('Person', personId);
      const entry = await this.events
        .of(event)
        .eligible(em, kind, event.id, person, this.clock.today());
      const [certificate] = await this.issue(em, actor, kind, event, [entry], languages);
      if (!certificate) throw new Error('Issuing for one person made no certificate');
      return certificate;
    });
  }

  /** Everyone eligible who has no current certificate of this kind yet gets one. */
  async issueAll(actor: Actor, kind: CertificateKind, event: EventRef): Promise<BulkIssue> {
    return this.em.transactional(async (em) => {
      // The row lock on the event serializes two bulk runs, so neither duplicates the other.
      await this.access.assertManages(actor, event, em, true);
      await settingsOf(em, event); // unconfigured is an error even when nobody is missing
      const entries = await this.events
        .of(event)
        .everyoneEligible(em, kind, event.id, this.clock.today());
      const holders = await em.find(
        Certificate,
        {
          currentKey: among(
            em,
            [...entries.keys()].map((personId) => currentKey(kind, event.id, personId)),
          ),
        },
        { fields: ['person'] },
      );
      const taken = new Set(holders.map((certificate) => certificate.person.id));
      const missing = [...entries.values()]
        .filter((entry) => !taken.has(entry.person.id))
        .sort((a, b) => a.person.fullName.localeCompare(b.person.fullName));
      await em.populate(
        missing.map((entry) => entry.person),
        ['organization'],
      );
      // A thousand new rows: batched INSERTs, not entities tracked by the unit of work.
      const issued = await this.build(em, actor, kind, event, missing, undefined, false);
      await insertNew(em, Certificate, issued);
      await this.outbox.enqueueAll(
        em,
        issued.map((certificate, i) =>
          certificateIssuedMail(certificate, missing[i]?.person.email),
        ),
      );
      return { event, issued: issued.length };
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
      await this.access.assertManages(actor, old.event, em, true);
      const person = await em.findOneOrFail(Person, old.person.id, { populate: ['organization'] });
      const entry = await this.events
        .of(old.event)
        .eligible(em, old.kind, old.eventId, person, this.clock.today());
      old.status = CertificateStatus.REPLACED;
      old.replacedAt = new Date();
      old.currentKey = null;
      // The old key must be gone before the new certificate takes it (unique column).
      await em.flush();
      const [replacement] = await this.issue(
        em,
        actor,
        old.kind,
        old.event,
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

  /** Certificates for these people, each mailed to its holder once committed. */
  private async issue(
    em: EntityManager,
    actor: Actor,
    kind: CertificateKind,
    event: EventRef,
    entries: Eligible[],
    languages?: Language[],
  ): Promise<Certificate[]> {
    const certificates = await this.build(em, actor, kind, event, entries, languages, true);
    for (const [i, certificate] of certificates.entries())
      await this.outbox.enqueue(em, certificateIssuedMail(certificate, entries[i]?.person.email));
    return certificates;
  }

  /**
   * Certificates for these people, in their order, with the next serial numbers of the
   * event's prefix and year; `persist` hands them to the unit of work.
   */
  private async build(
    em: EntityManager,
    actor: Actor,
    kind: CertificateKind,
    event: EventRef,
    entries: Eligible[],
    languages: Language[] | undefined,
    persist: boolean,
  ): Promise<Certificate[]> {
    if (!entries.length) return [];
    const settings = await settingsOf(em, event);
    const port = this.events.of(event);
    const facts = await port.facts(em, event.id);
    const defaultIssuers = settings.issuers.length
      ? undefined
      : await port.defaultIssuers(em, event.id);
    const serials = await this.serials(em, settings.serialPrefix, facts.year, entries.length);
    const issuedBy = em.getReference(User, actor.requireUserId(), { wrapped: true });
    const issuedOn = this.clock.today();
    const certificates: Certificate[] = [];
    for (const [i, { person, sessionTitles }] of entries.entries()) {
      // Building a thousand certificates at once would hold up every other request.
      if (i && i % BUILT_PER_TURN === 0) await yieldToRequests();
      const serial = serials[i];
      if (serial === undefined) throw new Error(`No serial number for certificate ${i + 1}`);
      const chosen = languages?.length
        ? languages
        : [...new Set([person.language, settings.secondLanguage ?? person.language])];
      const code = newVerificationCode();
      const organization = person.organization?.getEntity();
      const textsIn = (language: LanguageCode): CertificateTexts => ({
        eventTitle: facts.texts[language].title,
        city: facts.texts[language].city,
        issuers: defaultIssuers?.[language] ?? issuersIn(settings, language),
        signatories: signatoriesIn(settings, language),
        sessionTitles: sessionTitles?.[language],
        holderOrganization:
          organization &&
          inLanguage(organization.name, organization.translations, 'name', language),
      });
      // All three languages, so that the verification page and mails read in any of them.
      const translated = inEachLanguage(textsIn);
      const { en } = translated;
      const { latin, cyrillic } = personNames(person);
      const content: CertificateContent = {
        kind,
        languages: chosen,
        serial,
        verificationCode: formatVerificationCode(code),
        verificationUrl: `${this.config.publicUrl}/verify/${formatVerificationCode(code)}`,
        holderName: person.fullName,
        holderNames: { latin, cyrillic },
        holderSex: person.sex ?? undefined,
        holderOrganization: en.holderOrganization,
        eventTitle: en.eventTitle,
        sessionTitles: en.sessionTitles,
        startDate: facts.startDate,
        endDate: facts.endDate,
        city: en.city,
        countryCode: facts.countryCode,
        hours: settings.hours ?? undefined,
        days: facts.days,
        issuers: en.issuers,
        signatories: en.signatories,
        issuedOn,
        translated,
      };
      const certificate = em.create(
        Certificate,
        {
          kind,
          person,
          eventKind: event.kind,
          eventId: event.id,
          serial,
          verificationCode: code,
          currentKey: currentKey(kind, event.id, person.id),
          languages: chosen,
          content,
          issuedBy,
        },
        { persist },
      );
      certificates.push(certificate);
    }
    return certificates;
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

export function currentKey(kind: CertificateKind, eventId: string, personId: string): string {
  return `${kind}:${eventId}:${personId}`;
}
