import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @Field({
    nullable: true,
    description:
      'The deviceToken of an earlier login from this device (browsers send it as a cookie instead).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a device token' })
  deviceToken?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @Field({ description: 'At least 10 characters.' })
  @IsString()
  @MinLength(10, { message: 'must have at least 10 characters' })
  @MaxLength(200)
  newPassword!: string;
}
