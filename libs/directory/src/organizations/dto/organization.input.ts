import { ArgsType, Field, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
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
  NullMeansOmitted,
  PageArgs,
  TranslationInput,
  TranslationsField,
} from '@platform/core';
import { ORGANIZATION_NAME_MAX_LENGTH, OrganizationType } from '../organization.entity';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(ORGANIZATION_NAME_MAX_LENGTH)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  acronym?: string;

  @Field(() => OrganizationType)
  @IsEnum(OrganizationType)
  type!: OrganizationType;

  @Field({ description: 'ISO 3166 country code, e.g. UZ.' })
  @IsCountryCode()
  country!: string;

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class UpdateOrganizationInput extends PartialType(CreateOrganizationInput, {
  skipNullProperties: false,
}) {}

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationType, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(OrganizationType)
  type?: OrganizationType;

  @Field({ nullable: true })
  @NullMeansOmitted()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true, description: 'Part of the name or acronym.' })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** A page of organizations; filter and page travel as one arguments object so both are validated. */
@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;
}
