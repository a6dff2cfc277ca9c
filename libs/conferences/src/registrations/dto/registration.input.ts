import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCountryCode, IsId, IsLocalDate, NullMeansOmitted, PageArgs } from '@platform/core';
import { RegistrationStatus } from '../registration.entity';

@InputType()
export class RegisterParticipantInput {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field(() => ID)
  @IsId()
  personId!: string;

  @Field({
    nullable: true,
    description: "The delegation's country; defaults to the person's country.",
  })
  @NullMeansOmitted()
  @IsCountryCode()
  delegationCountry?: string;
}

@InputType()
export class RegistrationFilter {
  @Field(() => RegistrationStatus, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus;

  @Field({ nullable: true, description: 'Delegation country code.' })
  @NullMeansOmitted()
  @IsCountryCode()
  delegationCountry?: string;

  @Field({ nullable: true, description: "Part of the participant's name." })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@InputType()
export class CheckInInput {
  @Field(() => ID)
  @IsId()
  registrationId!: string;

  @Field({ description: 'The conference day, YYYY-MM-DD.' })
  @IsLocalDate()
  day!: string;
}

@ArgsType()
export class RegistrationsArgs extends PageArgs {
  @Field(() => RegistrationFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => RegistrationFilter)
  filter?: RegistrationFilter;
}

@ArgsType()
export class EditionRegistrationsArgs extends RegistrationsArgs {
  @Field(() => ID)
  @IsId()
  editionId!: string;
}
