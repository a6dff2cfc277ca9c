import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { IsId, NullMeansOmitted } from '@platform/core';

/** About 50,000 rows of a typical roster; the JSON body limit (8 MB) allows for escaping. */
export const ROSTER_MAX_CHARS = 5_000_000;

@ArgsType()
export class ImportRosterArgs {
  @Field(() => ID)
  @IsId()
  eventId!: string;

  @Field({
    description:
      'The roster file as text: CSV in UTF-8 with a header line, separated by "," or ";".',
  })
  @IsString()
  @MaxLength(ROSTER_MAX_CHARS)
  csv!: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Import the good rows and report the bad ones, instead of storing nothing.',
  })
  @NullMeansOmitted()
  @IsBoolean()
  skipBadRows: boolean = false;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'Check the file and store nothing: the report says what importing its good rows would do, and lists every bad line.',
  })
  @NullMeansOmitted()
  @IsBoolean()
  dryRun: boolean = false;
}

@ObjectType({ description: 'A good line of a roster file, and what importing it does.' })
export class RosterImportRow {
  @Field(() => Int, { description: 'Line in the file; the header is line 1.' })
  line!: number;

  @Field({ description: 'The name as written in the file.' })
  fullName!: string;

  @Field({ nullable: true, description: 'The organization as written in the file.' })
  organization?: string;

  @Field({ description: 'A person already in the directory (else a new one).' })
  matched!: boolean;

  @Field({ description: 'Already enrolled in the event: nothing changes for this line.' })
  alreadyEnrolled!: boolean;
}

@ObjectType({ description: 'Why one line of a roster file was refused.' })
export class RosterRowError {
  @Field(() => Int, { description: 'Line in the file; the header is line 1.' })
  line!: number;

  @Field({ nullable: true, description: 'The column at fault, e.g. "email".' })
  field?: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'What importing a roster file did, or would have done.' })
export class RosterImportReport {
  @Field({
    description:
      'False for a dry run, and when the file had errors and skipBadRows was not set: then nothing was stored.',
  })
  stored!: boolean;

  @Field(() => Int, { description: 'Data rows read (blank lines are not counted).' })
  rows!: number;

  @Field(() => Int) peopleCreated!: number;
  @Field(() => Int, { description: 'Rows that were people already in the directory.' })
  peopleMatched!: number;

  @Field(() => Int) organizationsCreated!: number;
  @Field(() => Int, { description: 'New enrollments (including re-enrolled withdrawn trainees).' })
  enrolled!: number;

  @Field(() => Int) alreadyEnrolled!: number;
  @Field(() => [RosterRowError]) errors!: RosterRowError[];
  @Field(() => [RosterImportRow], {
    description: 'The good lines, imported (or, in a dry run, to be imported).',
  })
  goodRows!: RosterImportRow[];
}
