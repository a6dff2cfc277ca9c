import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ProfessionalCategory } from '@platform/directory';

@InputType()
export class CreateProgrammeInput {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => ID, { description: 'The organization that runs the programme.' })
  @IsUUID('all', { message: 'must be an id' })
  ownerId!: string;

  @Field(() => [ID], { nullable: true, description: 'Donor organizations.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must be a list of ids' })
  funderIds?: string[];

  @Field(() => [ProfessionalCategory], { nullable: true })
  @IsOptional()
  @IsEnum(ProfessionalCategory, { each: true })
  targetCategories?: ProfessionalCategory[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  topics?: string[];
}
