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
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Organization, Person } from '@platform/directory';
import { Edition } from '../editions/edition.entity';

export enum DelegationKind {
  /** A country's government delegation, named after the country. */
  COUNTRY = 'COUNTRY',
  /** An international organization's delegation (UNODC, IOM, OSCE, …). */
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(DelegationKind, { name: 'DelegationKind' });

/**
 * The people one country or international organization sends to an edition, nominated by
 * its focal points within the seats the organizers give it.
 */
@ObjectType({ description: 'A country or international organization represented at an edition.' })
@Entity()
@Unique({ properties: ['edition', 'country'] })
@Unique({ properties: ['edition', 'organization'] })
export class Delegation {
  [OptionalProps]?: 'categorySeats' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @Field(() => DelegationKind)
  @Enum({ items: () => DelegationKind, type: 'string', length: 20 })
  kind!: DelegationKind;

  /** ISO 3166-1 alpha-2; set for a COUNTRY delegation only. */
  @Property({ type: 'string', length: 2, nullable: true })
  country?: string;

  /** Set for an ORGANIZATION delegation only. */
  @ManyToOne({ entity: () => Organization, ref: true, nullable: true })
  organization?: Ref<Organization>;

  /** Who leads the delegation, once known. */
  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null' })
  head?: Ref<Person>;

  /** How many people the delegation may send. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;

  /** Seats reserved per professional category, e.g. { JUDGE: 2 }: at most that many of it. */
  @Property({ type: 'json', default: '{}' })
  categorySeats: Record<string, number> = {};

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** An account that nominates and manages one delegation's people (role FOCAL_POINT). */
@Entity()
@Unique({ properties: ['delegation', 'user'] })
export class DelegationFocalPoint {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Delegation, ref: true, deleteRule: 'cascade' })
  delegation!: Ref<Delegation>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;
}
