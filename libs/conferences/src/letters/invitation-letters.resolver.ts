import { Args, Field, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, countryName, CurrentActor, IdArg } from '@platform/core';
import { formatVerificationCode } from '@platform/documents';
import { Edition } from '../editions/edition.entity';
import { Registration } from '../registrations/registration.entity';
import {
  ApproveInvitationLetterInput,
  InvitationLettersArgs,
  RequestInvitationLetterInput,
} from './dto/invitation-letter.input';
import { InvitationLetter } from './invitation-letter.entity';
import { InvitationLettersService } from './invitation-letters.service';
import { PassportData } from './passport-cipher';

@ObjectType('PassportData', {
  description:
    'The passport data of one letter: for the organizers, the person and the requester only.',
})
export class PassportDataView implements PassportData {
  @Field()
  nameAsInPassport!: string;

  @Field({ description: 'ISO 3166 two-letter code.' })
  nationality!: string;

  @Field()
  nationalityName!: string;

  @Field()
  passportNumber!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dateOfBirth!: string;
}

@Resolver(() => InvitationLetter)
export class InvitationLettersResolver {
  constructor(private readonly letters: InvitationLettersService) {}

  @Query(() => [InvitationLetter], {
    description: "An edition's invitation letters (organizers only); never their passport data.",
  })
  invitationLetters(
    @CurrentActor() actor: Actor,
    @Args() { editionId, status }: InvitationLettersArgs,
  ): Promise<InvitationLetter[]> {
    return this.letters.ofEdition(actor, editionId, status);
  }

  @Query(() => [InvitationLetter], {
    description: 'The letters you requested, or that are for you.',
  })
  myInvitationLetters(@CurrentActor() actor: Actor): Promise<InvitationLetter[]> {
    return this.letters.mine(actor);
  }

  @Query(() => InvitationLetter)
  invitationLetter(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.letters.visible(actor, id);
  }

  @Query(() => PassportDataView, {
    nullable: true,
    description:
      "One letter's passport data, for its edition's organizers, the person and the requester; null once erased.",
  })
  async invitationLetterPassport(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
  ): Promise<PassportDataView | null> {
    const { passport } = await this.letters.withPassport(actor, id);
    return passport && { ...passport, nationalityName: countryName(passport.nationality) };
  }

  @Mutation(() => InvitationLetter, {
    description:
      'The participant, or a focal point of their delegation: asks for a visa invitation letter.',
  })
  requestInvitationLetter(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestInvitationLetterInput,
  ) {
    return this.letters.request(actor, input);
  }

  @Mutation(() => InvitationLetter, {
    description: 'Organizers: numbers the letter and mails it (PDF attached).',
  })
  approveInvitationLetter(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: ApproveInvitationLetterInput,
  ) {
    return this.letters.approve(actor, id, input);
  }

  @Mutation(() => InvitationLetter, { description: 'Organizers: declines, saying why.' })
  declineInvitationLetter(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('reason', { type: () => String }) reason: string,
  ) {
    return this.letters.decline(actor, id, reason);
  }

  // No parameter decorators on the fields: Nest calls them directly (see AgendaResolver).

  @ResolveField(() => Registration)
  registration(letter: InvitationLetter): Promise<Registration> {
    return letter.registration.loadOrFail();
  }

  @ResolveField(() => Edition)
  edition(letter: InvitationLetter): Promise<Edition> {
    return letter.edition.loadOrFail();
  }

  @ResolveField(() => String, {
    description: "The participant's name, as the directory has it (not the passport's).",
  })
  async personName(letter: InvitationLetter): Promise<string> {
    const registration = await letter.registration.loadOrFail();
    return (await registration.person.loadOrFail()).fullName;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Printed on the approved letter, e.g. 7K3M-Q9X2-…; /verify/<code> checks it.',
  })
  verificationCode(letter: InvitationLetter): string | null {
    return letter.verificationCode ? formatVerificationCode(letter.verificationCode) : null;
  }
}
