import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { HasVisibleText, IsId, TranslationInput, TranslationsField } from '@platform/core';
import { FollowUpStatus } from '../recommendation.entity';

@InputType()
export class AddRecommendationInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(10)
  @MaxLength(10000)
  text!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressedTo?: string;

  @Field(() => ID, { nullable: true, description: 'The working group that drafted it.' })
  @IsOptional()
  @IsId()
  workingGroupId?: string;

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType({ description: "A recommendation's wording and its translations." })
export class UpdateRecommendationInput extends PartialType(
  OmitType(AddRecommendationInput, ['workingGroupId'] as const),
  { skipNullProperties: false },
) {}

@InputType()
export class RecordFollowUpInput {
  @Field(() => ID)
  @IsId()
  recommendationId!: string;

  @Field(() => ID, { description: 'The later edition at which progress is reported.' })
  @IsId()
  editionId!: string;

  @Field(() => FollowUpStatus)
  @IsEnum(FollowUpStatus)
  status!: FollowUpStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}
