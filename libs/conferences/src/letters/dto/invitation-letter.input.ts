import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsNotEmptyObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HasVisibleText, IsCountryCode, IsId, IsLocalDate, NullMeansOmitted } from '@platform/core';
import { InvitationLetterStatus } from '../invitation-letter.entity';

// Messages never quote the value typed: passport data must not reach logs or errors.

/** Letters, marks, spaces, hyphens, apostrophes and dots, starting with a letter. */
const NAME_IN_PASSPORT = /^\p{L}[\p{L}\p{M} .'’ʻʼ-]*$/u;
/** As printed: 5 to 20 letters and digits; spaces are dropped before the check. */
const PASSPORT_NUMBER = /^[A-Za-z0-9]{5,20}$/;

@InputType({ description: 'The passport data an invitation letter prints.' })
export class PassportDataInput {
  @Field({ description: 'The name exactly as the passport prints it (Latin letters usually).' })
  @IsString()
  @HasVisibleText()
  @MinLength(2, { message: 'must have at least 2 characters' })
  @MaxLength(100, { message: 'must have at most 100 characters' })
  @Matches(NAME_IN_PASSPORT, {
    message: 'must be written with letters, spaces, hyphens and apostrophes only',
  })
  nameAsInPassport!: string;

  @Field({ description: 'ISO 3166 two-letter code of the nationality, e.g. UZ.' })
  @IsCountryCode()
  nationality!: string;

  @Field({ description: 'Letters and digits; spaces are ignored.' })
  @IsString()
  @MaxLength(40, { message: 'must be 5 to 20 letters and digits' })
  passportNumber!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  dateOfBirth!: string;
}

@InputType()
export class RequestInvitationLetterInput {
  @Field(() => ID)
  @IsId()
  registrationId!: string;

  @Field(() => PassportDataInput)
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PassportDataInput)
  passport!: PassportDataInput;
}

@InputType()
export class ApproveInvitationLetterInput {
  @Field({ description: 'Who signs the letter for the host, e.g. the organizer.' })
  @IsString()
  @HasVisibleText()
  @MaxLength(200)
  signatoryName!: string;

  @Field({ description: 'The signatory’s position, e.g. Head of the Secretariat.' })
  @IsString()
  @HasVisibleText()
  @MaxLength(200)
  signatoryPosition!: string;
}

@ArgsType()
export class InvitationLettersArgs {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field(() => InvitationLetterStatus, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(InvitationLetterStatus)
  status?: InvitationLetterStatus;
}

/** The passport number as stored and printed: capitals and digits, no spaces; null if wrong. */
export function normalizedPassportNumber(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '');
  return PASSPORT_NUMBER.test(compact) ? compact.toUpperCase() : null;
}
