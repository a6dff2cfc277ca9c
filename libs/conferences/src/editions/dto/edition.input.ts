import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsLocalDate, PageArgs } from '@platform/core';
import { EditionStatus, PartnerRole } from '../edition.entity';

@InputType()
export class CreateEditionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  seriesId!: string;

  @Field()
  @IsString()
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
  @IsOptional()
  @IsCountryCode()
  hostCountry?: string;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  city!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  endDate!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  objectives?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;
}

@InputType()
export class UpdateEditionInput {
  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; if someone saved in between, the update is refused.',
  })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  theme?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  hostCountry?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsLocalDate()
  startDate?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsLocalDate()
  endDate?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  objectives?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isPublished?: boolean;
}

@InputType()
export class EditionFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  hostCountry?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  seriesId?: string;

  @Field(() => EditionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EditionStatus)
  status?: EditionStatus;
}

@InputType()
export class PartnerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  organizationId!: string;

  @Field(() => PartnerRole)
  @IsEnum(PartnerRole)
  role!: PartnerRole;
}

@ArgsType()
export class EditionsArgs extends PageArgs {
  @Field(() => EditionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EditionFilter)
  filter?: EditionFilter;
}
