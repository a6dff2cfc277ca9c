import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  CommonErrorCode,
  containing,
  Connection,
  DomainError,
  PageArgs,
  paginate,
} from '@platform/core';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './organizations/dto/organization.input';
import { Organization } from './organizations/organization.entity';
import { PeopleAccess } from './people-access';
import { CreatePersonInput, PeopleFilter, UpdatePersonInput } from './people/dto/person.input';
import { PersonAccountsPort } from './people/person-accounts.port';
import { Person } from './people/person.entity';

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
    const organization = this.em.create(Organization, {
      ...input,
      createdAt: new Date(),
      createdBy: actor.userId ?? undefined,
    });
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
    const organization = await this.access.editableOrganization(actor, id);
    const name = input.name ?? organization.name;
    const country = input.country ?? organization.country;
    if (name !== organization.name || country !== organization.country) {
      await this.assertOrganizationNameFree(name, country, id);
    }
    this.em.assign(organization, input);
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
      where.$or = [
        { fullName: containing(this.em, filter.search) },
        { fullNameAlt: containing(this.em, filter.search) },
      ];
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
