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
import { Language } from '@platform/directory';

@InputType()
export class CompletionRuleInput {
  @Field(() => Int, { nullable: true, description: 'Attended at least this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  minDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Attended at least this percentage of the days.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minPercent?: number;

  @Field({ nullable: true, description: 'Count excused absences as attended (default no).' })
  @IsOptional()
  @IsBoolean()
  excusedCounts?: boolean;
}

@InputType()
export class CreateTrainingEventInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Field()
  @IsCountryCode()
  country!: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(100)
  region!: string;

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

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  endDate!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @Field(() => Language, { nullable: true })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @Field(() => CompletionRuleInput, { nullable: true, description: 'Default: attended every day.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompletionRuleInput)
  completion?: CompletionRuleInput;

  @Field(() => [ID], { nullable: true, description: 'Trainer accounts running the event.' })
  @Omittable()
  @ArrayMaxSize(20)
  @IsId({ each: true })
  trainerIds?: string[];

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class TrainingEventFilter {
  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  programmeId?: string;

  @Field({ nullable: true })
  @NullMeansOmitted()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(100)
  region?: string;

  @Field({ nullable: true, description: 'Events starting on or after this date.' })
  @NullMeansOmitted()
  @IsLocalDate()
  from?: string;

  @Field({ nullable: true, description: 'Events starting on or before this date.' })
  @NullMeansOmitted()
  @IsLocalDate()
  to?: string;
}

@ArgsType()
export class TrainingEventsArgs extends PageArgs {
  @Field(() => TrainingEventFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => TrainingEventFilter)
  filter?: TrainingEventFilter;
}
