import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { FollowUpStatus } from '../recommendation.entity';

@InputType()
export class AddRecommendationInput {
  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  text!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressedTo?: string;

  @Field(() => ID, { nullable: true, description: 'The working group that drafted it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  workingGroupId?: string;
}

@InputType()
export class RecordFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id' })
  recommendationId!: string;

  @Field(() => ID, { description: 'The later edition at which progress is reported.' })
  @IsUUID('all', { message: 'must be an id' })
  editionId!: string;

  @Field(() => FollowUpStatus)
  @IsEnum(FollowUpStatus)
  status!: FollowUpStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}
