import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Actor, countryNameIn, LanguageCode, ruPlural } from '@platform/core';
import { organizationTypeLabel, sexLabel } from '@platform/directory';
import { EditionAccess } from '../editions/edition-access';
import { CheckIn, Registration, RegistrationStatus, SEATED_STATUSES } from './registration.entity';

@ObjectType()
export class ParticipationGroup {
  @Field({ description: 'The code grouped by, e.g. UZ or NGO.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'Registered or confirmed.' })
  registered!: number;

  @Field(() => Int, { description: 'Checked in on at least one day.' })
  attended!: number;
}

@ObjectType({ description: 'Who was checked in on one day of an edition.' })
export class DayAttendance {
  @Field(() => Int, { description: '1 for the first day.' })
  number!: number;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field(() => Int, { description: 'Participants checked in that day.' })
  checkedIn!: number;
}

@ObjectType({ description: 'Who came: the figures an edition report quotes.' })
export class EditionParticipation {
  @Field(() => Int) registered!: number;
  @Field(() => Int) attended!: number;
  @Field(() => Int) waitlisted!: number;
  @Field(() => Int) invited!: number;
  @Field(() => Int, { description: 'Distinct organizations among attendees.' })
  organizations!: number;
  @Field(() => Int, { description: 'Distinct delegation countries among attendees.' })
  countries!: number;
  @Field(() => [ParticipationGroup]) byOrganizationType!: ParticipationGroup[];
  @Field(() => [ParticipationGroup], { description: 'By delegation country.' })
  byCountry!: ParticipationGroup[];
  @Field(() => [ParticipationGroup], {
    description: "By the person's sex: FEMALE, MALE, or UNKNOWN when not recorded.",
  })
  bySex!: ParticipationGroup[];
  @Field(() => [DayAttendance], { description: 'Every day of the edition, in order.' })
  byDay!: DayAttendance[];
  @Field({
    description:
      'One sentence for a report, e.g. "45 representatives of government and NGO organizations from 5 countries attended."',
  })
  summary!: string;
}

// The English sentence names kinds of organizations by adjective ("of government and
// international organizations"); Russian and Uzbek list the directory's labels.
const TYPE_ADJECTIVES: Partial<Record<string, string>> = {
  GOVERNMENT: 'government',
  NGO: 'non-government',
  INTERNATIONAL_ORGANIZATION: 'international',
  DONOR: 'donor',
  PRIVATE_SECTOR: 'private',
  ACADEMIA: 'academic',
  MEDIA: 'media',
  NONE: 'no organization',
};

@Injectable()
export class ParticipationService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
  ) {}

  /** Three queries whatever the size: registrations with their people's organizations, and check-ins. */
  async forEdition(
    actor: Actor,
    editionId: string,
    language: LanguageCode,
  ): Promise<EditionParticipation> {
    const edition = await this.access.manageable(actor, editionId);
    const registrations = await this.em.find(
      Registration,
      { edition: editionId },
      { populate: ['person.organization'] },
    );
    // Whole rows (never `fields`): partial entities would linger in the request's
    // identity map and could be served half-empty to other fields of the same query.
    const checkIns = await this.em.find(CheckIn, { registration: { edition: editionId } });
    const attendedIds = new Set(checkIns.map((checkIn) => checkIn.registration.id));

    const seated = registrations.filter((r) => SEATED_STATUSES.includes(r.status));
    const attendees = seated.filter((r) => attendedIds.has(r.id));
    const organizationOf = (r: Registration) => r.person.getEntity().organization?.getEntity();

    const group = <K extends string>(
      keyOf: (r: Registration) => K,
      labelOf: (key: K) => string,
    ): ParticipationGroup[] => {
      const groups = new Map<K, ParticipationGroup>();
      for (const r of seated) {
        const key = keyOf(r);
        const entry = groups.get(key) ?? { key, label: labelOf(key), registered: 0, attended: 0 };
        entry.registered += 1;
        if (attendedIds.has(r.id)) entry.attended += 1;
        groups.set(key, entry);
      }
      return [...groups.values()].sort(
        (a, b) => b.registered - a.registered || a.key.localeCompare(b.key),
      );
    };

    const byOrganizationType = group(
      (r) => organizationOf(r)?.type ?? 'NONE',
      (key) => organizationTypeLabel(key, language),
    );
    const byCountry = group(
      (r) => r.delegationCountry,
      (code) => countryNameIn(language, code),
    );
    const bySex = group(
      (r) => r.person.getEntity().sex ?? 'UNKNOWN',
      (key) => sexLabel(key, language),
    );
    const byDay = edition.days.map(({ number, date }) => ({
      number,
      date,
      checkedIn: checkIns.filter((checkIn) => checkIn.day === date).length,
    }));
    const organizations = new Set(attendees.map((r) => organizationOf(r)?.id).filter(Boolean)).size;
    const countries = new Set(attendees.map((r) => r.delegationCountry)).size;
    const kinds = byOrganizationType
      .filter((g) => g.attended > 0 && g.key !== 'NONE')
      .map(
        (g) => (language === 'en' ? TYPE_ADJECTIVES[g.key] : undefined) ?? g.label.toLowerCase(),
      );

    return {
      registered: seated.length,
      attended: attendees.length,
      waitlisted: registrations.filter((r) => r.status === RegistrationStatus.WAITLISTED).length,
      invited: registrations.filter((r) => r.status === RegistrationStatus.INVITED).length,
      organizations,
      countries,
      byOrganizationType,
      byCountry,
      bySex,
      byDay,
      summary: SUMMARY[language](attendees.length, kinds, countries),
    };
  }
}

/** One sentence for the edition's report, in the reader's language. */
const SUMMARY: Record<
  LanguageCode,
  (attended: number, kinds: string[], countries: number) => string
> = {
  en: (attended, kinds, countries) => {
    if (attended === 0) return 'Nobody has checked in yet.';
    const people = attended === 1 ? '1 representative' : `${attended} representatives`;
    const list =
      kinds.length > 1
        ? `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`
        : kinds[0];
    const of = list ? ` of ${list} organizations` : '';
    const from = countries === 1 ? '1 country' : `${countries} countries`;
    return `${people}${of} from ${from} attended.`;
  },
  ru: (attended, kinds, countries) => {
    if (attended === 0) return 'Пока никто не отмечен.';
    const people = `${attended} ${ruPlural(attended, 'представитель', 'представителя', 'представителей')}`;
    const from = `${countries} ${ruPlural(countries, 'страны', 'стран', 'стран')}`;
    return `Участвовали ${people} из ${from}${kinds.length ? `: ${kinds.join(', ')}` : ''}.`;
  },
  uz: (attended, kinds, countries) => {
    if (attended === 0) return 'Hali hech kim qayd etilmagan.';
    const list = kinds.length ? ` (${kinds.join(', ')})` : '';
    return `${countries} mamlakatdan ${attended} vakil qatnashdi${list}.`;
  },
};
