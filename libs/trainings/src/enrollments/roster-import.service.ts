import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isEmail } from 'class-validator';
import { Actor, DomainError, isCountryCode, parseCsvWithLines } from '@platform/core';
import {
  Language,
  Organization,
  OrganizationType,
  Person,
  ProfessionalCategory,
  Sex,
} from '@platform/directory';
import { TrainingAccess } from '../training-access';
import { ImportRosterArgs, RosterImportReport } from './dto/roster-import';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';

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

/** Header names as people write them, normalized by `key` (lower case, spaces → "_"). */
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

const MAX_LENGTH: Partial<Record<Column, number>> = {
  full_name: 200,
  full_name_alt: 200,
  email: 254,
  position: 200,
  organization: 300,
  region: 100,
};

const SEXES: Record<string, Sex> = {
  f: Sex.FEMALE,
  female: Sex.FEMALE,
  ж: Sex.FEMALE,
  жен: Sex.FEMALE,
  женский: Sex.FEMALE,
  m: Sex.MALE,
  male: Sex.MALE,
  м: Sex.MALE,
  муж: Sex.MALE,
  мужской: Sex.MALE,
};

/**
 * A language by its code or its name in English, Russian or Uzbek (Latin or Cyrillic),
 * normalized by `languageKey`: "русский", "oʻzbek tili", "English", "uz".
 */
const LANGUAGES: Record<string, Language> = Object.fromEntries(
  (
    [
      [Language.EN, 'en eng english английский англ ingliz inglizcha инглиз инглизча'],
      [Language.RU, 'ru rus russian русский рус ruscha русча'],
      [Language.UZ, "uz uzb uzbek узбекский узб o'zbek o'zbekcha ozbek ўзбек ўзбекча узбек"],
    ] as const
  ).flatMap(([language, names]) => names.split(' ').map((name) => [name, language])),
);

// Apostrophes people type for the Uzbek ʻ (oʻ, gʻ), and the word for "language".
const languageKey = (text: string) =>
  key(text.replace(/[ʻʼ'‘’`]/g, "'"))
    .replace(/_(tili|тили|язык)$/, '')
    .replace(/^язык_/, '');

/** Besides the enum names in any case ("judge", "operational officer"), Russian words. */
const CATEGORY_ALIASES: Record<string, ProfessionalCategory> = {
  судья: ProfessionalCategory.JUDGE,
  следователь: ProfessionalCategory.INVESTIGATOR,
  прокурор: ProfessionalCategory.PROSECUTOR,
  оперативный_сотрудник: ProfessionalCategory.OPERATIONAL_OFFICER,
  пограничник: ProfessionalCategory.BORDER_OFFICER,
  социальный_работник: ProfessionalCategory.SOCIAL_WORKER,
  дипломат: ProfessionalCategory.DIPLOMAT,
  эксперт: ProfessionalCategory.EXPERT,
  другое: ProfessionalCategory.OTHER,
};

// Keeps each `$in` list well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const clean = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');

function enumValue<T extends string>(values: Record<string, T>, text: string): T | undefined {
  const upper = key(text).toUpperCase();
  return (Object.values(values) as string[]).includes(upper) ? (upper as T) : undefined;
}

interface RosterRow {
  line: number;
  fullName: string;
  fullNameAlt?: string;
  email?: string;
  sex?: Sex;
  category?: ProfessionalCategory;
  position?: string;
  organization?: string;
  organizationType: OrganizationType;
  country: string;
  language?: Language;
}

const orgKey = (name: string, country: string) => `${country}\u0000${name}`;
/** The same name in the same organization, or both without one, as directory people match. */
const nameKey = (fullName: string, organization: string | undefined) =>
  `${organization ?? ''}\u0000${fullName}`;
const rowNameKey = (row: RosterRow) =>
  nameKey(row.fullName, row.organization && orgKey(row.organization, row.country));

async function inChunks<T>(values: string[], load: (chunk: string[]) => Promise<T[]>) {
  const found: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK)
    found.push(...(await load(unique.slice(i, i + CHUNK))));
  return found;
}

/**
 * Enrolls a whole roster file at once. People already in the directory are matched,
 * by email, else by full name within the same organization (or both without one) unless
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
      const namesakes = seenNames.get(rowNameKey(row)) ?? [];
      const twice = sameAsEarlier(row, seenEmails, namesakes);
      if (twice) {
        fail(row.line, twice.field, twice.reason);
        continue;
      }
      if (row.email) seenEmails.set(row.email, row);
      seenNames.set(rowNameKey(row), [...namesakes, row]);
      good.push(row);
    }

    // 2. Look up what exists, a few statements for the whole file.
    const organizations = new Map<string, Organization>();
    for (const org of await inChunks(
      good.flatMap((row) => (row.organization ? [row.organization] : [])),
      (names) => em.find(Organization, { name: { $in: names } }),
    ))
      organizations.set(orgKey(org.name, org.country), org);
    const byEmail = new Map<string, Person>();
    for (const person of await inChunks(
      good.flatMap((row) => (row.email ? [row.email] : [])),
      (emails) => em.find(Person, { email: { $in: emails } }),
    ))
      byEmail.set(person.email!, person);
    // Every namesake, oldest first: which of them a row is depends on its email.
    const byName = new Map<string, Person[]>();
    for (const person of await inChunks(
      good.filter((row) => !row.email || !byEmail.has(row.email)).map((row) => row.fullName),
      (names) =>
        em.find(
          Person,
          { fullName: { $in: names } },
          { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        ),
    )) {
      const k = nameKey(person.fullName, person.organization?.id);
      byName.set(k, [...(byName.get(k) ?? []), person]);
    }
    const enrollments = new Map<string, Enrollment>();
    for (const enrollment of await em.find(Enrollment, { event }))
      enrollments.set(enrollment.person.id, enrollment);
    let seats =
      event.capacity == null
        ? Infinity
        : event.capacity -
          [...enrollments.values()].filter((e) => e.status === EnrollmentStatus.ENROLLED).length;

    // 3. Decide each row: who it is, and whether it enrolls.
    const plan: { row: RosterRow; person?: Person; enrollment?: Enrollment }[] = [];
    const planned = new Map<string, number>();
    for (const row of good) {
      const org = row.organization
        ? organizations.get(orgKey(row.organization, row.country))
        : undefined;
      let person = row.email ? byEmail.get(row.email) : undefined;
      if (!person && !(row.organization && !org)) {
        // A namesake with another email is another person.
        const namesakes = (byName.get(nameKey(row.fullName, org?.id)) ?? []).filter(
          (namesake) => !namesake.email || !row.email,
        );
        if (!row.email && namesakes.length > 1) {
          fail(
            row.line,
            'email',
            `${namesakes.length} people named ${row.fullName} ${org ? `in ${org.name} ` : 'without an organization '}are in the directory: give the email of this one`,
          );
          continue;
        }
        person = namesakes[0];
      }
      if (person) {
        const earlier = planned.get(person.id);
        if (earlier) {
          fail(row.line, 'full_name', `the same person in the directory as line ${earlier}`);
          continue;
        }
        planned.set(person.id, row.line);
      }
      const enrollment = person && enrollments.get(person.id);
      if (enrollment?.status !== EnrollmentStatus.ENROLLED) {
        if (seats <= 0) {
          fail(row.line, undefined, `event is full (${event.capacity} trainees)`);
          continue;
        }
        seats--;
      }
      plan.push({ row, person, enrollment });
    }

    report.errors.sort((a, b) => a.line - b.line);
    report.goodRows = plan.map(({ row, person, enrollment }) => ({
      line: row.line,
      fullName: row.fullName,
      organization: row.organization,
      matched: person !== undefined,
      alreadyEnrolled: enrollment?.status === EnrollmentStatus.ENROLLED,
    }));
    if (args.dryRun) return dryRunReport(report, plan, organizations);
    if (report.errors.length > 0 && !args.skipBadRows) return report;

    // 4. Store: new organizations and people, then enrollments, in one flush.
    for (const { row, person, enrollment } of plan) {
      let org: Organization | undefined;
      if (row.organization) {
        const k = orgKey(row.organization, row.country);
        org = organizations.get(k);
        if (!org) {
          org = em.create(Organization, {
            name: row.organization,
            type: row.organizationType,
            country: row.country,
          });
          organizations.set(k, org);
          report.organizationsCreated++;
        }
      }
      let trainee = person;
      if (trainee) {
        report.peopleMatched++;
        // The file says which language this person reads; without one they keep theirs.
        if (row.language) trainee.language = row.language;
      } else {
        trainee = em.create(Person, {
          fullName: row.fullName,
          fullNameAlt: row.fullNameAlt,
          email: row.email,
          sex: row.sex,
          category: row.category ?? ProfessionalCategory.OTHER,
          position: row.position,
          organization: org,
          country: row.country,
          // Certificates and mail come in the language the event is held in.
          language: row.language ?? event.language,
        });
        report.peopleCreated++;
      }
      if (enrollment?.status === EnrollmentStatus.ENROLLED) {
        report.alreadyEnrolled++;
      } else if (enrollment) {
        enrollment.status = EnrollmentStatus.ENROLLED;
        report.enrolled++;
      } else {
        em.create(Enrollment, { event, person: trainee });
        report.enrolled++;
      }
    }
    await em.flush();
    report.stored = true;
    return report;
  }
}

/** What storing the plan would count, without creating or changing anything. */
function dryRunReport(
  report: RosterImportReport,
  plan: { row: RosterRow; person?: Person; enrollment?: Enrollment }[],
  organizations: Map<string, Organization>,
): RosterImportReport {
  const newOrganizations = new Set<string>();
  for (const { row, person, enrollment } of plan) {
    if (row.organization && !organizations.has(orgKey(row.organization, row.country)))
      newOrganizations.add(orgKey(row.organization, row.country));
    if (person) report.peopleMatched++;
    else report.peopleCreated++;
    if (enrollment?.status === EnrollmentStatus.ENROLLED) report.alreadyEnrolled++;
    else report.enrolled++;
  }
  report.organizationsCreated = newOrganizations.size;
  return report;
}

function readHeader(
  header: string[],
  fail: (line: number, field: string | undefined, reason: string) => void,
): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  header.forEach((name, index) => {
    const k = key(name);
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

function readRow(
  line: number,
  cells: string[],
  width: number,
  columns: Map<Column, number>,
  defaultCountry: string,
  fail: (line: number, field: string | undefined, reason: string) => void,
): RosterRow | undefined {
  const before = { count: 0 };
  const problem = (field: Column | undefined, reason: string) => {
    before.count++;
    fail(line, field, reason);
  };
  if (cells.length > width) {
    problem(undefined, `${cells.length} fields, but the header has ${width}`);
    return undefined;
  }
  const get = (column: Column): string | undefined => {
    const index = columns.get(column);
    const value = clean(index === undefined ? undefined : cells[index]);
    if (!value) return undefined;
    const max = MAX_LENGTH[column];
    if (max !== undefined && value.length > max) {
      problem(column, `longer than ${max} characters`);
      return undefined;
    }
    return value;
  };

  const fullName = get('full_name');
  if (fullName === undefined && before.count === 0) problem('full_name', 'the name is missing');
  else if (fullName !== undefined && fullName.length < 2)
    problem('full_name', 'the name is shorter than 2 characters');
  const fullNameAlt = get('full_name_alt');

  const rawEmail = get('email');
  const email = rawEmail?.toLowerCase();
  if (email !== undefined && !isEmail(email))
    problem('email', `"${rawEmail}" is not an email address`);

  const rawSex = get('sex');
  const sex = rawSex === undefined ? undefined : SEXES[rawSex.toLowerCase()];
  if (rawSex !== undefined && !sex)
    problem('sex', `unknown sex "${rawSex}" (F, M, female, male, ж or м)`);

  const rawCategory = get('category');
  const category =
    rawCategory === undefined
      ? undefined
      : (enumValue(ProfessionalCategory, rawCategory) ?? CATEGORY_ALIASES[key(rawCategory)]);
  if (rawCategory !== undefined && !category)
    problem(
      'category',
      `unknown category "${rawCategory}" (one of ${Object.values(ProfessionalCategory).join(', ')})`,
    );

  const rawType = get('organization_type');
  const organizationType =
    rawType === undefined ? OrganizationType.GOVERNMENT : enumValue(OrganizationType, rawType);
  if (!organizationType)
    problem(
      'organization_type',
      `unknown organization type "${rawType}" (one of ${Object.values(OrganizationType).join(', ')})`,
    );

  const rawCountry = get('country');
  const country = rawCountry?.toUpperCase() ?? defaultCountry;
  if (!isCountryCode(country))
    problem('country', `unknown country "${rawCountry}" (an ISO code such as UZ or KZ)`);

  const rawLanguage = get('language');
  const language = rawLanguage === undefined ? undefined : LANGUAGES[languageKey(rawLanguage)];
  if (rawLanguage !== undefined && !language)
    problem(
      'language',
      `unknown language "${rawLanguage}" (en, ru or uz, or the name: English, русский, oʻzbek…)`,
    );

  const position = get('position');
  const organization = get('organization');
  get('region'); // allowed and length-checked, not stored on the person

  if (before.count > 0 || fullName === undefined || !organizationType) return undefined;
  return {
    line,
    fullName,
    fullNameAlt,
    email,
    sex,
    category,
    position,
    organization,
    organizationType,
    country,
    language,
  };
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
      reason:
        sameEmail.fullName === row.fullName
          ? `the same person as line ${sameEmail.line}`
          : `the same email as line ${sameEmail.line}, which is ${sameEmail.fullName}`,
    };
  }
  const sameName = namesakes.find((earlier) => !earlier.email || !row.email);
  if (!sameName) return undefined;
  return {
    field: 'full_name',
    reason:
      sameName.email || row.email
        ? `the same name and organization as line ${sameName.line}, without an email to tell them apart`
        : `the same person as line ${sameName.line}`,
  };
}
