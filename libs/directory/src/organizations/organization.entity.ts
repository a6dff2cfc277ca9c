import { randomUUID } from 'node:crypto';
import {
  BeforeCreate,
  BeforeUpdate,
  Entity,
  Enum,
  Index,
  PrimaryKey,
  Property,
  Unique,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  countryName,
  searchKey,
  CountryNameField,
  textVersions,
  TextVersions,
  TranslatableTexts,
  TranslatedField,
  Translations,
} from '@platform/core';

/** The longest organization name, typed or imported. */
export const ORGANIZATION_NAME_MAX_LENGTH = 300;

export enum OrganizationType {
  GOVERNMENT = 'GOVERNMENT',
  NGO = 'NGO',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  DONOR = 'DONOR',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  ACADEMIA = 'ACADEMIA',
  MEDIA = 'MEDIA',
}
registerEnumType(OrganizationType, { name: 'OrganizationType' });

@ObjectType({ description: 'A ministry, agency, NGO, UN office, donor or company.' })
@Entity()
@Unique({ properties: ['name', 'country'] })
export class Organization {
  [OptionalProps]?: 'translations' | 'versions' | 'countryName' | 'createdAt' | 'nameKey';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Russian and Uzbek versions of the texts below (see TranslatedField). */
  @Property({ type: 'json', default: '{}' })
  translations: Translations = {};

  @TranslatedField()
  @Index()
  @Property({ type: 'string', length: 300 })
  name!: string;

  /**
   * The name as imports match it (see searchKey): "Oʻzbekiston", "O'zbekiston" and
   * "Ўзбекистон" are one. Kept up to date on every write; null only for organizations
   * stored before it existed, until the start-up fills it.
   */
  @Index()
  @Property({ type: 'string', length: 620, nullable: true })
  nameKey?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  protected keepNameKey(): void {
    this.nameKey = searchKey(this.name);
  }

  @TranslatedField({ nullable: true, description: 'Short name such as UNODC or IOM.' })
  @Property({ type: 'string', length: 50, nullable: true })
  acronym?: string;

  @Field(() => OrganizationType)
  @Enum({ items: () => OrganizationType, type: 'string', length: 40 })
  type!: OrganizationType;

  @Field({ description: 'ISO 3166 country code.' })
  @Property({ type: 'string', length: 2 })
  country!: string;

  @CountryNameField('country', { description: "The country's name in the reader's language." })
  get countryName(): string {
    return countryName(this.country);
  }

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The account that added it: admins and that account may edit it. */
  @Property({ type: 'uuid', nullable: true })
  createdBy?: string;

  translatableTexts(): TranslatableTexts {
    const { name, acronym } = this;
    return { name, acronym };
  }

  @Field(() => [TextVersions], {
    description: 'Every translatable text in en, ru and uz: what organizers edit.',
  })
  get versions(): TextVersions[] {
    return textVersions(this.translatableTexts(), this.translations);
  }
}
