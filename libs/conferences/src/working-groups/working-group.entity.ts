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
import {
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Person } from '@platform/directory';
import { Edition } from '../editions/edition.entity';
import { Registration } from '../registrations/registration.entity';

@ObjectType({ description: 'Participants who exchange experience and draft recommendations.' })
@Entity()
@Unique({ properties: ['edition', 'name'] })
export class WorkingGroup {
  [OptionalProps]?: 'translations' | 'versions';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @TranslatedField()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'text', nullable: true })
  topic?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @OneToMany({ entity: () => WorkingGroupFacilitator, mappedBy: 'workingGroup' })
  facilitators = new Collection<WorkingGroupFacilitator>(this);

  @OneToMany({ entity: () => WorkingGroupMember, mappedBy: 'workingGroup' })
  members = new Collection<WorkingGroupMember>(this);

  translatableTexts(): TranslatableTexts {
    const { name, topic } = this;
    return { name, topic };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

@Entity()
@Unique({ properties: ['workingGroup', 'person'] })
export class WorkingGroupFacilitator {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => WorkingGroup, ref: true, deleteRule: 'cascade' })
  workingGroup!: Ref<WorkingGroup>;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;
}

/** A registered participant taking part in a working group. */
@Entity()
@Unique({ properties: ['workingGroup', 'registration'] })
export class WorkingGroupMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => WorkingGroup, ref: true, deleteRule: 'cascade' })
  workingGroup!: Ref<WorkingGroup>;

  @ManyToOne({ entity: () => Registration, ref: true, deleteRule: 'cascade' })
  registration!: Ref<Registration>;
}
