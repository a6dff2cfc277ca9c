import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { IsId, IsLocalDate, NullMeansOmitted } from '@platform/core';
import { ProfessionalCategory, Sex } from '@platform/directory';

export enum TargetMeasure {
  PEOPLE_TRAINED = 'PEOPLE_TRAINED',
  PEOPLE_TRAINED_BY_SEX = 'PEOPLE_TRAINED_BY_SEX',
  PEOPLE_TRAINED_BY_CATEGORY = 'PEOPLE_TRAINED_BY_CATEGORY',
  SHARE_OF_WOMEN = 'SHARE_OF_WOMEN',
  MEAN_KNOWLEDGE_GAIN = 'MEAN_KNOWLEDGE_GAIN',
  SATISFACTION = 'SATISFACTION',
}
registerEnumType(TargetMeasure, {
  name: 'TargetMeasure',
  description:
    'People trained (completed) in all, by sex and by category; share of women among them (percent); mean knowledge gain (percentage points); mean satisfaction (1–5).',
});

@InputType()
export class SexTargetInput {
  @Field(() => Sex)
  @IsEnum(Sex)
  sex!: Sex;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  people!: number;
}

@InputType()
export class CategoryTargetInput {
  @Field(() => ProfessionalCategory)
  @IsEnum(ProfessionalCategory)
  category!: ProfessionalCategory;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  people!: number;
}

@InputType({
  description:
    "A programme's targets for a period (its events starting from `from` to `to`): replaces what was set for the same period; a target left out is not set.",
})
export class SetProgrammeTargetsInput {
  @Field(() => ID)
  @IsId()
  programmeId!: string;

  @Field({ description: 'First day of the period, YYYY-MM-DD.' })
  @IsLocalDate()
  from!: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD.' })
  @IsLocalDate()
  to!: string;

  @Field(() => Int, { nullable: true })
  @NullMeansOmitted()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  peopleTrained?: number;

  @Field(() => [SexTargetInput], { nullable: true })
  @NullMeansOmitted()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => SexTargetInput)
  peopleTrainedBySex?: SexTargetInput[];

  @Field(() => [CategoryTargetInput], { nullable: true })
  @NullMeansOmitted()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryTargetInput)
  peopleTrainedByCategory?: CategoryTargetInput[];

  @Field(() => Float, { nullable: true, description: 'Percent, 0–100.' })
  @NullMeansOmitted()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  shareOfWomen?: number;

  @Field(() => Float, { nullable: true, description: 'Percentage points, 0–100.' })
  @NullMeansOmitted()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  meanKnowledgeGain?: number;

  @Field(() => Float, { nullable: true, description: 'Mean rating, 1–5.' })
  @NullMeansOmitted()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(5)
  satisfaction?: number;
}

@ObjectType({ description: 'One measure of a period: its target, the actual figure, and how far.' })
export class TargetLine {
  @Field(() => TargetMeasure) measure!: TargetMeasure;
  @Field(() => String, {
    nullable: true,
    description: 'FEMALE or MALE by sex; a ProfessionalCategory by category; else null.',
  })
  key!: string | null;
  @Field({ description: 'e.g. "People trained: Female", in the reader language.' })
  label!: string;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Null when not known (no tested trainee, no answered evaluation).',
  })
  actual!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Actual / target × 100, one decimal; null without a target (or a target of 0) or an actual.',
  })
  percent!: number | null;
}

@ObjectType({ description: "A programme's targets for a period, against the actual figures." })
export class ProgrammeTargetPeriod {
  @Field(() => ID) id!: string;
  @Field(() => ID) programmeId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: '"2023" for a calendar year, else "2023-01-01 – 2023-06-30".' })
  label!: string;
  @Field(() => [TargetLine]) lines!: TargetLine[];
}
