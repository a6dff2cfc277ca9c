import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCountryCode, IsLocalDate, PageArgs } from '@platform/core';
import { RegistrationStatus } from '../registration.entity';

@InputType()
export class RegisterParticipantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  editionId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  personId!: string;

  @Field({
    nullable: true,
    description: "The delegation's country; defaults to the person's country.",
  })
  @IsOptional()
  @IsCountryCode()
  delegationCountry?: string;
}

@InputType()
export class RegistrationFilter {
  @Field(() => RegistrationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus;

  @Field({ nullable: true, description: 'Delegation country code.' })
  @IsOptional()
  @IsCountryCode()
  delegationCountry?: string;

  @Field({ nullable: true, description: "Part of the participant's name." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@InputType()
export class CheckInInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  registrationId!: string;

  @Field({ description: 'The conference day, YYYY-MM-DD.' })
  @IsLocalDate()
  day!: string;
}

@ArgsType()
export class RegistrationsArgs extends PageArgs {
  @Field(() => RegistrationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationFilter)
  filter?: RegistrationFilter;
}

@ArgsType()
export class EditionRegistrationsArgs extends RegistrationsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  editionId!: string;
}
