import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@platform/core';
import { Language, Person } from '@platform/directory';

/**
 * An account. Its email, role and dates are GraphQL fields of UsersResolver, shown only
 * to admins and to the account's holder (account-visibility.ts).
 */
@ObjectType({ description: 'An account that can log in.' })
@Entity()
export class User {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: logins ignore case. A participant's is their person's email. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Enum({ items: () => Role, type: 'string', length: 20 })
  role!: Role;

  /** At most one account per person: whoever holds it acts as that person. */
  @ManyToOne({ entity: () => Person, ref: true, nullable: true })
  @Unique()
  person?: Ref<Person>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  /** The language the holder chose for the web app; null until they choose. */
  @Enum({ items: () => Language, type: 'string', length: 2, nullable: true })
  language?: Language;
}
