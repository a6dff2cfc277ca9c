import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HasVisibleText, IsCountryCode, IsId, Omittable } from '@platform/core';
import { Language, ProfessionalCategory, Sex } from '@platform/directory';
import { DelegationKind } from '../delegation.entity';

/** The most seats one delegation can have. */
export const MAX_SEATS = 500;

@InputType({ description: 'At most this many seats of the delegation for one category.' })
export class CategorySeatsInput {
  @Field(() => ProfessionalCategory)
  @IsEnum(ProfessionalCategory)
  category!: ProfessionalCategory;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seats!: number;
}

@InputType()
export class CreateDelegationInput {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field(() => DelegationKind)
  @IsEnum(DelegationKind)
  kind!: DelegationKind;

  @Field({ nullable: true, description: 'ISO 3166 country code; for a COUNTRY delegation.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => ID, { nullable: true, description: 'For an ORGANIZATION delegation.' })
  @IsOptional()
  @IsId()
  organizationId?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS)
  seats!: number;

  @Field(() => [CategorySeatsInput], { nullable: true })
  @Omittable()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategorySeatsInput)
  categorySeats?: CategorySeatsInput[];
}

@InputType()
export class DelegationSeatsInput {
  @Field(() => ID)
  @IsId()
  delegationId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS)
  seats!: number;

  @Field(() => [CategorySeatsInput], {
    description: 'The seats per category; a category left out has no seats of its own.',
  })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategorySeatsInput)
  categorySeats!: CategorySeatsInput[];
}

@InputType()
export class InviteFocalPointInput {
  @Field(() => ID)
  @IsId()
  delegationId!: string;

  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'The focal point’s full name, for a new account.' })
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  fullName!: string;

  @Field(() => Language, { description: 'The language of their mail.' })
  @IsEnum(Language)
  language!: Language;
}

@InputType({
  description:
    'Someone to nominate: an existing person (personId, or the exact email of one), or a new person with the name in Latin and Cyrillic.',
})
export class NominateInput {
  @Field(() => ID)
  @IsId()
  delegationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An existing person: organizers any, focal points those they added.',
  })
  @IsOptional()
  @IsId()
  personId?: string;

  @Field({
    nullable: true,
    description: 'The person with exactly this email, or the new person’s email.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true, description: 'A new person’s name in Latin letters.' })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  nameLatin?: string;

  @Field({ nullable: true, description: 'A new person’s name in Cyrillic letters.' })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  nameCyrillic?: string;

  @Field(() => Sex, { nullable: true })
  @IsOptional()
  @IsEnum(Sex)
  sex?: Sex;

  @Field(() => ID, { nullable: true, description: 'A new person’s organization.' })
  @IsOptional()
  @IsId()
  organizationId?: string;

  @Field(() => Language, { nullable: true, description: 'A new person’s language; default EN.' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @Field({ nullable: true, description: 'A new person’s position.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;

  @Field(() => ProfessionalCategory, { description: 'The category whose seats it takes.' })
  @IsEnum(ProfessionalCategory)
  category!: ProfessionalCategory;

  @Field({ description: 'The person agreed to appear in the public list of participants.' })
  @IsBoolean()
  listed!: boolean;
}

@InputType()
export class NominationLetterInput {
  @Field(() => ID)
  @IsId()
  nominationId!: string;

  @Field({ description: 'The nomination letter: a PDF of at most 2 MB, encoded in base64.' })
  @IsString()
  letter!: string;
}

@InputType()
export class DeclineNominationInput {
  @Field(() => ID)
  @IsId()
  nominationId!: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

@InputType()
export class DelegationHeadInput {
  @Field(() => ID)
  @IsId()
  delegationId!: string;

  @Field(() => ID, { nullable: true, description: 'The head of delegation; null for none.' })
  @IsOptional()
  @IsId()
  personId?: string | null;
}
