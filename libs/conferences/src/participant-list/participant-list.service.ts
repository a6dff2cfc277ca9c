import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  Actor,
  countryNameIn,
  CsvSeparatorChar,
  DomainError,
  inLanguage,
  LanguageCode,
  toCsv,
} from '@platform/core';
import {
  PARTICIPANT_LIST_TEXTS,
  ParticipantListContent,
  ParticipantStatusName,
  PdfRenderer,
} from '@platform/documents';
import { DelegationKind } from '../delegations/delegation.entity';
import { EditionAccess } from '../editions/edition-access';
import { EditionDocuments } from '../editions/edition-documents';
import { Edition } from '../editions/edition.entity';
import { Registration, SEATED_STATUSES } from '../registrations/registration.entity';

/** The public list (published editions, people who agreed) or the organizers' list of everyone. */
export enum ParticipantListScope {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}

export interface ParticipantRow {
  delegation: string;
  organization?: string;
  name: string;
  position?: string;
  /** Internal list only. */
  status?: ParticipantStatusName;
  listed?: boolean;
}

interface Group {
  delegation: string;
  /** Countries first, then international organizations, then by name. */
  rank: number;
  rows: ParticipantRow[];
}

/**
 * The official list of participants of an edition, by delegation and organization.
 * Public: those holding a seat who agreed to be listed, once the edition is published
 * (before that its organizers only). Internal (organizers): everyone, with their status
 * and consent. Names in the list language's script where both are known. Nothing else
 * about a person: no email, and never passport data.
 */
@Injectable()
export class ParticipantListService {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly documents: EditionDocuments,
    private readonly renderer: PdfRenderer,
  ) {}

  async groups(
    actor: Actor,
    editionId: string,
    scope: ParticipantListScope,
    language: LanguageCode,
  ): Promise<{ edition: Edition; groups: Group[] }> {
    const internal = scope === ParticipantListScope.INTERNAL;
    const edition = internal
      ? await this.editions.manageable(actor, editionId)
      : await this.editions.viewable(actor, editionId);
    if (!internal && !edition.isPublished && !(await this.editions.canManage(actor, edition.id)))
      throw DomainError.forbidden(
        'The list of participants is public once the edition is published.',
      );
    const where: FilterQuery<Registration> = internal
      ? { edition }
      : { edition, listed: true, status: { $in: SEATED_STATUSES } };
    const registrations = await this.em.find(Registration, where, {
      populate: ['person.organization', 'delegation.organization'],
    });
    const groups = new Map<string, Group>();
    for (const registration of registrations) {
      const { delegation, rank } = delegationOf(registration, language);
      const person = registration.person.getEntity();
      const organization = person.organization?.getEntity();
      const group = groups.get(`${rank}:${delegation}`) ?? { delegation, rank, rows: [] };
      group.rows.push({
        delegation,
        organization: organization
          ? inLanguage(organization.name, organization.translations, 'name', language)
          : undefined,
        name: person.nameIn(language),
        position: person.position ?? undefined,
        ...(internal && { status: registration.status, listed: registration.listed }),
      });
      groups.set(`${rank}:${delegation}`, group);
    }
    const collator = new Intl.Collator(language);
    const ordered = [...groups.values()].sort(
      (a, b) => a.rank - b.rank || collator.compare(a.delegation, b.delegation),
    );
    for (const group of ordered)
      group.rows.sort(
        (a, b) =>
          collator.compare(a.organization ?? '\uffff', b.organization ?? '\uffff') ||
          collator.compare(a.name, b.name),
      );
    return { edition, groups: ordered };
  }

  async rows(
    actor: Actor,
    editionId: string,
    scope: ParticipantListScope,
    language: LanguageCode,
  ): Promise<ParticipantRow[]> {
    const { groups } = await this.groups(actor, editionId, scope, language);
    return groups.flatMap((group) => group.rows);
  }

  async pdf(
    actor: Actor,
    editionId: string,
    scope: ParticipantListScope,
    language: LanguageCode,
  ): Promise<Buffer> {
    const { edition, groups } = await this.groups(actor, editionId, scope, language);
    const content: ParticipantListContent = {
      language,
      edition: await this.documents.header(edition, language),
      internal: scope === ParticipantListScope.INTERNAL,
      groups: groups.map(({ delegation, rows }) => ({ delegation, rows })),
    };
    return this.renderer.participantList(content);
  }

  async csv(
    actor: Actor,
    editionId: string,
    scope: ParticipantListScope,
    language: LanguageCode,
    separator: CsvSeparatorChar,
  ): Promise<string> {
    const internal = scope === ParticipantListScope.INTERNAL;
    const rows = await this.rows(actor, editionId, scope, language);
    const texts = PARTICIPANT_LIST_TEXTS[language];
    const header = [texts.delegation, texts.organization, texts.name, texts.position];
    if (internal) header.push(texts.status, texts.listed);
    return toCsv(
      [
        header,
        ...rows.map((row) => [
          ...[row.delegation, row.organization, row.name, row.position].map(spreadsheetSafe),
          ...(internal
            ? [row.status ? texts.statuses[row.status] : '', row.listed ? texts.yes : texts.no]
            : []),
        ]),
      ],
      separator,
    );
  }

  /** The person changes their consent to be listed, for their own registration only. */
  async setListed(actor: Actor, registrationId: string, listed: boolean): Promise<Registration> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const registration = await this.em.findOne(Registration, registrationId);
    const own =
      registration !== null && actor.personId !== null && registration.person.id === actor.personId;
    if (!registration || !own) {
      if (registration && (await this.editions.canManage(actor, registration.edition.id)))
        throw DomainError.forbidden('Only the participant can give or withdraw this consent.');
      throw DomainError.notFound('Registration', registrationId);
    }
    registration.listed = listed;
    await this.em.flush();
    return registration;
  }
}

/** The delegation a registration is listed under: its nominating delegation, else its country. */
function delegationOf(
  registration: Registration,
  language: LanguageCode,
): { delegation: string; rank: number } {
  const delegation = registration.delegation?.getEntity();
  if (delegation?.kind === DelegationKind.ORGANIZATION && delegation.organization) {
    const organization = delegation.organization.getEntity();
    return {
      delegation: inLanguage(organization.name, organization.translations, 'name', language),
      rank: 1,
    };
  }
  const country = delegation?.country ?? registration.delegationCountry;
  return { delegation: countryNameIn(language, country), rank: 0 };
}

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return
 * first) gets a leading apostrophe: names and positions are typed by people.
 */
export function spreadsheetSafe(value: string | undefined): string | undefined {
  return value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
