import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsId, IsLocalDate } from '@platform/core';
import { AttendanceStatus } from '../attendance-mark.entity';

@InputType()
export class MarkInput {
  @Field(() => ID)
  @IsId()
  enrollmentId!: string;

  @Field(() => AttendanceStatus)
  @IsEnum(AttendanceStatus)
  status!: AttendanceStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remark?: string;
}

@InputType({ description: "A whole day's attendance for an event." })
export class MarkDayInput {
  @Field(() => ID)
  @IsId()
  eventId!: string;

  @Field({ description: 'YYYY-MM-DD, a day of the event.' })
  @IsLocalDate()
  day!: string;

  @Field(() => [MarkInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => MarkInput)
  marks!: MarkInput[];
}

@InputType({ description: 'Corrects one mark.' })
export class CorrectMarkInput {
  @Field(() => ID)
  @IsId()
  enrollmentId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  day!: string;

  @Field(() => AttendanceStatus)
  @IsEnum(AttendanceStatus)
  status!: AttendanceStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remark?: string;
}
