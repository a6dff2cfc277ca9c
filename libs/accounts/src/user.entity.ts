import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@platform/core';
import { Person } from '@platform/directory';

@ObjectType({ description: 'An account that can log in.' })
@Entity()
export class User {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: logins ignore case. */
  @Field()
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'string', length: 20 })
  role!: Role;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true })
  person?: Ref<Person>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field({ nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;
}
