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
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  TextVersions,
  textVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Person } from '@platform/directory';
import { Edition } from '../editions/edition.entity';

export enum SessionKind {
  OPENING = 'OPENING',
  SPEECH = 'SPEECH',
  PRESENTATION = 'PRESENTATION',
  VIDEO_MESSAGE = 'VIDEO_MESSAGE',
  PANEL = 'PANEL',
  PLENARY = 'PLENARY',
  WORKING_GROUP_SITTING = 'WORKING_GROUP_SITTING',
  BREAK = 'BREAK',
  CLOSING = 'CLOSING',
}
registerEnumType(SessionKind, { name: 'SessionKind' });

@ObjectType({ description: 'One item of an edition agenda.' })
@Entity()
@Index({ properties: ['edition', 'day', 'startTime'] })
export class AgendaSession {
  [OptionalProps]?: 'translations' | 'versions';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @Field(() => Int, { description: 'Day of the edition, 1 for the first.' })
  @Property({ type: 'integer' })
  day!: number;

  @Field({ description: 'HH:MM, local time of the venue.' })
  @Property({ type: 'string', length: 5 })
  startTime!: string;

  @Field({ description: 'HH:MM, local time of the venue.' })
  @Property({ type: 'string', length: 5 })
  endTime!: string;

  @Field(() => SessionKind)
  @Enum({ items: () => SessionKind, type: 'string', length: 30 })
  kind!: SessionKind;

  @TranslatedField()
  @Property({ type: 'string', length: 500 })
  title!: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  room?: string;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true })
  moderator?: Ref<Person>;

  @OneToMany({ entity: () => SessionSpeaker, mappedBy: 'session' })
  speakers = new Collection<SessionSpeaker>(this);

  translatableTexts(): TranslatableTexts {
    const { title, description, room } = this;
    return { title, description, room };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}

@ObjectType({
  description: 'A person speaking in a session, with the title printed on the agenda.',
})
@Entity()
@Unique({ properties: ['session', 'person'] })
export class SessionSpeaker {
  [OptionalProps]?: 'translations' | 'versions' | 'position';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => AgendaSession, ref: true, deleteRule: 'cascade' })
  session!: Ref<AgendaSession>;

  @ManyToOne({ entity: () => Person, ref: true })
  person!: Ref<Person>;

  @TranslatedField({
    nullable: true,
    description: 'E.g. "Ambassador of the United States to Uzbekistan".',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  titleOnAgenda?: string;

  @Field(() => Int, { description: 'Order of speaking within the session.' })
  @Property({ type: 'integer' })
  position: number = 0;

  translatableTexts(): TranslatableTexts {
    return { titleOnAgenda: this.titleOnAgenda };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}
