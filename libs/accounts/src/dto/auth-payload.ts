import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field({
    nullable: true,
    description:
      'After a login with a password: send it with the next logins from this device (login input deviceToken; browsers get it as an httpOnly cookie too). Failed logins from a trusted device are counted for it alone, so strangers cannot lock its holder out.',
  })
  deviceToken?: string;
}
