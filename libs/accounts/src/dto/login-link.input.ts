import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class RequestLoginLinkInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}

@InputType()
export class ExchangeLoginLinkInput {
  @Field({ description: 'The token at the end of the link in the mail.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a login link token' })
  token!: string;
}
