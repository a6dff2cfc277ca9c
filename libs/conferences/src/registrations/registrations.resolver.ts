import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, IdArg, Paginated, readerLanguage } from '@platform/core';
import { EntityManager } from '@mikro-orm/core';
import { Person, PersonRead } from '@platform/directory';
import { Edition } from '../editions/edition.entity';
import { RegistrationRead } from '../editions/edition-read-model';
import {
  CheckInInput,
  EditionRegistrationsArgs,
  RegisterParticipantInput,
  RegistrationsArgs,
} from './dto/registration.input';
import { EditionParticipation, ParticipationService } from './participation';
import { CheckIn, Registration } from './registration.entity';
import { RegistrationsService } from './registrations.service';

const RegistrationConnection = Paginated(Registration);

@Resolver(() => Registration)
export class RegistrationsResolver {
  constructor(
    private readonly registrationsService: RegistrationsService,
    private readonly em: EntityManager,
  ) {}

  @Query(() => RegistrationConnection, {
    description: "An edition's registrations (organizers only).",
  })
  registrations(
    @CurrentActor() actor: Actor,
    @Args() { editionId, filter, ...page }: EditionRegistrationsArgs,
  ): Promise<Connection<Registration>> {
    return this.registrationsService.list(actor, editionId, filter, page);
  }

  @Query(() => [Registration], { description: "The logged-in participant's own registrations." })
  myRegistrations(@CurrentActor() actor: Actor): Promise<Registration[]> {
    return this.registrationsService.mine(actor);
  }

  @Query(() => Registration, { description: 'Your own, or one of an edition you organize.' })
  registration(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.registrationsService.get(actor, id);
  }

  @Mutation(() => Registration, {
    description: 'Organizers: a seat if one is free, else the waitlist.',
  })
  registerParticipant(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterParticipantInput,
  ) {
    return this.registrationsService.register(actor, input);
  }

  @Mutation(() => Registration)
  inviteParticipant(@CurrentActor() actor: Actor, @Args('input') input: RegisterParticipantInput) {
    return this.registrationsService.invite(actor, input);
  }

  @Mutation(() => Registration, {
    description: 'Participants: register yourself, or accept your invitation.',
  })
  registerForEdition(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('listed', {
      type: () => Boolean,
      nullable: true,
      description: 'Whether you agree to appear in the public list of participants.',
    })
    listed?: boolean | null,
  ) {
    return this.registrationsService.registerSelf(actor, editionId, listed ?? undefined);
  }

  @Mutation(() => Registration)
  confirmRegistration(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.registrationsService.confirm(actor, id);
  }

  @Mutation(() => Registration)
  declineInvitation(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.registrationsService.decline(actor, id);
  }

  @Mutation(() => Registration, {
    description: 'Frees the seat for the first person on the waitlist.',
  })
  cancelRegistration(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.registrationsService.cancel(actor, id);
  }

  @Mutation(() => Registration)
  checkIn(@CurrentActor() actor: Actor, @Args('input') input: CheckInInput) {
    return this.registrationsService.checkIn(actor, input);
  }

  @Mutation(() => Registration)
  undoCheckIn(@CurrentActor() actor: Actor, @Args('input') input: CheckInInput) {
    return this.registrationsService.undoCheckIn(actor, input);
  }

  // No parameter decorators on the fields: Nest calls them directly (see AgendaResolver).

  @ResolveField(() => Person)
  person(registration: Registration | RegistrationRead): Promise<Person> | PersonRead {
    if (registration instanceof RegistrationRead) return registration.person;
    return registration.person.loadOrFail();
  }

  @ResolveField(() => Edition)
  edition(registration: Registration | RegistrationRead): Promise<Edition> | Edition {
    if (registration instanceof RegistrationRead) return registration.edition;
    return registration.edition.loadOrFail();
  }

  @ResolveField(() => [CheckIn], { description: 'The days the participant was checked in.' })
  async checkIns(registration: Registration | RegistrationRead): Promise<CheckIn[]> {
    // A read object's check-ins load through its entity reference, batched like the rest.
    const entity =
      registration instanceof RegistrationRead
        ? this.em.getReference(Registration, registration.id)
        : registration;
    return (await entity.checkIns.load()).getItems();
  }
}

/** An edition's registrations and participation figures, for its organizers. */
@Resolver(() => Edition)
export class EditionRegistrationsResolver {
  constructor(
    private readonly registrationsService: RegistrationsService,
    private readonly participationService: ParticipationService,
  ) {}

  @ResolveField(() => RegistrationConnection, {
    description: 'Organizers only.',
  })
  registrations(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: RegistrationsArgs,
  ): Promise<Connection<Registration>> {
    return this.registrationsService.list(actor, edition.id, filter, page);
  }

  @ResolveField(() => EditionParticipation, {
    description: "Organizers only. Labels and summary in the reader's language.",
  })
  participation(
    @Parent() edition: Edition,
    @CurrentActor() actor: Actor,
    @Context() context: unknown,
  ): Promise<EditionParticipation> {
    return this.participationService.forEdition(actor, edition.id, readerLanguage(context));
  }
}
