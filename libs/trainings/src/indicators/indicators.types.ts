import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsCountryCode, IsId, IsLocalDate, NullMeansOmitted } from '@platform/core';

export enum IndicatorDimension {
  CATEGORY = 'CATEGORY',
  SEX = 'SEX',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  ORGANIZATION_TYPE = 'ORGANIZATION_TYPE',
  PROGRAMME = 'PROGRAMME',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(IndicatorDimension, {
  name: 'IndicatorDimension',
  description:
    "CATEGORY, SEX and ORGANIZATION_TYPE are the trainee's; COUNTRY, REGION, PROGRAMME and the periods (YEAR, QUARTER, MONTH of the start date) are the event's.",
});

export const DIMENSIONS = Object.values(IndicatorDimension);

@InputType()
export class IndicatorFilter {
  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  programmeId?: string;

  @Field({ nullable: true, description: 'Country of the event, ISO 3166 code.' })
  @NullMeansOmitted()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true, description: 'Region of the event, exactly as entered.' })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(100)
  region?: string;

  @Field({ nullable: true, description: 'Events starting on or after this day, YYYY-MM-DD.' })
  @NullMeansOmitted()
  @IsLocalDate()
  from?: string;

  @Field({ nullable: true, description: 'Events starting on or before this day, YYYY-MM-DD.' })
  @NullMeansOmitted()
  @IsLocalDate()
  to?: string;
}

@ObjectType()
export class IndicatorKey {
  @Field(() => IndicatorDimension) dimension!: IndicatorDimension;
  @Field({ description: 'The code grouped by, e.g. JUDGE, UZ, 2023-Q2 or a programme id.' })
  value!: string;
  @Field({ description: 'Readable, e.g. "Judge", "Uzbekistan", "2023 Q2".' })
  label!: string;
}

@ObjectType()
export class IndicatorFigures {
  @Field(() => Int, { description: 'Distinct people with an enrollment (withdrawn excluded).' })
  peopleEnrolled!: number;
  @Field(() => Int, { description: 'Distinct people who completed at least one event.' })
  peopleTrained!: number;
  @Field(() => Int, { description: 'Enrollments (withdrawn excluded).' })
  enrollments!: number;
  @Field(() => Int, {
    description: 'Completed enrollments: a person who completed two events counts twice.',
  })
  completions!: number;
}

@ObjectType()
export class IndicatorRow extends IndicatorFigures {
  @Field(() => [IndicatorKey], { description: 'One key per dimension grouped by, in order.' })
  keys!: IndicatorKey[];
}

@ObjectType({ description: 'People trained and enrolled, grouped, with totals.' })
export class TrainingIndicators {
  @Field(() => [IndicatorDimension]) groupBy!: IndicatorDimension[];
  @Field(() => [IndicatorRow]) rows!: IndicatorRow[];
  @Field(() => IndicatorFigures, {
    description: 'Over everything in scope; distinct people are not the sum of the rows.',
  })
  totals!: IndicatorFigures;
}
