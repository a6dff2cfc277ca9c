import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, IsLocalDate, NullMeansOmitted } from '@platform/core';
import { BadgeRole } from '../badge.entity';

/** A base64 photo of 2 MB is under 2.8 million characters. */
const MAX_PHOTO_BASE64 = 2_800_000;

@ArgsType()
export class BadgeArgs {
  @Field(() => ID, { description: 'The registration whose badge it is.' })
  @IsId()
  registrationId!: string;
}

@ArgsType()
export class EditionBadgesArgs {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field(() => ID, { nullable: true, description: "Only this delegation's people." })
  @NullMeansOmitted()
  @IsId()
  delegationId?: string;
}

@ArgsType()
export class SetBadgeRoleArgs extends BadgeArgs {
  @Field(() => BadgeRole, {
    nullable: true,
    description: 'Null: back to the default (SPEAKER for a speaker of the agenda, else DELEGATE).',
  })
  @IsOptional()
  @IsEnum(BadgeRole)
  role?: BadgeRole | null;
}

@ArgsType()
export class BadgePhotoArgs extends BadgeArgs {
  @Field({ description: 'A JPEG or PNG file of at most 2 MB, in base64.' })
  @IsString()
  @MaxLength(MAX_PHOTO_BASE64, { message: 'must be at most 2048 KB' })
  photo!: string;
}

@ArgsType()
export class CheckInByBadgeArgs {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field({ description: "The text of the badge's QR code." })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field({
    nullable: true,
    description:
      'When the badge was scanned (ISO 8601 with its offset, e.g. 2026-10-14T09:12:00+05:00), for scans sent later; now by default.',
  })
  @NullMeansOmitted()
  @IsString()
  @MaxLength(40)
  scannedAt?: string;
}

@ArgsType()
export class BadgeCountArgs {
  @Field(() => ID)
  @IsId()
  editionId!: string;

  @Field({
    nullable: true,
    description: "YYYY-MM-DD; today in the edition's time zone by default.",
  })
  @NullMeansOmitted()
  @IsLocalDate()
  day?: string;
}
