import { Injectable } from '@nestjs/common';
import {
  EntityManager,
  RequiredEntityData,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { Actor, among, DomainError, insertNew, parseCsvWithLines } from '@platform/core';
import {
  DirectoryService,
  Language,
  namesakesAreOne,
  Organization,
  Person,
  PersonMatch,
  PersonRow,
  PersonRowField,
  PersonRowText,
  sameName,
  validatePersonRow,
  wordKey,
} from '@platform/directory';
import { TrainingAccess } from '../training-access';
import { ImportRosterArgs, RosterImportReport } from './dto/roster-import';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsService } from './enrollments.service';
import { IndicatorFacts } from '../indicators/indicator-facts';

type Column =
  | 'full_name'
  | 'full_name_alt'
  | 'email'
  | 'sex'
  | 'category'
  | 'position'
  | 'organization'
  | 'organization_type'
  | 'country'
  | 'region'
  | 'language';

/** Header names as people write them, normalized by `wordKey` (lower case, spaces → "_"). */
const COLUMN_ALIASES: Record<Column, string[]> = {
  full_name: ['full_name', 'fullname', 'name', 'фио', 'ф.и.о.', 'полное_имя', 'имя'],
  full_name_alt: ['full_name_alt', 'name_alt', 'alt_name', 'name_in_other_script', 'фио_2'],
  email: ['email', 'e-mail', 'mail', 'почта', 'эл._почта', 'электронная_почта'],
  sex: ['sex', 'gender', 'пол'],
  category: ['category', 'категория'],
  position: ['position', 'job_title', 'должность'],
  organization: ['organization', 'organisation', 'org', 'организация', 'ведомство'],
  organization_type: ['organization_type', 'organisation_type', 'org_type', 'тип_организации'],
  country: ['country', 'страна'],
  region: ['region', 'регион', 'область'],
  language: ['language', 'lang', 'язык', 'til', 'тил'],
};

/** The column of each field of the directory's person rows (the region is the file's own). */
const COLUMN_OF: Record<PersonRowField, Column> = {
  fullName: 'full_name',
  fullNameAlt: 'full_name_alt',
  email: 'email',
  sex: 'sex',
  category: 'category',
  position: 'position',
  organization: 'organization',
  organizationType: 'organization_type',
  country: 'country',
  language: 'language',
};
const REGION_MAX_LENGTH = 100;

/** Trimmed, each run of spaces as one; most cells have none to replace. */
const clean = (text: string) => {
  const trimmed = text.trim();
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
};

interface RosterRow extends PersonRow {
  line: number;
}

/**
 * Each of the row's names (nameKeysOf) in its organization (by name and country), or
 * without one: two rows sharing one of these are namesakes.
 */
const rowNameKeys = (row: RosterRow) =>
  row.nameKeys.map((key) => `${row.organizationKey ?? ''}\u0000${key}`);

type Plan = { row: RosterRow; match: PersonMatch; enrollment?: Enrollment }[];

/**
 * Enrolls a whole roster file at once. People already in the directory are matched,
 * by email, else by name within the same organization (or both without one; a name and
 * an organization match in any case, with any apostrophe, in either script) unless
 * both have different emails (namesakes), so importing never duplicates a person, and
 * importing a file twice enrolls nobody twice. Two rows are the same person by the same
 * rule. New people read the row's language, else the event's. A file with any bad row
 * stores nothing unless `skipBadRows` is set; either way the report lists each bad row
 * with its line and reason (it is not an error: the caller needs the whole list to fix
 * the file). A dry run does every check and stores nothing: its report counts what
 * importing the good rows would do.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly directory: DirectoryService,
    private readonly enrollments: EnrollmentsService,
    private readonly facts: IndicatorFacts,
  ) {}

  async importRoster(actor: Actor, args: ImportRosterArgs): Promise<RosterImportReport> {
    const { rows, lines } = parseCsvWithLines(args.csv);
    try {
      return await this.em.transactional((em) => this.run(em, actor, args, rows, lines));
    } catch (error) {
      // Someone created the same person or organization while this file was imported.
      if (error instanceof UniqueConstraintViolationException) {
        throw DomainError.conflict(
          'CONCURRENT_CHANGE',
          'The directory changed while the roster was imported; import the file again.',
        );
      }
      throw error;
    }
  }

  private async run(
    em: EntityManager,
    actor: Actor,
    args: ImportRosterArgs,
    rows: string[][],
    lines: number[],
  ): Promise<RosterImportReport> {
    // Locked like marking, so two imports into one event run one after the other.
    const event = await this.access.event(actor, args.eventId, em, true);
    const report: RosterImportReport = {
      stored: false,
      rows: 0,
      peopleCreated: 0,
      peopleMatched: 0,
      organizationsCreated: 0,
      enrolled: 0,
      alreadyEnrolled: 0,
      errors: [],
      goodRows: [],
    };
    const fail = (line: number, field: string | undefined, reason: string) =>
      report.errors.push({ line, field, reason });

    const header = rows[0] ?? [];
    const columns = readHeader(header, fail);
    if (columns === undefined) return report;

    // 1. Read and check every row on its own, then against the good rows above it.
    const good: RosterRow[] = [];
    const seenEmails = new Map<string, RosterRow>();
    const seenNames = new Map<string, RosterRow[]>();
    for (const [r, cells] of rows.entries()) {
      const line = lines[r];
      if (r === 0 || line === undefined) continue; // row 0 is the header
      if (cells.every((cell) => cell.trim() === '')) continue;
      report.rows++;
      const row = readRow(line, cells, header.length, columns, event.country, fail);
      if (!row) continue;
      const keys = rowNameKeys(row);
      const earlier = keys.flatMap((k) => seenNames.get(k) ?? []);
      const namesakes =
        earlier.length > 1 ? [...new Set(earlier)].sort((a, b) => a.line - b.line) : earlier;
      const twice = sameAsEarlier(row, seenEmails, namesakes);
      if (twice) {
        fail(row.line, twice.field, twice.reason);
        continue;
      }
      if (row.email) seenEmails.set(row.email, row);
      for (const k of keys) {
        const rows = seenNames.get(k);
        if (rows) rows.push(row);
        else seenNames.set(k, [row]);
      }
      good.push(row);
    }

    // 2. Look up what exists, a few statements for the whole file: the directory matches.
    const organizations = await this.directory.findOrganizations(em, good);
    const matches = await this.directory.matchPeople(em, good, organizations);
    const enrollments = new Map<string, Enrollment>();
    for (const enrollment of await em.find(Enrollment, { event }))
      enrollments.set(enrollment.person.id, enrollment);
    let seats = this.enrollments.seatsLeft(
      event,
      [...enrollments.values()].filter((e) => this.enrollments.holdsSeat(e)).length,
    );

    // 3. Decide each row: who it is, and whether it enrolls.
    const plan: Plan = [];
    const planned = new Map<string, number>();
    good.forEach((row, i) => {
      const match = matches[i]!; // matchPeople answers each row, in order
      if (match.ambiguousAmong !== undefined) {
        const org = row.organizationKey ? organizations.get(row.organizationKey) : undefined;
        fail(
          row.line,
          'email',
          `${match.ambiguousAmong} people named ${row.fullName} ${org ? `in ${org.name} ` : 'without an organization '}are in the directory: give the email of this one`,
        );
        return;
      }
      const { person } = match;
      if (person) {
        const earlier = planned.get(person.id);
        if (earlier) {
          fail(row.line, 'full_name', `the same person in the directory as line ${earlier}`);
          return;
        }
        planned.set(person.id, row.line);
      }
      const enrollment = person && enrollments.get(person.id);
      if (!this.enrollments.holdsSeat(enrollment)) {
        if (seats <= 0) {
          fail(row.line, undefined, `event is full (${event.capacity} trainees)`);
          return;
        }
        seats--;
      }
      plan.push({ row, match, enrollment });
    });

    report.errors.sort((a, b) => a.line - b.line);
    report.goodRows = plan.map(({ row, match, enrollment }) => ({
      line: row.line,
      fullName: row.fullName,
      organization: row.organization,
      matched: match.person !== undefined,
      alreadyEnrolled: this.enrollments.holdsSeat(enrollment),
    }));
    if (args.dryRun) return this.dryRunReport(report, plan, organizations);
    if (report.errors.length > 0 && !args.skipBadRows) return report;

    // 4. Store: new organizations and changes to people and enrollments found in one
    // flush; then the new people and enrollments, thousands at a time, as rows (insertNew).
    const newPeople: RequiredEntityData<Person>[] = [];
    const newSeats: RequiredEntityData<Enrollment>[] = [];
    const newSeatPeople = new Set<string>();
    const newLanguages = new Map<string, Language>();
    for (const { row, match, enrollment } of plan) {
      const { organization, created: newOrganization } = this.directory.findOrCreateOrganization(
        em,
        row,
        organizations,
      );
      if (newOrganization) report.organizationsCreated++;
      let personId: string;
      if (match.person) {
        // A matched person now reads the row's language, if it gives one.
        if (row.language) newLanguages.set(match.person.id, row.language);
        personId = match.person.id;
        report.peopleMatched++;
      } else {
        // Certificates and mail come in the language the event is held in.
        const person = this.directory.newPersonRow(row, organization, event.language);
        newPeople.push(person);
        personId = person.id;
        report.peopleCreated++;
      }
      if (this.enrollments.holdsSeat(enrollment)) {
        report.alreadyEnrolled++;
      } else {
        if (enrollment)
          this.enrollments.takeSeat(em, event, em.getReference(Person, personId), enrollment);
        else {
          newSeats.push(this.enrollments.newSeatRow(event, personId));
          newSeatPeople.add(personId);
        }
        report.enrolled++;
      }
    }
    if (newLanguages.size > 0)
      for (const person of await em.find(Person, { id: among(em, newLanguages.keys(), 'uuid') }))
        person.language = newLanguages.get(person.id)!;
    await em.flush();
    await insertNew(em, Person, newPeople);
    await insertNew(em, Enrollment, newSeats);
    // insertNew bypasses the flush that keeps the indicator facts; the new seats' people get theirs here.
    await this.facts.rewrite(em, new Map([['person', newSeatPeople]]));
    report.stored = true;
    return report;
  }

  /** What storing the plan would count, without creating or changing anything. */
  private dryRunReport(
    report: RosterImportReport,
    plan: Plan,
    organizations: Map<string, Organization>,
  ): RosterImportReport {
    const newOrganizations = new Set<string>();
    for (const { row, match, enrollment } of plan) {
      if (row.organizationKey && !organizations.has(row.organizationKey))
        newOrganizations.add(row.organizationKey);
      if (match.person) report.peopleMatched++;
      else report.peopleCreated++;
      if (this.enrollments.holdsSeat(enrollment)) report.alreadyEnrolled++;
      else report.enrolled++;
    }
    report.organizationsCreated = newOrganizations.size;
    return report;
  }
}

function readHeader(
  header: string[],
  fail: (line: number, field: string | undefined, reason: string) => void,
): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  header.forEach((name, index) => {
    const k = wordKey(name);
    const column = (Object.keys(COLUMN_ALIASES) as Column[]).find((c) =>
      COLUMN_ALIASES[c].includes(k),
    );
    if (!column) fail(1, name.trim(), `unknown column "${name.trim()}"`);
    else if (columns.has(column)) fail(1, column, `column ${column} is given twice`);
    else columns.set(column, index);
  });
  if (!columns.has('full_name')) fail(1, 'full_name', 'the header has no full_name column');
  // Without a sound header no row can be read with certainty, so nothing is imported.
  return columns.size === header.length && columns.has('full_name') ? columns : undefined;
}

/** One line of the file, read by the directory's person-row rules; the region is checked here. */
function readRow(
  line: number,
  cells: string[],
  width: number,
  columns: Map<Column, number>,
  defaultCountry: string,
  fail: (line: number, field: string | undefined, reason: string) => void,
): RosterRow | undefined {
  if (cells.length > width) {
    fail(line, undefined, `${cells.length} fields, but the header has ${width}`);
    return undefined;
  }
  const cell = (column: Column): string | undefined => {
    const index = columns.get(column);
    const value = index === undefined ? undefined : cells[index];
    return value === undefined ? undefined : clean(value) || undefined;
  };
  const text: PersonRowText = {};
  for (const field of Object.keys(COLUMN_OF) as PersonRowField[])
    text[field] = cell(COLUMN_OF[field]);
  const person = validatePersonRow(text, defaultCountry, (field, reason) =>
    fail(line, COLUMN_OF[field], reason),
  );
  // Allowed and length-checked, not stored on the person.
  const region = cell('region');
  if (region !== undefined && region.length > REGION_MAX_LENGTH) {
    fail(line, 'region', `longer than ${REGION_MAX_LENGTH} characters`);
    return undefined;
  }
  return person && { line, ...person };
}

/**
 * Whether a row is a person already listed above, by the rule directory people are
 * matched by: the same email; else the same name in the same organization, unless both
 * rows have an email (namesakes with their own emails are two people). The same email
 * under another name is a mistake in the file either way.
 */
function sameAsEarlier(
  row: RosterRow,
  emails: Map<string, RosterRow>,
  namesakes: RosterRow[],
): { field: Column; reason: string } | undefined {
  const sameEmail = row.email ? emails.get(row.email) : undefined;
  if (sameEmail) {
    return {
      field: 'email',
      reason: sameName(sameEmail, row)
        ? `the same person as line ${sameEmail.line}`
        : `the same email as line ${sameEmail.line}, which is ${sameEmail.fullName}`,
    };
  }
  const namesake = namesakes.find((earlier) => namesakesAreOne(earlier, row));
  if (!namesake) return undefined;
  return {
    field: 'full_name',
    reason:
      namesake.email || row.email
        ? `the same name and organization as line ${namesake.line}, without an email to tell them apart`
        : `the same person as line ${namesake.line}`,
  };
}
