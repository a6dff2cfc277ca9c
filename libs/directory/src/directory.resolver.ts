import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, Paginated } from '@platform/core';
import { DirectoryService } from './directory.service';
import {
  CreateOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './organizations/dto/organization.input';
import { Organization } from './organizations/organization.entity';
import { CreatePersonInput, PeopleArgs, UpdatePersonInput } from './people/dto/person.input';
import { Person } from './people/person.entity';

const OrganizationConnection = Paginated(Organization);
const PersonConnection = Paginated(Person);

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => OrganizationConnection)
  organizations(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: OrganizationsArgs,
  ): Promise<Connection<Organization>> {
    return this.directory.listOrganizations(actor, filter, page);
  }

  @Query(() => Organization)
  organization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.directory.getOrganization(actor, id);
  }

  @Mutation(() => Organization)
  createOrganization(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganizationInput) {
    return this.directory.createOrganization(actor, input);
  }

  @Mutation(() => Organization)
  updateOrganization(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationInput,
  ) {
    return this.directory.updateOrganization(actor, id, input);
  }
}

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => PersonConnection)
  people(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: PeopleArgs,
  ): Promise<Connection<Person>> {
    return this.directory.listPeople(actor, filter, page);
  }

  @Query(() => Person)
  person(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.directory.getPerson(actor, id);
  }

  @Mutation(() => Person)
  createPerson(@CurrentActor() actor: Actor, @Args('input') input: CreatePersonInput) {
    return this.directory.createPerson(actor, input);
  }

  @Mutation(() => Person)
  updatePerson(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePersonInput,
  ) {
    return this.directory.updatePerson(actor, id, input);
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() person: Person): Promise<Organization> | null {
    return person.organization ? person.organization.loadOrFail() : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Visible to staff and to the person themself.',
  })
  email(@Parent() person: Person, @CurrentActor() actor: Actor): string | null {
    return actor.isStaff || actor.personId === person.id ? (person.email ?? null) : null;
  }
}
