import { ArgsType, Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  HasVisibleText,
  IsCountryCode,
  IsId,
  NullMeansOmitted,
  Omittable,
  PageArgs,
} from '@platform/core';
import { Language, Sex } from '../person.entity';
import { ProfessionalCategory } from '../professional-category';
import { PERSON_TEXT_LIMITS } from '../person-rows';

@InputType()
export class CreatePersonInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(PERSON_TEXT_LIMITS.fullName)
  fullName!: string;

  @Field({ nullable: true, description: 'The name in another script, e.g. Cyrillic.' })
  @IsOptional()
  @IsString()
  @MaxLength(PERSON_TEXT_LIMITS.fullNameAlt)
  fullNameAlt?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(PERSON_TEXT_LIMITS.email)
  email?: string;

  @Field(() => Sex, { nullable: true })
  @IsOptional()
  @IsEnum(Sex)
  sex?: Sex;

  @Field(() => ProfessionalCategory, { nullable: true, description: 'Default OTHER.' })
  @Omittable()
  @IsEnum(ProfessionalCategory)
  category?: ProfessionalCategory;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PERSON_TEXT_LIMITS.position)
  position?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  organizationId?: string;

  @Field({ description: 'ISO 3166 country code, e.g. UZ.' })
  @IsCountryCode()
  country!: string;

  @Field(() => Language, { nullable: true, description: 'Default EN.' })
  @Omittable()
  @IsEnum(Language)
  language?: Language;
}

@InputType()
export class UpdatePersonInput extends PartialType(CreatePersonInput, {
  skipNullProperties: false,
}) {}

@InputType()
export class PeopleFilter {
  @Field({ nullable: true, description: 'Part of the name (either script) or the email.' })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ProfessionalCategory, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(ProfessionalCategory)
  category?: ProfessionalCategory;

  @Field({ nullable: true })
  @NullMeansOmitted()
  @IsCountryCode()
  country?: string;

  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  organizationId?: string;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PeopleFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => PeopleFilter)
  filter?: PeopleFilter;
}
