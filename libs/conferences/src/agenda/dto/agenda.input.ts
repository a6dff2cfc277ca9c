import {
  Field,
  ID,
  InputType,
  Int,
  OmitType,
  PartialType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import {
  HasVisibleText,
  IsId,
  IsTimeOfDay,
  Omittable,
  TranslationInput,
  TranslationsField,
} from '@platform/core';
import { SessionKind } from '../agenda-session.entity';

@InputType()
export class SpeakerInput {
  @Field(() => ID)
  @IsId()
  personId!: string;

  @Field({ nullable: true, description: 'The title printed on the agenda.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  titleOnAgenda?: string;

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType({ description: "A speaker's title on the agenda and its translations." })
export class UpdateSpeakerInput extends PartialType(OmitType(SpeakerInput, ['personId'] as const), {
  skipNullProperties: false,
}) {}

@InputType()
export class AgendaSessionInput {
  @Field(() => Int, { description: '1 for the first day of the edition.' })
  @IsInt()
  @Min(1)
  @Max(31)
  day!: number;

  @Field({ description: 'HH:MM' })
  @IsTimeOfDay()
  startTime!: string;

  @Field({ description: 'HH:MM' })
  @IsTimeOfDay()
  endTime!: string;

  @Field(() => SessionKind)
  @IsEnum(SessionKind)
  kind!: SessionKind;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(500)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  room?: string;

  @Field(() => ID, { nullable: true, description: 'null removes the moderator.' })
  @IsOptional()
  @IsId()
  moderatorId?: string | null;

  @Field(() => [SpeakerInput], { nullable: true, description: 'In speaking order.' })
  @Omittable()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SpeakerInput)
  speakers?: SpeakerInput[];

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class UpdateAgendaSessionInput extends PartialType(
  OmitType(AgendaSessionInput, ['speakers'] as const),
  { skipNullProperties: false },
) {}

/** Earlier or later in its day's time order. */
export enum MoveDirection {
  EARLIER = 'EARLIER',
  LATER = 'LATER',
}
registerEnumType(MoveDirection, { name: 'MoveDirection' });
