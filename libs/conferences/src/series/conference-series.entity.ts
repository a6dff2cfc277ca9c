import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Ref,
  Unique,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { countryName, CountryNameField } from '@platform/core';

@ObjectType({ description: 'An annual regional conference whose host country rotates.' })
@Entity()
export class ConferenceSeries {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'string', length: 300, unique: true })
  name!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @OneToMany({ entity: () => RotationSlot, mappedBy: 'series', orderBy: { year: 'asc' } })
  rotation = new Collection<RotationSlot>(this);

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'Which country hosts the edition of a given year.' })
@Entity()
@Unique({ properties: ['series', 'year'] })
export class RotationSlot {
  [OptionalProps]?: 'hostCountryName';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => ConferenceSeries, ref: true, deleteRule: 'cascade' })
  series!: Ref<ConferenceSeries>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field()
  @Property({ type: 'string', length: 2 })
  hostCountry!: string;

  @CountryNameField('hostCountry')
  get hostCountryName(): string {
    return countryName(this.hostCountry);
  }
}
