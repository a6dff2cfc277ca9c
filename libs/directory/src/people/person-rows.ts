import { isEmail } from 'class-validator';
import { isCountryCode, searchKey } from '@platform/core';
import {
  ORGANIZATION_NAME_MAX_LENGTH,
  OrganizationType,
} from '../organizations/organization.entity';
import { CATEGORY_LABELS } from './category-labels';
import { SEX_LABELS } from './sex-labels';
import { Language, PersonKeys, personKeys, Sex } from './person.entity';
import { ProfessionalCategory } from './professional-category';

/**
 * The directory's rules for a person given as text (a row of a roster file): which
 * texts are valid, what they mean, and when two people are one. Imports read their
 * files through these and DirectoryService's batch methods, so a person comes into the
 * directory by one set of rules whichever way they come.
 */

/** The longest texts a person (and their organization's name) may have. */
export const PERSON_TEXT_LIMITS = {
  fullName: 200,
  fullNameAlt: 200,
  email: 254,
  position: 200,
  organization: ORGANIZATION_NAME_MAX_LENGTH,
} as const;

/** The texts of one person, trimmed; a missing or empty text is undefined. */
export interface PersonRowText {
  fullName?: string;
  fullNameAlt?: string;
  email?: string;
  sex?: string;
  category?: string;
  position?: string;
  organization?: string;
  organizationType?: string;
  country?: string;
  language?: string;
}
export type PersonRowField = keyof PersonRowText;

/** A person read from text by validatePersonRow. */
export interface PersonRow {
  fullName: string;
  fullNameAlt?: string;
  /** Lower case, as the directory stores it. */
  email?: string;
  sex?: Sex;
  category?: ProfessionalCategory;
  position?: string;
  organization?: string;
  organizationType: OrganizationType;
  country: string;
  language?: Language;
  /** The keys of its names, computed once: what it is matched by and stored with. */
  keys: PersonKeys;
  /** nameKeysOf the row. */
  nameKeys: string[];
  /** organizationKey of its organization, if it names one. */
  organizationKey?: string;
}

/** A sex by a letter or word in English or Russian, or its label in any language (SEX_LABELS). */
const SEXES: Record<string, Sex> = {
  f: Sex.FEMALE,
  female: Sex.FEMALE,
  ж: Sex.FEMALE,
  жен: Sex.FEMALE,
  m: Sex.MALE,
  male: Sex.MALE,
  м: Sex.MALE,
  муж: Sex.MALE,
  ...Object.fromEntries(
    [Sex.FEMALE, Sex.MALE].flatMap((sex) =>
      Object.values(SEX_LABELS[sex]).map((label): [string, Sex] => [label.toLowerCase(), sex]),
    ),
  ),
};

/** Lower case, spaces and dashes as "_": how typed words are compared. */
export const wordKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A language by its code or its name in English, Russian or Uzbek (Latin or Cyrillic),
 * normalized by `languageKey`: "русский", "oʻzbek tili", "English", "uz".
 */
const LANGUAGES: Record<string, Language> = Object.fromEntries(
  (
    [
      [Language.EN, 'en eng english английский англ ingliz inglizcha инглиз инглизча'],
      [Language.RU, 'ru rus russian русский рус ruscha русча'],
      [Language.UZ, "uz uzb uzbek узбекский узб o'zbek o'zbekcha ozbek ўзбек ўзбекча узбек"],
    ] as const
  ).flatMap(([language, names]) => names.split(' ').map((name) => [name, language])),
);

// Apostrophes people type for the Uzbek ʻ (oʻ, gʻ), and the word for "language".
const languageKey = (text: string) =>
  wordKey(text.replace(/[ʻʼ'‘’`]/g, "'"))
    .replace(/_(tili|тили|язык)$/, '')
    .replace(/^язык_/, '');

/**
 * A category by its enum name in any case ("judge", "operational officer"), its label in
 * any language (CATEGORY_LABELS), or a short Russian word for it.
 */
const CATEGORIES: Record<string, ProfessionalCategory> = {
  ...Object.fromEntries(
    Object.values(ProfessionalCategory).flatMap((category): [string, ProfessionalCategory][] => [
      [wordKey(category), category],
      ...Object.values(CATEGORY_LABELS[category]).map((label): [string, ProfessionalCategory] => [
        wordKey(label),
        category,
      ]),
    ]),
  ),
  пограничник: ProfessionalCategory.BORDER_OFFICER,
};

/** A word's meaning in a table: its own entries only ("constructor" is no sex). */
const lookUp = <T>(table: Record<string, T>, word: string): T | undefined =>
  Object.hasOwn(table, word) ? table[word] : undefined;

function enumValue<T extends string>(values: Record<string, T>, text: string): T | undefined {
  const upper = wordKey(text).toUpperCase();
  return (Object.values(values) as string[]).includes(upper) ? (upper as T) : undefined;
}

/**
 * Reads one person from text, telling each problem to `problem` with the field it is
 * in, field by field in a fixed order. A person without a country is from
 * `defaultCountry`; without an organization type, from a government body. Undefined
 * when anything is wrong.
 */
export function validatePersonRow(
  text: PersonRowText,
  defaultCountry: string,
  problem: (field: PersonRowField, reason: string) => void,
): PersonRow | undefined {
  let problems = 0;
  const fail = (field: PersonRowField, reason: string) => {
    problems++;
    problem(field, reason);
  };
  const get = (field: PersonRowField): string | undefined => {
    const value = text[field];
    if (!value) return undefined;
    const max = (PERSON_TEXT_LIMITS as Partial<Record<PersonRowField, number>>)[field];
    if (max !== undefined && value.length > max) {
      fail(field, `longer than ${max} characters`);
      return undefined;
    }
    return value;
  };

  const fullName = get('fullName');
  if (fullName === undefined && problems === 0) fail('fullName', 'the name is missing');
  else if (fullName !== undefined && fullName.length < 2)
    fail('fullName', 'the name is shorter than 2 characters');
  const fullNameAlt = get('fullNameAlt');

  const rawEmail = get('email');
  const email = rawEmail?.toLowerCase();
  if (email !== undefined && !isEmail(email))
    fail('email', `"${rawEmail}" is not an email address`);

  const rawSex = get('sex');
  const sex = rawSex === undefined ? undefined : lookUp(SEXES, rawSex.toLowerCase());
  if (rawSex !== undefined && !sex)
    fail('sex', `unknown sex "${rawSex}" (F, M, female, male, ж or м)`);

  const rawCategory = get('category');
  const category = rawCategory === undefined ? undefined : lookUp(CATEGORIES, wordKey(rawCategory));
  if (rawCategory !== undefined && !category)
    fail(
      'category',
      `unknown category "${rawCategory}" (one of ${Object.values(ProfessionalCategory).join(', ')})`,
    );

  const rawType = get('organizationType');
  const organizationType =
    rawType === undefined ? OrganizationType.GOVERNMENT : enumValue(OrganizationType, rawType);
  if (!organizationType)
    fail(
      'organizationType',
      `unknown organization type "${rawType}" (one of ${Object.values(OrganizationType).join(', ')})`,
    );

  const rawCountry = get('country');
  const country = rawCountry?.toUpperCase() ?? defaultCountry;
  if (!isCountryCode(country))
    fail('country', `unknown country "${rawCountry}" (an ISO code such as UZ or KZ)`);

  const rawLanguage = get('language');
  const language =
    rawLanguage === undefined ? undefined : lookUp(LANGUAGES, languageKey(rawLanguage));
  if (rawLanguage !== undefined && !language)
    fail(
      'language',
      `unknown language "${rawLanguage}" (en, ru or uz, or the name: English, русский, oʻzbek…)`,
    );

  const position = get('position');
  const organization = get('organization');

  if (problems > 0 || fullName === undefined || !organizationType) return undefined;
  const keys = personKeys(fullName, fullNameAlt);
  return {
    fullName,
    fullNameAlt,
    email,
    sex,
    category,
    position,
    organization,
    organizationType,
    country,
    language,
    keys,
    nameKeys: nameKeysFrom(keys),
    organizationKey: organization && organizationKey(organization, country),
  };
}

/** organizationKey of the names seen last (at most this many): a file names a few thousands of times. */
const organizationKeys = new Map<string, string>();
const ORGANIZATION_KEYS_KEPT = 1000;

/**
 * An organization as imports match it: its name within its country, by searchKey (any
 * case, any apostrophe, either script), so "Fargʻona IIB" and "Farg'ona IIB" are one.
 */
export function organizationKey(name: string, country: string): string {
  const known = organizationKeys.get(name);
  if (known?.startsWith(`${country}\u0000`)) return known;
  if (organizationKeys.size >= ORGANIZATION_KEYS_KEPT) organizationKeys.clear();
  const key = `${country}\u0000${searchKey(name)}`;
  organizationKeys.set(name, key);
  return key;
}

/**
 * The keys a person's names are matched by, one per name (searchKey): a row names the same
 * person as a directory entry, or as another row, when one of its keys is one of theirs.
 * So "Gʻulomova Dilnoza", "G'ulomova Dilnoza", "Gulomova Dilnoza" and "Ғуломова Дилноза"
 * are one name, and so is a name that only matches the other's name in the other script.
 */
export const nameKeysOf = (person: { fullName: string; fullNameAlt?: string | null }): string[] =>
  nameKeysFrom(personKeys(person.fullName, person.fullNameAlt));

const nameKeysFrom = (keys: PersonKeys): string[] =>
  [...new Set([keys.fullNameKey, keys.fullNameAltKey ?? ''])].filter(Boolean);

/** Whether two people's names are one by nameKeysOf. */
export const sameName = (
  a: { fullName: string; fullNameAlt?: string | null },
  b: { fullName: string; fullNameAlt?: string | null },
) => nameKeysOf(a).some((key) => nameKeysOf(b).includes(key));

/**
 * Namesakes (the same name by nameKeysOf in the same organization, or both without one) are one
 * person unless both have an email: two people's own emails tell them apart.
 */
export const namesakesAreOne = (a: { email?: string | null }, b: { email?: string | null }) =>
  !a.email || !b.email;
