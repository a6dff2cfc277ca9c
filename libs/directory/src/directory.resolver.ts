import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  Connection,
  countryNameIn,
  CurrentActor,
  IdArg,
  Paginated,
  readerLanguage,
} from '@platform/core';
import { DirectoryService } from './directory.service';
import { OrganizationRead, PersonRead } from './directory-reads';
import {
  CreateOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './organizations/dto/organization.input';
import { Organization } from './organizations/organization.entity';
import { CreatePersonInput, PeopleArgs, UpdatePersonInput } from './people/dto/person.input';
import { Language, Person, Sex } from './people/person.entity';
import { ProfessionalCategory } from './people/professional-category';
import { personNames, suggestedAltName } from './people/person-names';
import { PeopleAccess } from './people-access';

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
  organization(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.directory.getOrganization(actor, id);
  }

  @Mutation(() => Organization)
  createOrganization(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganizationInput) {
    return this.directory.createOrganization(actor, input);
  }

  @Mutation(() => Organization)
  updateOrganization(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateOrganizationInput,
  ) {
    return this.directory.updateOrganization(actor, id, input);
  }
}

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly access: PeopleAccess,
  ) {}

  @Query(() => PersonConnection)
  people(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: PeopleArgs,
  ): Promise<Connection<Person>> {
    return this.directory.listPeople(actor, filter, page);
  }

  @Query(() => Person)
  person(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.directory.getPerson(actor, id);
  }

  @Mutation(() => Person)
  createPerson(@CurrentActor() actor: Actor, @Args('input') input: CreatePersonInput) {
    return this.directory.createPerson(actor, input);
  }

  @Mutation(() => Person)
  updatePerson(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdatePersonInput,
  ) {
    return this.directory.updatePerson(actor, id, input);
  }

  // No parameter decorators: Nest calls it directly, once per person of a long list.
  @ResolveField(() => Organization, { nullable: true })
  organization(person: Person | PersonRead): Promise<Organization> | OrganizationRead | null {
    if (person instanceof PersonRead) return person.organization;
    return person.organization ? person.organization.loadOrFail() : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The name in Latin script: fullName or fullNameAlt, whichever is written in it. Printed on English and Uzbek certificates and mail.',
  })
  nameLatin(@Parent() person: Person): string | null {
    return personNames(person).latin ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The name in Cyrillic script: fullName or fullNameAlt, whichever is written in it. Printed on Russian certificates and mail.',
  })
  nameCyrillic(@Parent() person: Person): string | null {
    return personNames(person).cyrillic ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'For staff who may edit the person, while fullNameAlt is empty and the person is from Uzbekistan: fullName written in the other script by the Uzbek Latin–Cyrillic correspondence. Only a suggestion, stored nowhere: accept or correct it by saving it as fullNameAlt with updatePerson.',
  })
  async suggestedAltName(
    @Parent() person: Person,
    @CurrentActor() actor: Actor,
  ): Promise<string | null> {
    const suggestion = suggestedAltName(person);
    if (suggestion === undefined) return null;
    return (await this.access.mayEdit(actor, person)) ? suggestion : null;
  }

  // Beyond the name and organization, a person is visible to admins, the person themself
  // and the staff of their events (PeopleAccess); everyone else reads null.
  private async detail<T>(actor: Actor, person: Person, value: T | undefined): Promise<T | null> {
    return (await this.access.seesDetailsOf(actor, person)) ? (value ?? null) : null;
  }

  @ResolveField(() => String, { nullable: true })
  email(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.email);
  }

  @ResolveField(() => Sex, { nullable: true })
  sex(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.sex);
  }

  @ResolveField(() => ProfessionalCategory, { nullable: true })
  category(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.category);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Job title, e.g. "Senior investigator".',
  })
  position(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.position);
  }

  @ResolveField(() => String, { nullable: true, description: 'ISO 3166 country code.' })
  country(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.country);
  }

  @ResolveField(() => String, { nullable: true })
  countryName(@Parent() person: Person, @CurrentActor() actor: Actor, @Context() context: unknown) {
    return this.detail(actor, person, countryNameIn(readerLanguage(context), person.country));
  }

  @ResolveField(() => Language, {
    nullable: true,
    description: 'Language of documents and mail sent to this person.',
  })
  language(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.language);
  }

  @ResolveField(() => Date, { nullable: true })
  createdAt(@Parent() person: Person, @CurrentActor() actor: Actor) {
    return this.detail(actor, person, person.createdAt);
  }
}
