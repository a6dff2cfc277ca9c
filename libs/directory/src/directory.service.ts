import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EntityManager,
  FilterQuery,
  RequiredEntityData,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import {
  Actor,
  among,
  CommonErrorCode,
  containing,
  Connection,
  dateColumn,
  DomainError,
  listParameter,
  listValues,
  PageArgs,
  paginate,
  readRows,
  searchKey,
  translate,
} from '@platform/core';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './organizations/dto/organization.input';
import { Organization } from './organizations/organization.entity';
import { PeopleAccess } from './people-access';
import { CreatePersonInput, PeopleFilter, UpdatePersonInput } from './people/dto/person.input';
import { nameKeysOf, namesakesAreOne, organizationKey, PersonRow } from './people/person-rows';
import { PersonAccountsPort } from './people/person-accounts.port';
import { Language, Person } from './people/person.entity';
import { ProfessionalCategory } from './people/professional-category';

/** A person in the directory as matchPeople reads them: what the matching rule needs. */
export interface DirectoryPerson {
  id: string;
  email: string | null;
  fullName: string;
  fullNameAlt: string | null;
  organizationId: string | null;
  createdAt: Date;
}

/** Who a person row is in the directory: a person, nobody yet, or one of several namesakes. */
export interface PersonMatch {
  person?: DirectoryPerson;
  /** Set when the row has no email and this many namesakes could be it. */
  ambiguousAmong?: number;
}

/**
 * The people whose `columns` (any of them) hold one of `values`, read as rows: an import
 * matches thousands of rows and changes few of the people it finds, so building entities
 * would be waste. One statement: the values are bound once, each column searched by its
 * own index (`or` would scan the table on PostgreSQL).
 */
async function directoryPeople(
  em: EntityManager,
  columns: ('email' | 'full_name_key' | 'full_name_alt_key')[],
  values: Set<string>,
): Promise<DirectoryPerson[]> {
  if (values.size === 0) return [];
  const rows = await readRows(
    em,
    `with wanted as (${listValues(em)}) ${columns
      .map(
        (column) => `select id, email, full_name, full_name_alt, organization_id, created_at
          from person where ${column} in (select * from wanted)`,
      )
      .join(' union ')}`,
    [listParameter(values)],
  );
  return rows.map((row) => ({
    id: row.id as string,
    email: row.email as string | null,
    fullName: row.full_name as string,
    fullNameAlt: row.full_name_alt as string | null,
    organizationId: row.organization_id as string | null,
    createdAt: dateColumn(row.created_at),
  }));
}

const oldestFirst = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** A name's key (nameKeysOf) in the same organization (by id), or without one. */
const nameKey = (key: string, organizationId: string | undefined) =>
  `${organizationId ?? ''}\u0000${key}`;

/**
 * The directory of people and organizations shared by conferences and trainings.
 * Who may see and change what is decided by PeopleAccess. Every check runs before the
 * first change, so a refused request changes nothing.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: PeopleAccess,
    private readonly accounts: PersonAccountsPort,
  ) {}

  async listOrganizations(
    actor: Actor,
    filter: OrganizationFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Organization>> {
    this.access.requireStaff(actor);
    const where: FilterQuery<Organization> = { type: filter.type, country: filter.country };
    if (filter.search) {
      where.$or = [
        { name: containing(this.em, filter.search) },
        { acronym: containing(this.em, filter.search) },
      ];
    }
    return paginate(this.em, Organization, where, page, [{ name: 'asc' }, { id: 'asc' }]);
  }

  getOrganization(actor: Actor, id: string): Promise<Organization> {
    return this.access.organization(actor, id);
  }

  async createOrganization(actor: Actor, input: CreateOrganizationInput): Promise<Organization> {
    this.access.requireStaff(actor);
    await this.assertOrganizationNameFree(input.name, input.country);
    const { translations, ...fields } = input;
    const organization = this.em.create(Organization, {
      ...fields,
      createdAt: new Date(),
      createdBy: actor.userId ?? undefined,
    });
    translate(organization, translations);
    await this.flushUnique(
      'name',
      'An organization with this name already exists in this country.',
      'DUPLICATE_ORGANIZATION',
    );
    return organization;
  }

  async updateOrganization(
    actor: Actor,
    id: string,
    input: UpdateOrganizationInput,
  ): Promise<Organization> {
    const { translations, ...changes } = input;
    const organization = await this.access.editableOrganization(actor, id);
    const name = input.name ?? organization.name;
    const country = input.country ?? organization.country;
    if (name !== organization.name || country !== organization.country) {
      await this.assertOrganizationNameFree(name, country, id);
    }
    this.em.assign(organization, changes);
    translate(organization, translations);
    await this.flushUnique(
      'name',
      'An organization with this name already exists in this country.',
      'DUPLICATE_ORGANIZATION',
    );
    return organization;
  }

  /** Staff find people by name in either script; admins by email too. */
  async listPeople(
    actor: Actor,
    filter: PeopleFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Person>> {
    this.access.requireStaff(actor);
    const where: FilterQuery<Person> = {
      category: filter.category,
      country: filter.country,
      organization: filter.organizationId,
    };
    if (filter.search) {
      // Either script, any case, any spelling of the Uzbek apostrophe (see searchKey).
      where.$or = [{ searchKey: containing(this.em, searchKey(filter.search)) }];
      // An address typed into the search would otherwise tell who it belongs to.
      if (actor.isAdmin)
        where.$or.push({ email: containing(this.em, filter.search.toLowerCase()) });
    }
    return paginate(this.em, Person, where, page, [{ fullName: 'asc' }, { id: 'asc' }]);
  }

  getPerson(actor: Actor, id: string): Promise<Person> {
    return this.access.readable(actor, id);
  }

  async createPerson(actor: Actor, input: CreatePersonInput): Promise<Person> {
    this.access.requireStaff(actor);
    const { organizationId, email, ...fields } = input;
    const address = normalizedEmail(email);
    if (address) await this.assertEmailFree(address);
    const organization = await this.organizationRef(organizationId);
    const person = this.em.create(Person, {
      ...fields,
      email: address,
      organization,
      createdAt: new Date(),
      createdBy: actor.userId ?? undefined,
    });
    await this.flushUnique(
      'email',
      'Another person already has this email.',
      CommonErrorCode.EMAIL_TAKEN,
    );
    return person;
  }

  async updatePerson(actor: Actor, id: string, input: UpdatePersonInput): Promise<Person> {
    const person = await this.access.editable(actor, id);
    const { organizationId, email, ...fields } = input;
    const address = email === undefined ? person.email : normalizedEmail(email);
    const emailChanges = address !== person.email;
    const hasAccount =
      emailChanges &&
      (await this.accounts.accounts.withAccount(this.em, [person.id])).has(person.id);
    if (emailChanges) {
      await this.access.assertMayChangeEmail(actor, person);
      if (!address && hasAccount) {
        throw DomainError.invalid(
          'email',
          `${person.fullName} has an account and logs in with this address; it cannot be removed`,
        );
      }
      if (address) await this.assertEmailFree(address, id);
    }
    const organization =
      organizationId === undefined
        ? person.organization
        : await this.organizationRef(organizationId);
    try {
      await this.em.transactional(async (em) => {
        em.assign(person, { ...fields, email: address, organization });
        if (hasAccount && address)
          await this.accounts.accounts.emailChanged(em, person.id, address);
      });
    } catch (error) {
      throw this.uniqueAsInvalid(
        error,
        'email',
        'Another person already has this email.',
        CommonErrorCode.EMAIL_TAKEN,
      );
    }
    return person;
  }

  // --- batches: many people at once (roster imports), a few statements each ---------
  // Rows are read by validatePersonRow (people/person-rows.ts). These methods run in the
  // caller's transaction (`em`) and create without flushing; the caller flushes once.
  // People and organizations created from a file have no createdBy: admins keep them.

  /**
   * The organizations the rows name, by organizationKey(name, country): the name as typed,
   * else one written with other apostrophes, case or script (the oldest if several are).
   */
  async findOrganizations(
    em: EntityManager,
    rows: Pick<PersonRow, 'organization' | 'country'>[],
  ): Promise<Map<string, Organization>> {
    const names = new Set(rows.flatMap((row) => (row.organization ? [row.organization] : [])));
    const candidates = await em.find(Organization, {
      nameKey: among(em, new Set([...names].map((name) => searchKey(name)))),
    });
    const typedFirst = (o: Organization) => (names.has(o.name) ? 0 : 1);
    candidates.sort((a, b) => typedFirst(a) - typedFirst(b) || oldestFirst(a, b));
    const found = new Map<string, Organization>();
    for (const organization of candidates) {
      const k = organizationKey(organization.name, organization.country);
      if (!found.has(k)) found.set(k, organization);
    }
    return found;
  }

  /**
   * Who each row is, by the directory's rule: the person with its email; else its
   * namesake (a person with one of its names by nameKeysOf, in the same organization, or
   * both without one) unless both have different emails (see namesakesAreOne). A row
   * without an email that fits several namesakes is ambiguous. `organizations` is what
   * findOrganizations found.
   */
  async matchPeople(
    em: EntityManager,
    rows: PersonRow[],
    organizations: Map<string, Organization>,
  ): Promise<PersonMatch[]> {
    const byEmail = new Map<string, DirectoryPerson>();
    const emails = new Set(rows.flatMap((row) => (row.email ? [row.email] : [])));
    for (const person of await directoryPeople(em, ['email'], emails))
      byEmail.set(person.email!, person);
    // Every namesake under each of their names: which of them a row is depends on its email.
    const keys = new Set(
      rows.filter((row) => !row.email || !byEmail.has(row.email)).flatMap((row) => row.nameKeys),
    );
    const namesakes = await directoryPeople(em, ['full_name_key', 'full_name_alt_key'], keys);
    const byName = new Map<string, DirectoryPerson[]>();
    for (const person of namesakes) {
      for (const key of nameKeysOf(person)) {
        const k = nameKey(key, person.organizationId ?? undefined);
        byName.set(k, [...(byName.get(k) ?? []), person]);
      }
    }
    return rows.map((row) => {
      const person = row.email ? byEmail.get(row.email) : undefined;
      if (person) return { person };
      const organization = row.organizationKey ? organizations.get(row.organizationKey) : undefined;
      // A new organization has no people yet.
      if (row.organization && !organization) return {};
      const ones = [
        ...new Set(row.nameKeys.flatMap((key) => byName.get(nameKey(key, organization?.id)) ?? [])),
      ]
        .filter((namesake) => namesakesAreOne(namesake, row))
        .sort(oldestFirst);
      if (!row.email && ones.length > 1) return { ambiguousAmong: ones.length };
      return { person: ones[0] };
    });
  }

  /**
   * The row's organization: found, or created (and added to `organizations`) with the
   * row's organization type and country.
   */
  findOrCreateOrganization(
    em: EntityManager,
    row: PersonRow,
    organizations: Map<string, Organization>,
  ): { organization?: Organization; created: boolean } {
    if (!row.organization || !row.organizationKey) return { created: false };
    const k = row.organizationKey;
    const found = organizations.get(k);
    if (found) return { organization: found, created: false };
    const organization = em.create(Organization, {
      name: row.organization,
      type: row.organizationType,
      country: row.country,
    });
    organizations.set(k, organization);
    return { organization, created: true };
  }

  /**
   * A new person from the row (category OTHER unless given; `language` unless the row
   * gives one) as the row of the person table, complete with what the entity's defaults
   * and create hooks would set: the caller stores thousands at once with insertNew.
   */
  newPersonRow(
    row: PersonRow,
    organization: Organization | undefined,
    language: Language,
  ): RequiredEntityData<Person> & { id: string } {
    return {
      id: randomUUID(),
      fullName: row.fullName,
      fullNameAlt: row.fullNameAlt,
      ...row.keys,
      email: row.email,
      sex: row.sex,
      category: row.category ?? ProfessionalCategory.OTHER,
      position: row.position,
      organization: organization?.id,
      country: row.country,
      language: row.language ?? language,
      createdAt: new Date(),
    };
  }

  private async assertEmailFree(address: string, exceptPersonId?: string): Promise<void> {
    const other = await this.em.findOne(Person, { email: address });
    if (other && other.id !== exceptPersonId) {
      throw DomainError.invalid(
        'email',
        `${address} already belongs to another person`,
        CommonErrorCode.EMAIL_TAKEN,
      );
    }
  }

  private async organizationRef(id: string | undefined | null) {
    if (!id) return undefined;
    const organization = await this.em.findOne(Organization, id);
    if (!organization)
      throw DomainError.invalid('organizationId', `no organization with id "${id}"`);
    return this.em.getReference(Organization, id, { wrapped: true });
  }

  private async assertOrganizationNameFree(
    name: string,
    country: string,
    exceptId?: string,
  ): Promise<void> {
    const other = await this.em.findOne(Organization, { name, country });
    if (other && other.id !== exceptId) {
      throw DomainError.invalid(
        'name',
        `"${name}" already exists in ${country}`,
        'DUPLICATE_ORGANIZATION',
      );
    }
  }

  /** Two requests racing past the checks above meet the unique index: still a clear error. */
  private async flushUnique(field: string, problem: string, reason: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      throw this.uniqueAsInvalid(error, field, problem, reason);
    }
  }

  /** The value the client typed into `field` is taken: BAD_USER_INPUT naming it. */
  private uniqueAsInvalid(error: unknown, field: string, problem: string, reason: string): unknown {
    if (!(error instanceof UniqueConstraintViolationException)) return error;
    this.em.clear();
    return DomainError.invalid(field, problem, reason);
  }
}

function normalizedEmail(email: string | null | undefined): string | undefined {
  return email ? email.trim().toLowerCase() : undefined;
}
