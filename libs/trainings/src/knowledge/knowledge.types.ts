import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsId, NullMeansOmitted, TranslatedField, Translations } from '@platform/core';
import { Enrollment } from '../enrollments/enrollment.entity';
import { IndicatorDimension, IndicatorFilter, IndicatorKey } from '../indicators/indicators.types';
import {
  KnowledgeAttemptSource,
  KnowledgeQuestionType,
  KnowledgeTestKind,
} from './knowledge-test.entity';

@InputType({ description: 'One text in the three languages; ru and uz may come later.' })
export class KnowledgeTextInput {
  @Field()
  @IsString()
  @MaxLength(2000)
  en!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  ru?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  uz?: string | null;
}

@InputType()
export class KnowledgeQuestionInput {
  @Field(() => KnowledgeQuestionType)
  @IsEnum(KnowledgeQuestionType)
  type!: KnowledgeQuestionType;

  @Field(() => KnowledgeTextInput)
  @ValidateNested()
  @Type(() => KnowledgeTextInput)
  text!: KnowledgeTextInput;

  @Field(() => [KnowledgeTextInput], {
    defaultValue: [],
    description: '2 to 10 options for SINGLE and MULTIPLE; none for TRUE_FALSE.',
  })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => KnowledgeTextInput)
  options!: KnowledgeTextInput[];

  @Field(() => [Int], {
    description:
      'The right options by index from 0: one for SINGLE, one or more for MULTIPLE, [0] (true) or [1] (false) for TRUE_FALSE.',
  })
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  correct!: number[];
}

@InputType({ description: 'A test of a programme (programmeId) or of one event (eventId).' })
export class CreateKnowledgeTestInput {
  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  eventId?: string;

  @Field(() => Int)
  @IsInt()
  passMark!: number;

  @Field(() => [KnowledgeQuestionInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KnowledgeQuestionInput)
  questions!: KnowledgeQuestionInput[];
}

@InputType({ description: 'What changes; questions, when given, replace all the questions.' })
export class UpdateKnowledgeTestInput {
  @Field(() => Int, { nullable: true })
  @NullMeansOmitted()
  @IsInt()
  passMark?: number;

  @Field(() => [KnowledgeQuestionInput], { nullable: true })
  @NullMeansOmitted()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KnowledgeQuestionInput)
  questions?: KnowledgeQuestionInput[];
}

@InputType()
export class PaperScoreInput {
  @Field(() => ID)
  @IsId()
  enrollmentId!: string;

  @Field(() => Float, { description: 'Percent correct, 0–100.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score!: number;
}

@InputType({
  description: 'Which trainees the knowledge results cover; all given conditions apply.',
})
export class KnowledgeScopeInput extends IndicatorFilter {
  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  eventId?: string;
}

/** A question as a trainee takes it: no right options. */
@ObjectType({
  description: 'A question as a trainee sees it, in the reader language; never its right options.',
})
export class KnowledgeQuestionToTake {
  @Field(() => Int) position!: number;
  @Field(() => KnowledgeQuestionType) type!: KnowledgeQuestionType;
  @TranslatedField() text!: string;
  @TranslatedField(() => [String], { description: 'None for TRUE_FALSE: 0 is true, 1 false.' })
  options!: string[];
  translations!: Translations;
}

@ObjectType({ description: "A trainee's own pre- or post-test result." })
export class MyKnowledgeAttempt {
  @Field(() => KnowledgeTestKind) kind!: KnowledgeTestKind;
  @Field(() => KnowledgeAttemptSource) source!: KnowledgeAttemptSource;
  @Field(() => Float, { description: 'Percent correct.' }) score!: number;
  @Field(() => Int) passMark!: number;
  @Field({ description: 'Score at or above the pass mark.' }) passed!: boolean;
  @Field() submittedAt!: Date;
}

@ObjectType({
  description:
    'A test as the trainee takes it: questions only while it is open to them (from the first day for PRE, the last day for POST, until taken).',
})
export class KnowledgeTestToTake {
  @Field(() => ID) eventId!: string;
  @Field(() => KnowledgeTestKind) kind!: KnowledgeTestKind;
  @Field({ description: 'Whether the trainee can take it now.' }) open!: boolean;
  @Field({ description: 'YYYY-MM-DD: the first day it can be taken.' }) opensOn!: string;
  @Field(() => Int) passMark!: number;
  @Field(() => Int) questionCount!: number;
  @Field(() => [KnowledgeQuestionToTake], { description: 'Empty unless open.' })
  questions!: KnowledgeQuestionToTake[];
  @Field(() => MyKnowledgeAttempt, { nullable: true, description: 'Once taken.' })
  attempt?: MyKnowledgeAttempt | null;
}

@ObjectType({ description: "A trainee's knowledge scores in one event." })
export class TraineeKnowledge {
  @Field(() => Float, { nullable: true }) pre?: number | null;
  @Field(() => KnowledgeAttemptSource, { nullable: true })
  preSource?: KnowledgeAttemptSource | null;
  @Field(() => Float, { nullable: true }) post?: number | null;
  @Field(() => KnowledgeAttemptSource, { nullable: true })
  postSource?: KnowledgeAttemptSource | null;
  @Field(() => Float, { nullable: true, description: 'Post minus pre, in percentage points.' })
  gain?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Post-test at or above its pass mark.' })
  mastered?: boolean | null;
  @Field(() => [KnowledgeTestKind], {
    description: 'The tests the trainee can take now (for the trainee themself).',
  })
  openTests!: KnowledgeTestKind[];
}

@ObjectType({ description: 'A trainee of the event with their scores.' })
export class TraineeKnowledgeRow extends TraineeKnowledge {
  @Field(() => Enrollment) enrollment!: Enrollment;
}

@ObjectType()
export class KnowledgeResultFigures {
  @Field(() => Int, { description: 'Distinct trainees with both a pre-test and a post-test.' })
  testedPeople!: number;
  @Field(() => Int, {
    description: 'Pairs of pre- and post-tests (a trainee tested at two events counts twice).',
  })
  pairs!: number;
  @Field(() => Int) preTests!: number;
  @Field(() => Int) postTests!: number;
  @Field(() => Float, { nullable: true, description: 'Over the pairs.' }) meanPre!: number | null;
  @Field(() => Float, { nullable: true, description: 'Over the pairs.' }) meanPost!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of post minus pre over the pairs.' })
  meanGain!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share (0–1) of the pairs where post > pre.' })
  improvedShare!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of the post-tests at or above their pass mark.',
  })
  masteredShare!: number | null;
}

@ObjectType()
export class KnowledgeResultRow extends KnowledgeResultFigures {
  @Field(() => [IndicatorKey]) keys!: IndicatorKey[];
}

@ObjectType({
  description: 'Knowledge gain of the trainees, grouped like the indicators, with totals.',
})
export class KnowledgeResults {
  @Field(() => [IndicatorDimension]) groupBy!: IndicatorDimension[];
  @Field(() => [KnowledgeResultRow]) rows!: KnowledgeResultRow[];
  @Field(() => KnowledgeResultFigures) totals!: KnowledgeResultFigures;
}
