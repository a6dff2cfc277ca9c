import { randomUUID } from 'node:crypto';
import {
  BeforeCreate,
  BeforeUpdate,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Ref,
  OptionalProps,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { countryName, Language, LanguageCode, searchKey } from '@platform/core';
import { Organization } from '../organizations/organization.entity';
import { nameIn, personNames } from './person-names';
import { ProfessionalCategory } from './professional-category';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Sex, { name: 'Sex' });

registerEnumType(ProfessionalCategory, { name: 'ProfessionalCategory' });

/** The keys a person with these names is searched (searchKey) and matched by (the others). */
export interface PersonKeys {
  searchKey: string;
  fullNameKey: string;
  fullNameAltKey: string | null;
}

/** Person's keys for these names: kept by its write hooks, and in rows imports insert directly. */
export function personKeys(fullName: string, fullNameAlt?: string | null): PersonKeys {
  const fullNameKey = searchKey(fullName);
  return {
    // Both names keyed as one text: NFC may join the last letter of one and the first of the other.
    searchKey: fullNameAlt ? searchKey(`${fullName} ${fullNameAlt}`) : fullNameKey,
    fullNameKey,
    fullNameAltKey: fullNameAlt ? searchKey(fullNameAlt) : null,
  };
}

// The GraphQL enum lives in core; re-exported where the domains have always found it.
export { Language };

/**
 * A participant, speaker, trainee or official. The email is optional (many officers
 * are enrolled from rosters without one) but unique when given; it is stored
 * lower-cased so uniqueness ignores case. Only the id, names and organization are
 * GraphQL fields here: everything else about a person is resolved by PeopleResolver
 * for those who may see it (see PeopleAccess).
 */
@ObjectType()
@Entity()
export class Person {
  [OptionalProps]?:
    | 'countryName'
    | 'category'
    | 'language'
    | 'createdAt'
    | 'searchKey'
    | 'fullNameKey'
    | 'fullNameAltKey';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Index()
  @Property({ type: 'string', length: 200 })
  fullName!: string;

  @Field({ nullable: true, description: 'The name in another script, e.g. Cyrillic.' })
  @Property({ type: 'string', length: 200, nullable: true })
  fullNameAlt?: string;

  /** The name a text in `language` prints: its script's if known (see nameIn). */
  nameIn(language: LanguageCode): string {
    return nameIn(personNames(this), language);
  }

  /**
   * Both names as searched and matched (see searchKey): kept up to date on every write;
   * null only for people stored before it existed, until the start-up fills it.
   */
  @Index()
  @Property({ type: 'string', length: 420, nullable: true })
  searchKey?: string | null;

  /**
   * Each name alone by the same key: imports match a person by either name, however its
   * apostrophes or script are written. Null like searchKey until the start-up fills it.
   */
  @Index()
  @Property({ type: 'string', length: 420, nullable: true })
  fullNameKey?: string | null;

  @Index()
  @Property({ type: 'string', length: 420, nullable: true })
  fullNameAltKey?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  protected keepSearchKey(): void {
    Object.assign(this, personKeys(this.fullName, this.fullNameAlt));
  }

  @Property({ type: 'string', length: 254, nullable: true, unique: true })
  email?: string;

  @Enum({ items: () => Sex, type: 'string', length: 10, nullable: true })
  sex?: Sex;

  @Enum({ items: () => ProfessionalCategory, type: 'string', length: 40 })
  category: ProfessionalCategory = ProfessionalCategory.OTHER;

  @Property({ type: 'string', length: 200, nullable: true })
  position?: string;

  @ManyToOne({ entity: () => Organization, ref: true, nullable: true })
  organization?: Ref<Organization>;

  /** ISO 3166 country code. */
  @Property({ type: 'string', length: 2 })
  country!: string;

  get countryName(): string {
    return countryName(this.country);
  }

  /** The language of documents and mail sent to this person. */
  @Enum({ items: () => Language, type: 'string', length: 2 })
  language: Language = Language.EN;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The account that added this person: staff may edit the people they added. */
  @Property({ type: 'uuid', nullable: true })
  createdBy?: string;
}
