import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestWithActor, Role } from '@platform/core';
import { Language, Person } from '@platform/directory';
import { seesAccount } from './account-visibility';
import { User } from './user.entity';

const PRIVATE = 'Only admins and the account holder see it: null for anyone else.';

/** An account's fields, each behind the one rule of account-visibility.ts but its name. */
@Resolver(() => User)
export class UsersResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: "The linked person's full name, shown to anyone who sees the account.",
  })
  async name(@Parent() user: User): Promise<string | null> {
    return user.person ? (await user.person.loadOrFail()).fullName : null;
  }

  @ResolveField(() => String, { nullable: true, description: `Login email. ${PRIVATE}` })
  email(@Parent() user: User, @Context('req') req: RequestWithActor): string | null {
    return seesAccount(req, user.id) ? user.email : null;
  }

  @ResolveField(() => Role, { nullable: true, description: PRIVATE })
  role(@Parent() user: User, @Context('req') req: RequestWithActor): Role | null {
    return seesAccount(req, user.id) ? user.role : null;
  }

  @ResolveField(() => Date, { nullable: true, description: PRIVATE })
  createdAt(@Parent() user: User, @Context('req') req: RequestWithActor): Date | null {
    return seesAccount(req, user.id) ? user.createdAt : null;
  }

  @ResolveField(() => Date, { nullable: true, description: PRIVATE })
  lastLoginAt(@Parent() user: User, @Context('req') req: RequestWithActor): Date | null {
    return seesAccount(req, user.id) ? (user.lastLoginAt ?? null) : null;
  }

  @ResolveField(() => Language, {
    nullable: true,
    description: `The language chosen for the web app (null until chosen). ${PRIVATE}`,
  })
  language(@Parent() user: User, @Context('req') req: RequestWithActor): Language | null {
    return seesAccount(req, user.id) ? (user.language ?? null) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: `The linked person. ${PRIVATE}` })
  async person(
    @Parent() user: User,
    @Context('req') req: RequestWithActor,
  ): Promise<Person | null> {
    return user.person && seesAccount(req, user.id) ? user.person.loadOrFail() : null;
  }
}
