import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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
import {
  HasVisibleText,
  IsCountryCode,
  IsId,
  IsLocalDate,
  NullMeansOmitted,
  Omittable,
  PageArgs,
  TranslationInput,
  TranslationsField,
} from '@platform/core';
import { EditionStatus, PartnerRole } from '../edition.entity';
import { IsTimeZone } from '../time-zone';

@InputType()
export class CreateEditionInput {
  @Field(() => ID)
  @IsId()
  seriesId!: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  theme?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field({ nullable: true, description: "Defaults to the series' rotation plan for the year." })
  @NullMeansOmitted()
  @IsCountryCode()
  hostCountry?: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(100)
  city!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string;

  @Field({
    nullable: true,
    description:
      "IANA time zone of the venue, e.g. Asia/Tashkent; defaults to the host country's where it has one, else UTC.",
  })
  @NullMeansOmitted()
  @IsTimeZone()
  timeZone?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  endDate!: string;

  @Field(() => [String], { nullable: true })
  @Omittable()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @HasVisibleText({ each: true })
  @MaxLength(1000, { each: true })
  objectives?: string[];

  @Field(() => Int, { nullable: true, description: 'Seats; null for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class UpdateEditionInput {
  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; if someone saved in between, the update is refused.',
  })
  @NullMeansOmitted()
  @IsInt()
  expectedVersion?: number;

  @Field({ nullable: true })
  @Omittable()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(300)
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  theme?: string | null;

  @Field({ nullable: true })
  @Omittable()
  @IsCountryCode()
  hostCountry?: string;

  @Field({ nullable: true })
  @Omittable()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(100)
  city?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @Field({ nullable: true, description: 'IANA time zone of the venue, e.g. Asia/Tashkent.' })
  @Omittable()
  @IsTimeZone()
  timeZone?: string;

  @Field({ nullable: true })
  @Omittable()
  @IsLocalDate()
  startDate?: string;

  @Field({ nullable: true })
  @Omittable()
  @IsLocalDate()
  endDate?: string;

  @Field(() => [String], { nullable: true })
  @Omittable()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @HasVisibleText({ each: true })
  @MaxLength(1000, { each: true })
  objectives?: string[];

  @Field(() => Int, { nullable: true, description: 'null for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field({ nullable: true })
  @Omittable()
  @IsBoolean()
  isPublished?: boolean;

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class EditionFilter {
  @Field(() => Int, { nullable: true })
  @NullMeansOmitted()
  @IsInt()
  year?: number;

  @Field({ nullable: true })
  @NullMeansOmitted()
  @IsCountryCode()
  hostCountry?: string;

  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  seriesId?: string;

  @Field(() => EditionStatus, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(EditionStatus)
  status?: EditionStatus;

  @Field({
    nullable: true,
    description: 'true: only the editions you manage (all of them for admins).',
  })
  @NullMeansOmitted()
  @IsBoolean()
  managed?: boolean;
}

@InputType()
export class PartnerInput {
  @Field(() => ID)
  @IsId()
  organizationId!: string;

  @Field(() => PartnerRole)
  @IsEnum(PartnerRole)
  role!: PartnerRole;
}

@ArgsType()
export class EditionsArgs extends PageArgs {
  @Field(() => EditionFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => EditionFilter)
  filter?: EditionFilter;
}
