import {
  Args,
  Context,
  Field,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg, readerLanguage } from '@platform/core';
import { Registration, RegistrationStatus } from '../registrations/registration.entity';
import {
  ParticipantListScope,
  ParticipantListService,
  ParticipantRow,
} from './participant-list.service';

registerEnumType(ParticipantListScope, {
  name: 'ParticipantListScope',
  valuesMap: {
    PUBLIC: { description: 'Seated people who agreed to be listed; public once published.' },
    INTERNAL: { description: 'Everyone, with status and consent: organizers only.' },
  },
});

@ObjectType({ description: 'One person on the list of participants.' })
export class ParticipantListEntry implements ParticipantRow {
  @Field({ description: "The delegation's country or organization, in the reader's language." })
  delegation!: string;

  @Field({ nullable: true })
  organization?: string;

  @Field({ description: "In the script of the reader's language where both are known." })
  name!: string;

  @Field({ nullable: true })
  position?: string;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Internal list only.' })
  status?: RegistrationStatus;

  @Field({ nullable: true, description: 'Internal list only: agreed to be listed.' })
  listed?: boolean;
}

@Resolver()
export class ParticipantListResolver {
  constructor(private readonly list: ParticipantListService) {}

  @Query(() => [ParticipantListEntry], {
    description:
      "An edition's list of participants by delegation and organization, in the reader's language.",
  })
  participantList(
    @CurrentActor() actor: Actor,
    @IdArg('editionId') editionId: string,
    @Args('scope', {
      type: () => ParticipantListScope,
      defaultValue: ParticipantListScope.PUBLIC,
    })
    scope: ParticipantListScope,
    @Context() context: unknown,
  ): Promise<ParticipantRow[]> {
    return this.list.rows(actor, editionId, scope, readerLanguage(context));
  }

  @Mutation(() => Registration, {
    description: 'The participant: agree (or no longer agree) to appear in the public list.',
  })
  setListedConsent(
    @CurrentActor() actor: Actor,
    @IdArg('registrationId') registrationId: string,
    @Args('listed') listed: boolean,
  ): Promise<Registration> {
    return this.list.setListed(actor, registrationId, listed);
  }
}
