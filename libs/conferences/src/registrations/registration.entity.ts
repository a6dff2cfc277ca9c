import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Ref,
  Unique,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { countryName, CountryNameField } from '@platform/core';
import { Person } from '@platform/directory';
import { Delegation } from '../delegations/delegation.entity';
import { Edition } from '../editions/edition.entity';

export enum RegistrationStatus {
  INVITED = 'INVITED',
  REGISTERED = 'REGISTERED',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

/** Statuses that hold a seat against the edition's capacity. */
export const SEATED_STATUSES = [RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED];

@ObjectType({ description: "A person's place at an edition." })
@Entity()
@Unique({ properties: ['edition', 'person'] })
@Index({ properties: ['edition', 'status'] })
export class Registration {
  [OptionalProps]?: 'delegationCountryName' | 'listed' | 'createdAt' | 'statusChangedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;

  @Field(() => RegistrationStatus)
  @Enum({ items: () => RegistrationStatus, type: 'string', length: 20 })
  status!: RegistrationStatus;

  @Field({ description: 'The country whose delegation the person belongs to.' })
  @Property({ type: 'string', length: 2 })
  delegationCountry!: string;

  /** The delegation that nominated the person, when they came through one. */
  @ManyToOne({ entity: () => Delegation, ref: true, nullable: true, deleteRule: 'set null' })
  delegation?: Ref<Delegation>;

  /** The person agreed to appear in the edition's public list of participants. */
  @Field({
    description:
      "Whether the person agreed to appear in the edition's public list of participants.",
  })
  @Property({ type: 'boolean', default: false })
  listed: boolean = false;

  @CountryNameField('delegationCountry')
  get delegationCountryName(): string {
    return countryName(this.delegationCountry);
  }

  @OneToMany({ entity: () => CheckIn, mappedBy: 'registration', orderBy: { day: 'asc' } })
  checkIns = new Collection<CheckIn>(this);

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** When the current status was set; the waitlist is served in this order. */
  @Field()
  @Property({ type: 'datetime' })
  statusChangedAt: Date = new Date();
}

@ObjectType({ description: 'Presence of a registered participant on one conference day.' })
@Entity()
@Unique({ properties: ['registration', 'day'] })
export class CheckIn {
  [OptionalProps]?: 'checkedInAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Registration, ref: true, deleteRule: 'cascade' })
  registration!: Ref<Registration>;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Field()
  @Property({ type: 'datetime' })
  checkedInAt: Date = new Date();
}
