import { ArgsType, Field, ID, InputType, ObjectType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RegistrationStatus } from '@platform/conferences';
import {
  HasVisibleText,
  IsCountryCode,
  IsId,
  NullMeansOmitted,
  PageArgs,
  LANGUAGES,
} from '@platform/core';
import { OutboxState } from '@platform/mail';
import { MailTemplate } from '../mail-catalog';

@InputType({
  description: 'Who gets a mailing: exactly one of editionId, workingGroupId, trainingEventId.',
})
export class AudienceInput {
  @Field(() => ID, { nullable: true, description: 'Registrations of an edition.' })
  @IsOptional()
  @IsId()
  editionId?: string;

  @Field(() => [RegistrationStatus], {
    nullable: true,
    description: 'With editionId: these statuses only (default REGISTERED and CONFIRMED).',
  })
  @NullMeansOmitted()
  @ArrayMaxSize(6)
  @IsEnum(RegistrationStatus, { each: true })
  statuses?: RegistrationStatus[];

  @Field({ nullable: true, description: 'With editionId: one delegation country (ISO code).' })
  @NullMeansOmitted()
  @IsCountryCode()
  delegationCountry?: string;

  @Field(() => ID, { nullable: true, description: 'Members of a working group.' })
  @IsOptional()
  @IsId()
  workingGroupId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Trainees of a training event who completed it.',
  })
  @IsOptional()
  @IsId()
  trainingEventId?: string;
}

@InputType()
export class MailingInput {
  @Field(() => MailTemplate)
  @IsEnum(MailTemplate)
  template!: MailTemplate;

  @Field(() => AudienceInput)
  @ValidateNested()
  @Type(() => AudienceInput)
  audience!: AudienceInput;
}

@ObjectType()
export class MailSample {
  @Field() to!: string;
  @Field() language!: string;
  @Field() subject!: string;
  @Field() text!: string;
  @Field() html!: string;
}

@ObjectType({ description: 'What a mailing would do; nothing is queued.' })
export class MailingPreview {
  @Field(() => Int, { description: 'People in the audience with an email address.' })
  recipients!: number;
  @Field(() => Int, { description: 'People in the audience without one (they get nothing).' })
  withoutEmail!: number;
  @Field(() => MailSample, { nullable: true, description: 'The message of the first recipient.' })
  sample?: MailSample;
}

@ObjectType()
export class MailingResult {
  @Field(() => Int) queued!: number;
  @Field(() => Int, { description: 'Already queued or sent earlier: not queued again.' })
  alreadyQueued!: number;
  @Field(() => Int) withoutEmail!: number;
}

@InputType({ description: "An edition's own subject and body for a template in one language." })
export class TemplateOverrideInput {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field(() => MailTemplate)
  @IsEnum(MailTemplate)
  template!: MailTemplate;

  @Field({ description: 'en, ru or uz' })
  @IsIn([...LANGUAGES], { message: 'must be en, ru or uz' })
  language!: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MaxLength(300)
  subject!: string;

  @Field({ description: 'Plain text with {{placeholders}}; paragraphs separated by a blank line.' })
  @IsString()
  @HasVisibleText()
  @MaxLength(20_000)
  body!: string;
}

@InputType()
export class OutboxFilter {
  @Field(() => OutboxState, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(OutboxState)
  state?: OutboxState;

  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  editionId?: string;

  @Field(() => ID, { nullable: true })
  @NullMeansOmitted()
  @IsId()
  trainingEventId?: string;

  @Field({ nullable: true, description: 'The recipient’s address.' })
  @NullMeansOmitted()
  @IsEmail({}, { message: 'must be an email address' })
  recipient?: string;
}

@ArgsType()
export class OutboxArgs extends PageArgs {
  @Field(() => OutboxFilter, { nullable: true })
  @NullMeansOmitted()
  @ValidateNested()
  @Type(() => OutboxFilter)
  filter?: OutboxFilter;
}
