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
import { User } from '@platform/accounts';
import {
  countryName,
  CountryNameField,
  datesBetween,
  listTexts,
  textVersions,
  TextVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';
import { Organization } from '@platform/directory';
import type { AgendaSession } from '../agenda/agenda-session.entity';
import type { WorkingGroup } from '../working-groups/working-group.entity';
import type { Recommendation } from '../recommendations/recommendation.entity';
import { ConferenceSeries } from '../series/conference-series.entity';

export enum EditionStatus {
  PLANNING = 'PLANNING',
  REGISTRATION_OPEN = 'REGISTRATION_OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(EditionStatus, { name: 'EditionStatus' });

export enum PartnerRole {
  HOST = 'HOST',
  CO_ORGANIZER = 'CO_ORGANIZER',
  FUNDER = 'FUNDER',
  PARTNER = 'PARTNER',
}
registerEnumType(PartnerRole, { name: 'PartnerRole' });

@ObjectType()
export class EditionDay {
  @Field(() => Int, { description: '1 for the first day.' })
  number!: number;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;
}

@ObjectType({ description: "One year's conference of a series." })
@Entity()
@Unique({ properties: ['series', 'year'] })
export class Edition {
  [OptionalProps]?:
    | 'translations'
    | 'versions'
    | 'hostCountryName'
    | 'days'
    | 'objectives'
    | 'status'
    | 'isPublished'
    | 'timeZone'
    | 'version'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @ManyToOne({ entity: () => ConferenceSeries, ref: true })
  series!: Ref<ConferenceSeries>;

  @TranslatedField()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @TranslatedField({
    nullable: true,
    description: 'The yearly theme, e.g. "Use and Abuse of Technology".',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  theme?: string;

  @Field(() => Int)
  @Index()
  @Property({ type: 'integer' })
  year!: number;

  @Field()
  @Index()
  @Property({ type: 'string', length: 2 })
  hostCountry!: string;

  @CountryNameField('hostCountry')
  get hostCountryName(): string {
    return countryName(this.hostCountry);
  }

  @TranslatedField()
  @Property({ type: 'string', length: 100 })
  city!: string;

  @TranslatedField({ nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  venue?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  startDate!: string;

  @Field({
    description:
      'IANA time zone of the venue (e.g. Asia/Tashkent); the agenda times are local to it.',
  })
  @Property({ type: 'string', length: 64, default: 'UTC' })
  timeZone: string = 'UTC';

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  endDate!: string;

  @TranslatedField(() => [String])
  @Property({ type: 'json' })
  objectives: string[] = [];

  @Field(() => EditionStatus)
  @Enum({ items: () => EditionStatus, type: 'string', length: 20 })
  status: EditionStatus = EditionStatus.PLANNING;

  @Field({ description: 'Published editions and their agenda are visible to everyone.' })
  @Property({ type: 'boolean' })
  isPublished: boolean = false;

  @Field(() => Int, {
    nullable: true,
    description: 'Seats; beyond it registrations are waitlisted.',
  })
  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @Field(() => Int, { description: 'Send it back when updating to detect concurrent edits.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany({ entity: 'AgendaSession', mappedBy: 'edition' })
  sessions = new Collection<AgendaSession>(this);

  @OneToMany({ entity: 'WorkingGroup', mappedBy: 'edition' })
  workingGroups = new Collection<WorkingGroup>(this);

  @OneToMany({ entity: 'Recommendation', mappedBy: 'edition' })
  recommendations = new Collection<Recommendation>(this);

  @OneToMany({ entity: () => EditionPartner, mappedBy: 'edition' })
  partners = new Collection<EditionPartner>(this);

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  translatableTexts(): TranslatableTexts {
    const { title, theme, city, venue } = this;
    return { title, theme, city, venue, ...listTexts('objectives', this.objectives) };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }

  @Field(() => [EditionDay])
  get days(): EditionDay[] {
    return datesBetween(this.startDate, this.endDate).map((date, i) => ({ number: i + 1, date }));
  }
}

@ObjectType({
  description: 'An organization that hosts, co-organizes, funds or supports an edition.',
})
@Entity()
@Unique({ properties: ['edition', 'organization', 'role'] })
export class EditionPartner {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @ManyToOne({ entity: () => Organization, ref: true })
  organization!: Ref<Organization>;

  @Field(() => PartnerRole)
  @Enum({ items: () => PartnerRole, type: 'string', length: 20 })
  role!: PartnerRole;
}

/** An organizer account allowed to manage one edition. */
@Entity()
@Unique({ properties: ['edition', 'user'] })
export class EditionOrganizer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Edition, ref: true, deleteRule: 'cascade' })
  edition!: Ref<Edition>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;
}
