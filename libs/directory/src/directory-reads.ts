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
import { OrganizationType } from './organizations/organization.entity';
import { Language, Sex } from './people/person.entity';
import { ProfessionalCategory } from './people/professional-category';

/**
 * People and organizations read for display as plain objects, not entities: pages that
 * list hundreds of them (an edition's agenda and working groups) would spend most of
 * their time hydrating entities. They carry the same GraphQL fields as Person and
 * Organization; their resolvers serve both (a read object has its organization at hand).
 */
export class OrganizationRead {
  constructor(
    readonly id: string,
    readonly translations: Translations,
    readonly name: string,
    readonly acronym: string | null,
    readonly type: OrganizationType,
    readonly country: string,
    private readonly createdAtColumn: unknown,
    readonly createdBy: string | null,
  ) {}

  /** Parsed when asked for: the pages that read organizations in bulk seldom show it. */
  get createdAt(): Date {
    return dateColumn(this.createdAtColumn);
  }

  static fromRow(row: Row): OrganizationRead {
    return new OrganizationRead(
      row.id as string,
      jsonColumn(row.translations) as Translations,
      row.name as string,
      row.acronym as string | null,
      row.type as OrganizationType,
      row.country as string,
      row.created_at,
      row.created_by as string | null,
    );
  }

  translatableTexts(): TranslatableTexts {
    const { name, acronym } = this;
    return { name, acronym };
  }

  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

export class PersonRead {
  constructor(
    readonly id: string,
    readonly fullName: string,
    readonly fullNameAlt: string | null,
    readonly email: string | null,
    readonly sex: Sex | null,
    readonly category: ProfessionalCategory,
    readonly position: string | null,
    readonly organization: OrganizationRead | null,
    readonly country: string,
    readonly language: Language,
    private readonly createdAtColumn: unknown,
    readonly createdBy: string | null,
  ) {}

  /** Parsed when asked for: the pages that read people in bulk seldom show it. */
  get createdAt(): Date {
    return dateColumn(this.createdAtColumn);
  }

  static fromRow(row: Row, organization: OrganizationRead | null): PersonRead {
    return new PersonRead(
      row.id as string,
      row.full_name as string,
      row.full_name_alt as string | null,
      row.email as string | null,
      row.sex as Sex | null,
      row.category as ProfessionalCategory,
      row.position as string | null,
      organization,
      row.country as string,
      row.language as Language,
      row.created_at,
      row.created_by as string | null,
    );
  }
}

/** Organizations by id, in one statement. */
export async function readOrganizations(
  em: EntityManager,
  ids: Iterable<string>,
): Promise<Map<string, OrganizationRead>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, OrganizationRead>();
  if (unique.length === 0) return found;
  const rows = await readRows(
    em,
    `select * from organization where id in (${placeholders(unique.length)})`,
    unique,
  );
  for (const row of rows) found.set(row.id as string, OrganizationRead.fromRow(row));
  return found;
}

/** People by id with their organizations, in two statements. */
export async function readPeople(
  em: EntityManager,
  ids: Iterable<string>,
): Promise<Map<string, PersonRead>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, PersonRead>();
  if (unique.length === 0) return found;
  const rows = await readRows(
    em,
    `select * from person where id in (${placeholders(unique.length)})`,
    unique,
  );
  const organizations = await readOrganizations(
    em,
    rows.flatMap((row) => (row.organization_id ? [row.organization_id as string] : [])),
  );
  for (const row of rows) {
    const organization = row.organization_id
      ? (organizations.get(row.organization_id as string) ?? null)
      : null;
    found.set(row.id as string, PersonRead.fromRow(row, organization));
  }
  return found;
}
