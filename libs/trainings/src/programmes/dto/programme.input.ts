import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  HasVisibleText,
  IsId,
  Omittable,
  TranslationInput,
  TranslationsField,
} from '@platform/core';
import { ProfessionalCategory } from '@platform/directory';

@InputType()
export class CreateProgrammeInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => ID, { description: 'The organization that runs the programme.' })
  @IsId()
  ownerId!: string;

  @Field(() => [ID], { nullable: true, description: 'Donor organizations.' })
  @Omittable()
  @ArrayMaxSize(20)
  @IsId({ each: true })
  funderIds?: string[];

  @Field(() => [ProfessionalCategory], { nullable: true })
  @Omittable()
  @ArrayMaxSize(20)
  @IsEnum(ProfessionalCategory, { each: true })
  targetCategories?: ProfessionalCategory[];

  @Field(() => [String], { nullable: true })
  @Omittable()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @HasVisibleText({ each: true })
  @MaxLength(300, { each: true })
  topics?: string[];

  @TranslationsField()
  translations?: TranslationInput[];
}
