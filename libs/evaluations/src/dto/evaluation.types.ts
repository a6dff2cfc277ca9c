import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { IsId, Language, Omittable } from '@platform/core';
import { EvaluationKind, EvaluationQuestionType } from '../evaluation.entities';

export const MAX_QUESTIONS = 40;
export const MAX_TEXT = 1000;
export const MAX_ANSWER_TEXT = 4000;

@ObjectType({ description: 'A text in English, Russian and Uzbek (empty while drafted).' })
export class EvaluationText {
  @Field() en!: string;
  @Field() ru!: string;
  @Field() uz!: string;
}

@InputType()
export class EvaluationTextInput {
  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(MAX_TEXT)
  en!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(MAX_TEXT)
  ru!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(MAX_TEXT)
  uz!: string;
}

@ObjectType()
export class EvaluationQuestion {
  @Field(() => ID) id!: string;
  @Field(() => EvaluationQuestionType) type!: EvaluationQuestionType;
  @Field(() => EvaluationText) text!: EvaluationText;
  @Field(() => EvaluationText, { nullable: true, description: 'What 1 means (RATING).' })
  lowLabel?: EvaluationText;
  @Field(() => EvaluationText, { nullable: true, description: 'What 5 means (RATING).' })
  highLabel?: EvaluationText;
  @Field({ description: 'The rating the satisfaction figure reads (one per form).' })
  isSatisfaction!: boolean;
}

@InputType()
export class EvaluationQuestionInput {
  @Field(() => EvaluationQuestionType)
  @IsEnum(EvaluationQuestionType)
  type!: EvaluationQuestionType;

  @Field(() => EvaluationTextInput)
  @ValidateNested()
  @Type(() => EvaluationTextInput)
  text!: EvaluationTextInput;

  @Field(() => EvaluationTextInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  @Type(() => EvaluationTextInput)
  lowLabel?: EvaluationTextInput;

  @Field(() => EvaluationTextInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  @Type(() => EvaluationTextInput)
  highLabel?: EvaluationTextInput;

  @Field({
    nullable: true,
    description: 'Marks the satisfaction rating; default: the first RATING question.',
  })
  @IsOptional()
  @IsBoolean()
  isSatisfaction?: boolean;
}

@InputType({
  description: "An event's END or FOLLOW_UP form, created or replaced before it is sent.",
})
export class SaveEvaluationFormInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  editionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  trainingEventId?: string;

  @Field(() => EvaluationKind)
  @IsEnum(EvaluationKind)
  kind!: EvaluationKind;

  @Field(() => Int, { nullable: true, description: 'FOLLOW_UP: months after the last day (1–36).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  monthsAfter?: number;

  @Field({ defaultValue: true, description: 'Fixed once the form is sent.' })
  @IsBoolean()
  anonymous!: boolean;

  @Field(() => Int, { defaultValue: 7, description: 'Days before the one reminder (1–60).' })
  @IsInt()
  @Min(1)
  @Max(60)
  reminderDays!: number;

  @Field(() => EvaluationTextInput, { nullable: true, description: 'Shown above the questions.' })
  @Omittable()
  @ValidateNested()
  @Type(() => EvaluationTextInput)
  intro?: EvaluationTextInput;

  @Field(() => [EvaluationQuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => EvaluationQuestionInput)
  questions!: EvaluationQuestionInput[];
}

@InputType()
export class EvaluationAnswerInput {
  @Field(() => ID)
  @IsId()
  questionId!: string;

  @Field(() => Int, { nullable: true, description: 'RATING: 1 to 5.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @Field({ nullable: true, description: 'TEXT: free text.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ANSWER_TEXT)
  text?: string;
}

@InputType()
export class SubmitEvaluationInput {
  @Field({ nullable: true, description: 'The token of the mailed link (no sign-in needed).' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(100)
  token?: string;

  @Field(() => ID, { nullable: true, description: "A signed-in participant's own invitation." })
  @IsOptional()
  @IsId()
  invitationId?: string;

  @Field(() => [EvaluationAnswerInput])
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => EvaluationAnswerInput)
  answers!: EvaluationAnswerInput[];
}

@ObjectType({ description: "How far an evaluation's sending has gone." })
export class EvaluationStatus {
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int, { description: 'Got the one reminder.' }) reminded!: number;
}

@ObjectType({ description: "An event's evaluation form, for its staff." })
export class EvaluationFormView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) editionId?: string;
  @Field(() => ID, { nullable: true }) trainingEventId?: string;
  @Field(() => EvaluationKind) kind!: EvaluationKind;
  @Field(() => Int, { nullable: true }) monthsAfter?: number;
  @Field({ nullable: true, description: 'FOLLOW_UP: when it goes out by itself, YYYY-MM-DD.' })
  dueOn?: string;
  @Field() anonymous!: boolean;
  @Field(() => Int) reminderDays!: number;
  @Field(() => EvaluationText) intro!: EvaluationText;
  @Field(() => [EvaluationQuestion]) questions!: EvaluationQuestion[];
  @Field({ description: 'Every text is written in en, ru and uz: it can be sent.' })
  complete!: boolean;
  @Field({ nullable: true }) sentAt?: Date;
  @Field(() => EvaluationStatus) status!: EvaluationStatus;
}

@ObjectType({ description: 'What a respondent sees: the form, in the three languages.' })
export class EvaluationToAnswer {
  @Field(() => ID, { description: 'The invitation.' }) id!: string;
  @Field(() => EvaluationKind) kind!: EvaluationKind;
  @Field(() => EvaluationText, { description: "The event's title." }) eventTitle!: EvaluationText;
  @Field(() => Language, { description: "The invited person's language." })
  language!: Language;
  @Field() anonymous!: boolean;
  @Field() answered!: boolean;
  @Field(() => EvaluationText) intro!: EvaluationText;
  @Field(() => [EvaluationQuestion]) questions!: EvaluationQuestion[];
}

@ObjectType()
export class EvaluationRatingCount {
  @Field(() => Int) rating!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The answers to one question, never in the order they came.' })
export class EvaluationQuestionResult {
  @Field(() => EvaluationQuestion) question!: EvaluationQuestion;
  @Field(() => Int) answers!: number;
  @Field(() => [EvaluationRatingCount], { description: 'RATING: the count of each of 1–5.' })
  distribution!: EvaluationRatingCount[];
  @Field(() => Float, { nullable: true, description: 'RATING: the mean, 2 decimals.' })
  mean?: number;
  @Field(() => [String], { description: 'TEXT: the texts as written, in text order.' })
  texts!: string[];
}

@ObjectType()
export class EvaluationResults {
  @Field(() => ID) formId!: string;
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true, description: 'answered / invited, 0–1.' })
  responseRate?: number;
  @Field({
    description: 'An anonymous form shows no answers until 3 people have answered.',
  })
  withheld!: boolean;
  @Field(() => [EvaluationQuestionResult]) questions!: EvaluationQuestionResult[];
}

@ArgsType()
export class EvaluatedEventArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  editionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  trainingEventId?: string;
}

@ArgsType()
export class EvaluationTokenArgs {
  @Field({ description: 'The token of the mailed link.' })
  @IsString()
  @MinLength(10)
  @MaxLength(100)
  token!: string;
}
