import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Actor, containing, Connection, DomainError, PageArgs, paginate } from '@platform/core';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './organizations/dto/organization.input';
import { Organization } from './organizations/organization.entity';
import { CreatePersonInput, PeopleFilter, UpdatePersonInput } from './people/dto/person.input';
import { Person } from './people/person.entity';

/**
 * The directory of people and organizations shared by conferences and trainings.
 * Staff (admins, organizers, trainers) read and edit it; a participant sees only
 * their own person.
 */
@Injectable()
export class DirectoryService {
  constructor(private readonly em: EntityManager) {}

  private requireStaff(actor: Actor): void {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isStaff)
      throw DomainError.forbidden('Only organizers, trainers and admins can use the directory.');
  }

  async listOrganizations(
    actor: Actor,
    filter: OrganizationFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Organization>> {
    this.requireStaff(actor);
    const where: FilterQuery<Organization> = { type: filter.type, country: filter.country };
    if (filter.search) {
      where.$or = [
        { name: containing(this.em, filter.search) },
        { acronym: containing(this.em, filter.search) },
      ];
    }
    return paginate(this.em, Organization, where, page, [{ name: 'asc' }, { id: 'asc' }]);
  }

  async getOrganization(actor: Actor, id: string): Promise<Organization> {
    this.requireStaff(actor);
    const organization = await this.em.findOne(Organization, id);
    if (!organization) throw DomainError.notFound('Organization', id);
    return organization;
  }

  async createOrganization(actor: Actor, input: CreateOrganizationInput): Promise<Organization> {
    this.requireStaff(actor);
    await this.assertOrganizationNameFree(input.name, input.country);
    const organization = this.em.create(Organization, { ...input, createdAt: new Date() });
    await this.flushUnique(
      'name',
      'An organization with this name already exists in this country.',
    );
    return organization;
  }

  async updateOrganization(
    actor: Actor,
    id: string,
    input: UpdateOrganizationInput,
  ): Promise<Organization> {
    const organization = await this.getOrganization(actor, id);
    const name = input.name ?? organization.name;
    const country = input.country ?? organization.country;
    if (name !== organization.name || country !== organization.country) {
      await this.assertOrganizationNameFree(name, country, id);
    }
    this.em.assign(organization, input);
    await this.flushUnique(
      'name',
      'An organization with this name already exists in this country.',
    );
    return organization;
  }

  async listPeople(
    actor: Actor,
    filter: PeopleFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<Person>> {
    this.requireStaff(actor);
    const where: FilterQuery<Person> = {
      category: filter.category,
      country: filter.country,
      organization: filter.organizationId,
    };
    if (filter.search) {
      where.$or = [
        { fullName: containing(this.em, filter.search) },
        { fullNameAlt: containing(this.em, filter.search) },
        { email: containing(this.em, filter.search.toLowerCase()) },
      ];
    }
    return paginate(this.em, Person, where, page, [{ fullName: 'asc' }, { id: 'asc' }]);
  }

  /** Staff read anyone; a participant reads only the person linked to their account. */
  async getPerson(actor: Actor, id: string): Promise<Person> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isStaff && actor.personId !== id) {
      throw DomainError.forbidden('You can only see your own profile.');
    }
    const person = await this.em.findOne(Person, id);
    if (!person) throw DomainError.notFound('Person', id);
    return person;
  }

  async createPerson(actor: Actor, input: CreatePersonInput): Promise<Person> {
    this.requireStaff(actor);
    const { organizationId, email, ...fields } = input;
    const person = this.em.create(Person, {
      ...fields,
      email: await this.freeEmail(email),
      organization: await this.organizationRef(organizationId),
      createdAt: new Date(),
    });
    await this.flushUnique('email', 'Another person already has this email.');
    return person;
  }

  async updatePerson(actor: Actor, id: string, input: UpdatePersonInput): Promise<Person> {
    this.requireStaff(actor);
    const person = await this.getPerson(actor, id);
    const { organizationId, email, ...fields } = input;
    this.em.assign(person, fields);
    if (email !== undefined) person.email = await this.freeEmail(email, id);
    if (organizationId !== undefined)
      person.organization = await this.organizationRef(organizationId);
    await this.flushUnique('email', 'Another person already has this email.');
    return person;
  }

  private async freeEmail(
    email: string | undefined,
    exceptPersonId?: string,
  ): Promise<string | undefined> {
    if (!email) return undefined;
    const normalized = email.trim().toLowerCase();
    const other = await this.em.findOne(Person, { email: normalized });
    if (other && other.id !== exceptPersonId) {
      throw DomainError.invalid(
        'email',
        `email: ${normalized} already belongs to another person`,
        'EMAIL_TAKEN',
      );
    }
    return normalized;
  }

  private async organizationRef(id: string | undefined) {
    if (!id) return undefined;
    const organization = await this.em.findOne(Organization, id);
    if (!organization)
      throw DomainError.invalid(
        'organizationId',
        `organizationId: no organization with id "${id}"`,
      );
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
        `name: "${name}" already exists in ${country}`,
        'DUPLICATE_ORGANIZATION',
      );
    }
  }

  /** Two requests racing past the checks above meet the unique index: still a clear error. */
  private async flushUnique(field: string, message: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        throw DomainError.invalid(field, `${field}: ${message}`, 'DUPLICATE');
      }
      throw error;
    }
  }
}
