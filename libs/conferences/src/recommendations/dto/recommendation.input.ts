import { Field, ID, InputType } from '@nestjs/graphql';
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
