import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HasVisibleText, IsCountryCode } from '@platform/core';

@InputType()
export class CreateSeriesInput {
  @Field()
  @IsString()
  @HasVisibleText()
  @MinLength(3)
  @MaxLength(300)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

@InputType()
export class RotationSlotInput {
  @Field(() => Int)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field({ description: 'ISO 3166 country code.' })
  @IsCountryCode()
  hostCountry!: string;
}

@InputType()
export class SetRotationInput {
  @Field(() => [RotationSlotInput], {
    description: 'The whole plan; it replaces the previous one.',
  })
  @ValidateNested({ each: true })
  @Type(() => RotationSlotInput)
  @ArrayMaxSize(100)
  slots!: RotationSlotInput[];
}
