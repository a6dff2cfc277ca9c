import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class RequestEmailChangeInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  newEmail!: string;
}

@InputType()
export class ConfirmEmailChangeInput {
  @Field({ description: 'The token at the end of the link mailed to the new address.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not an email change token' })
  token!: string;
}
