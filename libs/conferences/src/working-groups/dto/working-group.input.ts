import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  HasVisibleText,
  IsId,
  Omittable,
  TranslationInput,
  TranslationsField,
} from '@platform/core';

@InputType()
export class CreateWorkingGroupInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  topic?: string;

  @Field(() => Int, { nullable: true, description: 'Members; null for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number | null;

  @Field(() => [ID], { nullable: true })
  @Omittable()
  @ArrayMaxSize(20)
  @IsId({ each: true })
  facilitatorIds?: string[];

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class UpdateWorkingGroupInput extends PartialType(
  OmitType(CreateWorkingGroupInput, ['facilitatorIds'] as const),
  { skipNullProperties: false },
) {}
