import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RequestWithActor } from '@platform/core';
import { Person } from '@platform/directory';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload';
import { CreateUserInput } from './dto/create-user.input';
import { LoginInput } from './dto/login.input';
import { User } from './user.entity';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, {
    description: 'Exchange an email and password for a bearer token.',
  })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password);
  }

  @Mutation(() => Boolean, { description: 'End the session of the bearer token sent.' })
  async logout(
    @CurrentActor() actor: Actor,
    @Context('req') req: RequestWithActor,
  ): Promise<boolean> {
    actor.requireUserId();
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token) await this.auth.logout(token);
    return true;
  }

  @Query(() => User, { description: 'The logged-in account.' })
  me(@CurrentActor() actor: Actor): Promise<User> {
    return this.auth.me(actor);
  }

  @Query(() => [User], { description: 'All accounts (admins only).' })
  users(@CurrentActor() actor: Actor): Promise<User[]> {
    return this.auth.listUsers(actor);
  }

  @Mutation(() => User)
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.auth.createUser(actor, input);
  }

  @ResolveField(() => Person, { nullable: true })
  async person(@Parent() user: User): Promise<Person | null> {
    return user.person ? user.person.loadOrFail() : null;
  }
}
