import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, EventKind, inLanguage } from '@platform/core';
import { Person } from '@platform/directory';
import {
  CertificateKind,
  CertifiedEventPort,
  CertifiedEvents,
  Eligible,
  EventFacts,
  inEachLanguage,
  InEachLanguage,
  notEligible,
} from '@platform/documents';
import { AGENDA_ORDER } from '../agenda/agenda-order';
import { AgendaSession, SessionSpeaker } from '../agenda/agenda-session.entity';
import { CheckIn, Registration } from '../registrations/registration.entity';
import { EditionAccess } from './edition-access';
import { Edition, EditionPartner } from './edition.entity';
import { editionIssuers } from './edition-issuers';

/**
 * An edition as the certificates see it: its organizers manage them; whoever checked in
 * on at least one day gets an attendance certificate, whoever spoke in a session a
 * speaker certificate, both from the edition's first day.
 */
@Injectable()
export class EditionCertificates implements CertifiedEventPort, OnModuleInit {
  readonly kind = EventKind.EDITION;

  constructor(
    private readonly editions: EditionAccess,
    private readonly certified: CertifiedEvents,
  ) {}

  onModuleInit(): void {
    this.certified.register(this);
  }

  async assertManages(actor: Actor, id: string, em: EntityManager, lock = false): Promise<void> {
    await this.editions.manageable(actor, id, em, lock);
  }

  canManage(actor: Actor, id: string): Promise<boolean> {
    return this.editions.canManage(actor, id);
  }

  async facts(em: EntityManager, id: string): Promise<EventFacts> {
    const edition = await em.findOneOrFail(Edition, id);
    const { translations } = edition;
    return {
      year: edition.year,
      texts: inEachLanguage((language) => ({
        title: inLanguage(edition.title, translations, 'title', language),
        city: inLanguage(edition.city, translations, 'city', language),
      })),
      startDate: edition.startDate,
      endDate: edition.endDate,
      countryCode: edition.hostCountry,
      days: edition.days.length,
    };
  }

  /** Its hosts and co-organizers (editionIssuers), each organization's name translated. */
  async defaultIssuers(em: EntityManager, id: string): Promise<InEachLanguage<string[]>> {
    const edition = await em.findOneOrFail(Edition, id);
    const names = await editionIssuers(em, edition);
    const partners = await em.find(
      EditionPartner,
      { edition, organization: { name: { $in: names } } },
      { populate: ['organization'] },
    );
    const organizations = partners.map((partner) => partner.organization.getEntity());
    return inEachLanguage((language) =>
      names.map((name) => {
        const organization = organizations.find((o) => o.name === name);
        return inLanguage(name, organization?.translations, 'name', language);
      }),
    );
  }

  async everyoneEligible(
    em: EntityManager,
    kind: CertificateKind,
    id: string,
    today: string,
  ): Promise<Map<string, Eligible>> {
    await this.assertDue(em, kind, id, today);
    if (kind === CertificateKind.SPEAKER) return speakers(em, id);
    const checkIns = await em.find(
      CheckIn,
      { registration: { edition: id } },
      { populate: ['registration.person'] },
    );
    const people = checkIns.map((checkIn) => checkIn.registration.getEntity().person.getEntity());
    return new Map(people.map((person) => [person.id, { person }]));
  }

  async eligible(
    em: EntityManager,
    kind: CertificateKind,
    id: string,
    person: Person,
    today: string,
  ): Promise<Eligible> {
    await this.assertDue(em, kind, id, today);
    const name = person.fullName;
    if (kind === CertificateKind.SPEAKER) {
      const speaker = (await speakers(em, id, person)).get(person.id);
      if (!speaker) throw notEligible(`${name} is not a speaker in any session of this edition.`);
      return speaker;
    }
    const registration = await em.findOne(Registration, { edition: id, person });
    if (!registration) throw notEligible(`${name} is not registered for this edition.`);
    if (!(await em.count(CheckIn, { registration }))) {
      throw notEligible(`${name} has not checked in on any day of this edition.`);
    }
    return { person };
  }

  /** A certificate attests what has happened: none before the edition's first day. */
  private async assertDue(
    em: EntityManager,
    kind: CertificateKind,
    id: string,
    today: string,
  ): Promise<void> {
    const { startDate } = await em.findOneOrFail(Edition, id);
    if (today < startDate) {
      const what = kind === CertificateKind.SPEAKER ? 'speaker' : 'attendance';
      throw notEligible(
        `Not yet: the edition starts on ${startDate}; ${what} certificates are issued from that day (today is ${today}).`,
        'editionId',
      );
    }
  }
}

/** The speakers of an edition (or the one person), with their sessions in agenda order. */
async function speakers(
  em: EntityManager,
  editionId: string,
  person?: Person,
): Promise<Map<string, Eligible>> {
  const rows = await em.find(
    SessionSpeaker,
    { session: { edition: editionId }, ...(person ? { person } : {}) },
    {
      populate: ['session', 'person'],
      orderBy: [...AGENDA_ORDER.map((order) => ({ session: order })), { id: 'asc' }],
    },
  );
  const found = new Map<string, { person: Person; sessions: AgendaSession[] }>();
  for (const row of rows) {
    const speaker = row.person.getEntity();
    const entry = found.get(speaker.id) ?? { person: speaker, sessions: [] };
    const session = row.session.getEntity();
    if (!entry.sessions.includes(session)) entry.sessions.push(session);
    found.set(speaker.id, entry);
  }
  return new Map(
    [...found].map(([id, { person: speaker, sessions }]) => [
      id,
      {
        person: speaker,
        sessionTitles: inEachLanguage((language) => [
          ...new Set(sessions.map((s) => inLanguage(s.title, s.translations, 'title', language))),
        ]),
      },
    ]),
  );
}
