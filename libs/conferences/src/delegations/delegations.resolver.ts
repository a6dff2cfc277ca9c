import {
  Args,
  Context,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Actor, CurrentActor, IdArg, readerLanguage } from '@platform/core';
import { EntityManager } from '@mikro-orm/core';
import { Organization, Person, ProfessionalCategory } from '@platform/directory';
import { Edition } from '../editions/edition.entity';
import { Registration } from '../registrations/registration.entity';
import { Delegation } from './delegation.entity';
import { delegationName, DelegationsService } from './delegations.service';
import {
  CreateDelegationInput,
  DeclineNominationInput,
  DelegationHeadInput,
  DelegationSeatsInput,
  InviteFocalPointInput,
  NominateInput,
  NominationLetterInput,
} from './dto/delegation.input';
import { Nomination } from './nomination.entity';

@ObjectType({ description: "A category's seats in a delegation, and how many are taken." })
export class CategorySeats {
  @Field(() => ProfessionalCategory)
  category!: ProfessionalCategory;

  @Field(() => Int)
  seats!: number;

  @Field(() => Int, { description: 'Taken by draft, submitted and approved nominations.' })
  used!: number;

  @Field(() => Int)
  left!: number;
}

@ObjectType({ description: 'An account that nominates the people of a delegation.' })
export class FocalPoint {
  @Field(() => ID)
  userId!: string;

  @Field()
  email!: string;

  @Field({ nullable: true })
  name?: string;
}

/**
 * Delegations and nominations. The organizers of an edition manage its delegations; a
 * focal point sees and nominates for their own only (DelegationAccess).
 */
@Resolver(() => Delegation)
export class DelegationsResolver {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly em: EntityManager,
  ) {}

  @Query(() => Delegation, { description: 'For its edition’s organizers and its focal points.' })
  delegation(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<Delegation> {
    return this.delegations.get(actor, id);
  }

  @Query(() => [Delegation], { description: 'The delegations you are focal point of.' })
  myDelegations(@CurrentActor() actor: Actor): Promise<Delegation[]> {
    return this.delegations.mine(actor);
  }

  @Query(() => Nomination, { description: 'For its edition’s organizers and its focal points.' })
  nomination(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<Nomination> {
    return this.delegations.nomination(actor, id);
  }

  @Mutation(() => Delegation, {
    description: 'Organizers: a delegation of a country or an organization, with its seats.',
  })
  createDelegation(@CurrentActor() actor: Actor, @Args('input') input: CreateDelegationInput) {
    return this.delegations.create(actor, input);
  }

  @Mutation(() => Delegation, {
    description: 'Organizers: never fewer seats than the nominations that take them.',
  })
  setDelegationSeats(@CurrentActor() actor: Actor, @Args('input') input: DelegationSeatsInput) {
    return this.delegations.setSeats(actor, input);
  }

  @Mutation(() => Delegation, { description: 'Organizers: who leads the delegation.' })
  setDelegationHead(@CurrentActor() actor: Actor, @Args('input') input: DelegationHeadInput) {
    return this.delegations.setHead(actor, input.delegationId, input.personId ?? null);
  }

  @Mutation(() => Boolean, {
    description: 'Organizers: only a delegation none of whose nominations was approved.',
  })
  removeDelegation(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.delegations.remove(actor, id);
  }

  @Mutation(() => Delegation, {
    description:
      'Organizers: makes the account with this email (a new one if none) a focal point of the delegation and mails a sign-in link.',
  })
  inviteFocalPoint(@CurrentActor() actor: Actor, @Args('input') input: InviteFocalPointInput) {
    return this.delegations.inviteFocalPoint(actor, input);
  }

  @Mutation(() => Delegation, {
    description: 'Organizers: the account stays, without the delegation.',
  })
  removeFocalPoint(
    @CurrentActor() actor: Actor,
    @IdArg('delegationId') delegationId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.delegations.removeFocalPoint(actor, delegationId, userId);
  }

  @Mutation(() => Nomination, {
    description: 'A draft nomination within the seats; refused beyond them, saying what is left.',
  })
  nominate(@CurrentActor() actor: Actor, @Args('input') input: NominateInput) {
    return this.delegations.nominate(actor, input);
  }

  @Mutation(() => Nomination, { description: 'The nomination letter: a PDF of at most 2 MB.' })
  uploadNominationLetter(
    @CurrentActor() actor: Actor,
    @Args('input') input: NominationLetterInput,
  ) {
    return this.delegations.uploadLetter(actor, input);
  }

  @Mutation(() => Nomination, { description: 'Sends a draft (with its letter) to the organizers.' })
  submitNomination(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.delegations.submit(actor, id);
  }

  @Mutation(() => [Nomination], {
    description: 'Sends every draft of the delegation (each with its letter) to the organizers.',
  })
  submitNominations(@CurrentActor() actor: Actor, @IdArg('delegationId') delegationId: string) {
    return this.delegations.submitAll(actor, delegationId);
  }

  @Mutation(() => Delegation, { description: 'Takes back a draft; its seat is free again.' })
  withdrawNomination(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.delegations.withdraw(actor, id);
  }

  @Mutation(() => Nomination, {
    description:
      'Organizers: registers the person (a seat if one is free, else the waitlist) for the delegation.',
  })
  approveNomination(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.delegations.approve(actor, id);
  }

  @Mutation(() => Nomination, { description: 'Organizers: with the reason the focal point reads.' })
  declineNomination(@CurrentActor() actor: Actor, @Args('input') input: DeclineNominationInput) {
    return this.delegations.decline(actor, input);
  }

  @ResolveField(() => Edition)
  edition(@Parent() delegation: Delegation): Promise<Edition> {
    return delegation.edition.loadOrFail();
  }

  @ResolveField(() => String, {
    description: "The country's or organization's name, in the reader's language.",
  })
  name(@Parent() delegation: Delegation, @Context() context: unknown): Promise<string> {
    return delegationName(this.em, delegation, readerLanguage(context));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'ISO 3166 code of a COUNTRY delegation.',
  })
  country(@Parent() delegation: Delegation): string | null {
    return delegation.country ?? null;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() delegation: Delegation): Promise<Organization> | null {
    return delegation.organization?.loadOrFail() ?? null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The head of delegation.' })
  head(@Parent() delegation: Delegation): Promise<Person> | null {
    return delegation.head?.loadOrFail() ?? null;
  }

  @ResolveField(() => Int, {
    description: 'Seats taken by draft, submitted and approved nominations.',
  })
  async seatsUsed(@Parent() delegation: Delegation): Promise<number> {
    return (await this.delegations.seatUse(delegation)).used;
  }

  @ResolveField(() => Int)
  async seatsLeft(@Parent() delegation: Delegation): Promise<number> {
    const use = await this.delegations.seatUse(delegation);
    return Math.max(0, use.seats - use.used);
  }

  @ResolveField(() => [CategorySeats], { description: 'The categories with seats of their own.' })
  async categorySeats(@Parent() delegation: Delegation): Promise<CategorySeats[]> {
    const use = await this.delegations.seatUse(delegation);
    return use.byCategory.map((c) => ({ ...c, left: Math.max(0, c.seats - c.used) }));
  }

  @ResolveField(() => [FocalPoint])
  async focalPoints(@Parent() delegation: Delegation): Promise<FocalPoint[]> {
    const users: User[] = await this.delegations.focalPoints(delegation);
    return Promise.all(
      users.map(async (user) => ({
        userId: user.id,
        email: user.email,
        name: (await user.person?.load())?.fullName,
      })),
    );
  }

  @ResolveField(() => [Nomination])
  nominations(@Parent() delegation: Delegation): Promise<Nomination[]> {
    return this.delegations.nominations(delegation);
  }
}

@Resolver(() => Nomination)
export class NominationsResolver {
  @ResolveField(() => Person)
  person(@Parent() nomination: Nomination): Promise<Person> {
    return nomination.person.loadOrFail();
  }

  @ResolveField(() => Delegation)
  delegation(@Parent() nomination: Nomination): Promise<Delegation> {
    return nomination.delegation.loadOrFail();
  }

  @ResolveField(() => Registration, { nullable: true, description: 'Once approved.' })
  registration(@Parent() nomination: Nomination): Promise<Registration> | null {
    return nomination.registration?.loadOrFail() ?? null;
  }
}

/** An edition's delegations: all for its organizers, their own for its focal points. */
@Resolver(() => Edition)
export class EditionDelegationsResolver {
  constructor(private readonly service: DelegationsService) {}

  @ResolveField(() => [Delegation], {
    description: 'Organizers see all; a focal point their own; others are refused.',
  })
  delegations(@Parent() edition: Edition, @CurrentActor() actor: Actor): Promise<Delegation[]> {
    return this.service.ofEdition(actor, edition.id);
  }
}
