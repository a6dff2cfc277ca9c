import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  dateColumn,
  jsonColumn,
  placeholders,
  readRows,
  Row,
  textVersions,
  TextVersions,
  TranslatableTexts,
  Translations,
} from '@platform/core';
import { OrganizationRead, PersonRead, readOrganizations, readPeople } from '@platform/directory';
import { byAgendaOrder } from '../agenda/agenda-order';
import { SessionKind } from '../agenda/agenda-session.entity';
import { RegistrationStatus } from '../registrations/registration.entity';
import { Edition, PartnerRole } from './edition.entity';

/*
 * An edition's agenda, working groups and partners as plain objects built from a fixed
 * number of SQL statements, whatever the edition's size. This bypasses the ORM on
 * purpose: hydrating the 60 sessions, their speakers and the 300 working-group members
 * of a real edition into entities, and loading each relation through its own promise,
 * cost six times what the SQL and the GraphQL answer do. The objects carry the same
 * GraphQL fields as the entities (AgendaSession, SessionSpeaker, WorkingGroup,
 * Registration, EditionPartner): their resolvers serve both, and a read object has its
 * relations at hand. Mutations still return entities.
 */

export class SessionSpeakerRead {
  constructor(
    readonly id: string,
    readonly translations: Translations,
    readonly titleOnAgenda: string | null,
    readonly position: number,
    readonly person: PersonRead,
  ) {}

  translatableTexts(): TranslatableTexts {
    return { titleOnAgenda: this.titleOnAgenda };
  }

  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

export class AgendaSessionRead {
  constructor(
    readonly id: string,
    readonly translations: Translations,
    readonly day: number,
    readonly startTime: string,
    readonly endTime: string,
    readonly kind: SessionKind,
    readonly title: string,
    readonly description: string | null,
    readonly room: string | null,
    readonly moderator: PersonRead | null,
    readonly speakers: SessionSpeakerRead[],
  ) {}

  translatableTexts(): TranslatableTexts {
    const { title, description, room } = this;
    return { title, description, room };
  }

  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

export class RegistrationRead {
  constructor(
    readonly id: string,
    readonly edition: Edition,
    readonly person: PersonRead,
    readonly status: RegistrationStatus,
    readonly delegationCountry: string,
    private readonly createdAtColumn: unknown,
    private readonly statusChangedAtColumn: unknown,
  ) {}

  // Parsed when asked for: a working group's member list seldom shows them.
  get createdAt(): Date {
    return dateColumn(this.createdAtColumn);
  }

  get statusChangedAt(): Date {
    return dateColumn(this.statusChangedAtColumn);
  }
}

export class WorkingGroupRead {
  constructor(
    readonly id: string,
    readonly translations: Translations,
    readonly edition: Edition,
    readonly name: string,
    readonly topic: string | null,
    readonly capacity: number | null,
    readonly facilitators: PersonRead[],
    readonly members: RegistrationRead[],
  ) {}

  translatableTexts(): TranslatableTexts {
    const { name, topic } = this;
    return { name, topic };
  }

  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

export class EditionPartnerRead {
  constructor(
    readonly id: string,
    readonly role: PartnerRole,
    readonly organization: OrganizationRead,
  ) {}
}

/** Rows grouped by the value of one column, in the order read. */
function groupBy(rows: Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row[column] as string;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const idsIn = (rows: Row[], column: string) => rows.map((row) => row[column] as string);

/** Looked up by id; a row's foreign key always finds its row (the schema enforces it). */
function found<T>(items: Map<string, T>, id: unknown): T {
  return items.get(id as string) as T;
}

@Injectable()
export class EditionReadModel {
  constructor(private readonly em: EntityManager) {}

  /** The agenda in agenda order: 4 statements (sessions, speakers, people, organizations). */
  async agenda(editionId: string): Promise<AgendaSessionRead[]> {
    const sessions = await readRows(this.em, 'select * from agenda_session where edition_id = ?', [
      editionId,
    ]);
    if (sessions.length === 0) return [];
    const speakers = await readRows(
      this.em,
      `select * from session_speaker where session_id in (${placeholders(sessions.length)})`,
      idsIn(sessions, 'id'),
    );
    const people = await readPeople(this.em, [
      ...idsIn(speakers, 'person_id'),
      ...sessions.flatMap((row) => (row.moderator_id ? [row.moderator_id as string] : [])),
    ]);
    const speakersOf = groupBy(speakers, 'session_id');
    return sessions
      .map(
        (row) =>
          new AgendaSessionRead(
            row.id as string,
            jsonColumn(row.translations) as Translations,
            row.day as number,
            row.start_time as string,
            row.end_time as string,
            row.kind as SessionKind,
            row.title as string,
            row.description as string | null,
            row.room as string | null,
            row.moderator_id ? found(people, row.moderator_id) : null,
            (speakersOf.get(row.id as string) ?? [])
              .map(
                (speaker) =>
                  new SessionSpeakerRead(
                    speaker.id as string,
                    jsonColumn(speaker.translations) as Translations,
                    speaker.title_on_agenda as string | null,
                    speaker.position as number,
                    found(people, speaker.person_id),
                  ),
              )
              .sort((a, b) => a.position - b.position),
          ),
      )
      .sort(byAgendaOrder);
  }

  /**
   * The working groups by name, with facilitators and members: 6 statements (groups,
   * facilitators, members, registrations, people, organizations).
   */
  async workingGroups(edition: Edition): Promise<WorkingGroupRead[]> {
    const groups = await readRows(this.em, 'select * from working_group where edition_id = ?', [
      edition.id,
    ]);
    if (groups.length === 0) return [];
    const groupIds = idsIn(groups, 'id');
    const inGroups = `working_group_id in (${placeholders(groups.length)})`;
    const facilitators = await readRows(
      this.em,
      `select * from working_group_facilitator where ${inGroups}`,
      groupIds,
    );
    const members = await readRows(
      this.em,
      `select * from working_group_member where ${inGroups}`,
      groupIds,
    );
    const registrationIds = [...new Set(idsIn(members, 'registration_id'))];
    const registrations =
      registrationIds.length === 0
        ? []
        : await readRows(
            this.em,
            `select * from registration where id in (${placeholders(registrationIds.length)})`,
            registrationIds,
          );
    const people = await readPeople(this.em, [
      ...idsIn(facilitators, 'person_id'),
      ...idsIn(registrations, 'person_id'),
    ]);
    const registrationsById = new Map(
      registrations.map((row) => [
        row.id as string,
        new RegistrationRead(
          row.id as string,
          edition,
          found(people, row.person_id),
          row.status as RegistrationStatus,
          row.delegation_country as string,
          row.created_at,
          row.status_changed_at,
        ),
      ]),
    );
    const facilitatorsOf = groupBy(facilitators, 'working_group_id');
    const membersOf = groupBy(members, 'working_group_id');
    return groups
      .map(
        (row) =>
          new WorkingGroupRead(
            row.id as string,
            jsonColumn(row.translations) as Translations,
            edition,
            row.name as string,
            row.topic as string | null,
            row.capacity as number | null,
            (facilitatorsOf.get(row.id as string) ?? []).map((f) => found(people, f.person_id)),
            (membersOf.get(row.id as string) ?? []).map((m) =>
              found(registrationsById, m.registration_id),
            ),
          ),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The partners with their organizations: 2 statements. */
  async partners(editionId: string): Promise<EditionPartnerRead[]> {
    const partners = await readRows(this.em, 'select * from edition_partner where edition_id = ?', [
      editionId,
    ]);
    const organizations = await readOrganizations(this.em, idsIn(partners, 'organization_id'));
    return partners.map(
      (row) =>
        new EditionPartnerRead(
          row.id as string,
          row.role as PartnerRole,
          found(organizations, row.organization_id),
        ),
    );
  }
}
