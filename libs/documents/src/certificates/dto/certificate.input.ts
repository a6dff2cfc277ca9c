import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  HasVisibleText,
  IsId,
  NullMeansOmitted,
  PageArgs,
  TranslationInput,
  TranslationsField,
} from '@platform/core';
import { Language } from '@platform/directory';
import { CertificateKind, CertificateStatus } from '../certificate.entity';

/** The event: exactly one of the two. */
@InputType({ isAbstract: true })
export class CertificateEventInput {
  @Field(() => ID, { nullable: true, description: 'For conference certificates.' })
  @IsOptional()
  @IsId()
  editionId?: string;

  @Field(() => ID, { nullable: true, description: 'For training completion certificates.' })
  @IsOptional()
  @IsId()
  trainingEventId?: string;
}

@InputType()
export class SignatoryInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(2)
  @MaxLength(200)
  position!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organization?: string;
}

@InputType({ description: 'How the certificates of an edition or training event are made.' })
export class CertificateSettingsInput extends CertificateEventInput {
  @Field({ description: '2 to 10 capital letters or digits, e.g. TIP.' })
  @Matches(/^[A-Z][A-Z0-9]{1,9}$/, {
    message: 'must be 2 to 10 capital letters or digits, starting with a letter',
  })
  serialPrefix!: string;

  @Field(() => Language, { nullable: true })
  @IsOptional()
  @IsEnum(Language)
  secondLanguage?: Language;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  hours?: number;

  @Field(() => [SignatoryInput])
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => SignatoryInput)
  signatories!: SignatoryInput[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @HasVisibleText({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(300, { each: true })
  issuers?: string[];

  @TranslationsField()
  translations?: TranslationInput[];
}

@InputType()
export class IssueCertificatesInput extends CertificateEventInput {
  @Field(() => CertificateKind)
  @IsEnum(CertificateKind)
  kind!: CertificateKind;
}

@InputType()
export class IssueCertificateInput extends IssueCertificatesInput {
  @Field(() => ID)
  @IsId()
  personId!: string;

  @Field(() => [Language], {
    nullable: true,
    description: "Default: the holder's language, plus the event's second language.",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsEnum(Language, { each: true })
  languages?: Language[];
}

@InputType()
export class RevokeCertificateInput {
  @Field(() => ID)
  @IsId()
  certificateId!: string;

  @Field({ description: 'Kept on record; not shown on the public verification page.' })
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class ReissueCertificateInput {
  @Field(() => ID)
  @IsId()
  certificateId!: string;

  @Field(() => [Language], { nullable: true, description: 'Default: as before.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsEnum(Language, { each: true })
  languages?: Language[];
}

@InputType()
export class CertificateFilter extends CertificateEventInput {
  @Field(() => CertificateKind, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(CertificateKind)
  kind?: CertificateKind;

  @Field(() => CertificateStatus, { nullable: true })
  @NullMeansOmitted()
  @IsEnum(CertificateStatus)
  status?: CertificateStatus;
}

@ArgsType()
export class CertificatesArgs extends PageArgs {
  @Field(() => CertificateFilter)
  @ValidateNested()
  @Type(() => CertificateFilter)
  filter!: CertificateFilter;
}
