import { EntityManager } from '@mikro-orm/core';
import {
  AgendaSession,
  CheckIn,
  ConferenceSeries,
  Edition,
  EditionPartner,
  EditionStatus,
  PartnerRole,
  Registration,
  RegistrationStatus,
  SessionKind,
  SessionSpeaker,
  WorkingGroup,
  WorkingGroupFacilitator,
  WorkingGroupMember,
} from '@platform/conferences';
import {
  Language,
  Organization,
  OrganizationType,
  Person,
  ProfessionalCategory,
  Sex,
} from '@platform/directory';

/**
 * A realistic edition of the regional conference, seeded straight through the ORM
 * (seeding is not what is measured): 40 organizations of mixed types in 6 countries,
 * 300 people, 300 registrations with check-ins, 3 days × 20 sessions with 1-3 titled
 * speakers each, 4 working groups with facilitators sharing the registrations.
 * A fixed pseudo-random seed keeps every run on exactly the same data.
 */
export interface RealisticEdition {
  editionId: string;
  organizations: number;
  people: number;
  registrations: number;
  sessions: number;
  speakers: number;
  workingGroups: number;
  checkIns: number;
}

export const REALISTIC_SIZE = {
  days: 3,
  sessionsPerDay: 20,
  people: 300,
  workingGroups: 4,
} as const;

const { GOVERNMENT, NGO, INTERNATIONAL_ORGANIZATION, DONOR, PRIVATE_SECTOR, ACADEMIA } =
  OrganizationType;
const C = ProfessionalCategory;

type OrgTemplate = [
  name: string,
  acronym: string | undefined,
  type: OrganizationType,
  country: string,
  category: ProfessionalCategory,
];

const CENTRAL_ASIA: [code: string, adjective: string][] = [
  ['KZ', 'the Republic of Kazakhstan'],
  ['KG', 'the Kyrgyz Republic'],
  ['TJ', 'the Republic of Tajikistan'],
  ['TM', 'Turkmenistan'],
  ['UZ', 'the Republic of Uzbekistan'],
];

// 20 government bodies, 10 NGOs, 4 international organizations, 3 donors, 2 private, 1 academia.
const ORGANIZATIONS: OrgTemplate[] = [
  ...CENTRAL_ASIA.flatMap(([code, of]): OrgTemplate[] => [
    [`Ministry of Internal Affairs of ${of}`, 'MIA', GOVERNMENT, code, C.OPERATIONAL_OFFICER],
    [`General Prosecutor's Office of ${of}`, undefined, GOVERNMENT, code, C.PROSECUTOR],
    [`Border Service of ${of}`, undefined, GOVERNMENT, code, C.BORDER_OFFICER],
    [
      `Ministry of Labour and Social Protection of ${of}`,
      undefined,
      GOVERNMENT,
      code,
      C.SOCIAL_WORKER,
    ],
  ]),
  ...CENTRAL_ASIA.flatMap(([code]): OrgTemplate[] => [
    [
      `Shelter and hotline for victims of trafficking (${code})`,
      undefined,
      NGO,
      code,
      C.SOCIAL_WORKER,
    ],
    [`Legal aid clinic for migrants (${code})`, undefined, NGO, code, C.NGO_STAFF],
  ]),
  [
    'United Nations Office on Drugs and Crime, Regional Office for Central Asia',
    'UNODC',
    INTERNATIONAL_ORGANIZATION,
    'UZ',
    C.EXPERT,
  ],
  [
    'International Organization for Migration, Sub-Regional Coordination Office',
    'IOM',
    INTERNATIONAL_ORGANIZATION,
    'KZ',
    C.EXPERT,
  ],
  [
    'Organization for Security and Co-operation in Europe, Programme Office',
    'OSCE',
    INTERNATIONAL_ORGANIZATION,
    'TJ',
    C.EXPERT,
  ],
  ["United Nations Children's Fund", 'UNICEF', INTERNATIONAL_ORGANIZATION, 'KG', C.EXPERT],
  ['United States Agency for International Development', 'USAID', DONOR, 'US', C.DIPLOMAT],
  ['Bureau of International Narcotics and Law Enforcement Affairs', 'INL', DONOR, 'US', C.DIPLOMAT],
  ['Office of the Special Representative for Human Rights', undefined, DONOR, 'US', C.DIPLOMAT],
  ['Association of private employment agencies', undefined, PRIVATE_SECTOR, 'UZ', C.OTHER],
  ['Association of banks and financial institutions', undefined, PRIVATE_SECTOR, 'KZ', C.OTHER],
  ['Academy of the Ministry of Internal Affairs', undefined, ACADEMIA, 'UZ', C.EXPERT],
];

// How many delegates each type of organization sends, relative to the others.
const DELEGATION_WEIGHT: Record<OrganizationType, number> = {
  [GOVERNMENT]: 6,
  [NGO]: 3,
  [INTERNATIONAL_ORGANIZATION]: 4,
  [DONOR]: 2,
  [PRIVATE_SECTOR]: 2,
  [ACADEMIA]: 2,
  [OrganizationType.MEDIA]: 1,
};

// [Latin, Cyrillic] given names and surnames; women take the -a/-а form of the surname.
const MALE_NAMES: [string, string][] = [
  ['Aibek', 'Айбек'],
  ['Bakyt', 'Бакыт'],
  ['Dauren', 'Даурен'],
  ['Erlan', 'Ерлан'],
  ['Farrukh', 'Фаррух'],
  ['Jasur', 'Жасур'],
  ['Merdan', 'Мердан'],
  ['Rustam', 'Рустам'],
  ['Shavkat', 'Шавкат'],
  ['Timur', 'Тимур'],
];
const FEMALE_NAMES: [string, string][] = [
  ['Aigerim', 'Айгерим'],
  ['Cholpon', 'Чолпон'],
  ['Dilnoza', 'Дилноза'],
  ['Gulnara', 'Гульнара'],
  ['Madina', 'Мадина'],
  ['Malika', 'Малика'],
  ['Nodira', 'Нодира'],
  ['Zarina', 'Зарина'],
  ['Saodat', 'Саодат'],
  ['Ainura', 'Айнура'],
];
const SURNAMES: [string, string][] = [
  ['Abdullaev', 'Абдуллаев'],
  ['Asanov', 'Асанов'],
  ['Ismailov', 'Исмаилов'],
  ['Karimov', 'Каримов'],
  ['Nazarov', 'Назаров'],
  ['Rahimov', 'Рахимов'],
  ['Sadykov', 'Садыков'],
  ['Tokhtaev', 'Тохтаев'],
  ['Yusupov', 'Юсупов'],
  ['Atayev', 'Атаев'],
  ['Dzhumabaev', 'Джумабаев'],
  ['Kurbanov', 'Курбанов'],
];
const US_MALE_NAMES = ['James', 'David', 'Michael', 'Robert', 'Daniel'];
const US_FEMALE_NAMES = ['Laura', 'Sarah', 'Emily', 'Rachel', 'Anna'];
const US_SURNAMES = ['Carter', 'Bennett', 'Mitchell', 'Collins', 'Foster', 'Reed'];

const POSITIONS = [
  'Head of department',
  'Deputy head of department',
  'Senior investigator',
  'Chief specialist',
  'Senior prosecutor',
  'Programme officer',
  'Project coordinator',
  'Legal adviser',
  'Director',
  'Senior expert',
];

const TOPICS = [
  'National referral mechanisms in practice',
  'Transnational referral and return of victims',
  'Online recruitment and the abuse of technology',
  'Investigating trafficking for forced labour',
  'Financial investigations and asset recovery',
  'Victim-centred interviewing',
  'Identification of victims at border crossings',
  'Safe labour migration and recruitment fees',
  'Child trafficking and unaccompanied minors',
  'Shelters and long-term reintegration',
  'Cooperation between prosecutors across borders',
  'Digital evidence in trafficking cases',
  'Survivors leading prevention campaigns',
  'Private sector supply chains',
  'Data collection and national reporting',
  'Training of frontline officers',
  'Legal aid for victims and compensation',
  'Trafficking in crisis and displacement',
  'Implementing the regional recommendations',
  'Partnerships between state bodies and NGOs',
];

const SESSION_KINDS = [
  SessionKind.PRESENTATION,
  SessionKind.PANEL,
  SessionKind.SPEECH,
  SessionKind.PLENARY,
  SessionKind.WORKING_GROUP_SITTING,
];
const KIND_LABEL: Record<SessionKind, string> = {
  [SessionKind.OPENING]: 'Opening',
  [SessionKind.SPEECH]: 'Address',
  [SessionKind.PRESENTATION]: 'Presentation',
  [SessionKind.VIDEO_MESSAGE]: 'Video message',
  [SessionKind.PANEL]: 'Panel',
  [SessionKind.PLENARY]: 'Plenary',
  [SessionKind.WORKING_GROUP_SITTING]: 'Working groups',
  [SessionKind.BREAK]: 'Break',
  [SessionKind.CLOSING]: 'Closing',
};

const WORKING_GROUPS: [name: string, topic: string][] = [
  ['Social partnership', 'Cooperation of state bodies with NGOs and the private sector'],
  ['Referral mechanisms', 'Identification, referral and return of victims across borders'],
  [
    'Technology and online exploitation',
    'Online recruitment and the investigation of digital evidence',
  ],
  ['Labour migration', 'Fair recruitment and the prevention of forced labour'],
];

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `scale` multiplies the people, registrations and sessions (2: an edition twice the size). */
export async function seedRealisticEdition(
  em: EntityManager,
  scale = 1,
): Promise<RealisticEdition> {
  const random = seededRandom(2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const organizations = ORGANIZATIONS.map(([name, acronym, type, country]) =>
    em.create(Organization, { name, acronym, type, country }),
  );

  // Delegates are spread over organizations by weight; each takes its organization's country.
  const slots = ORGANIZATIONS.flatMap((template, i) =>
    Array<number>(DELEGATION_WEIGHT[template[2]]).fill(i),
  );
  const people: Person[] = [];
  const orgNameOf = new Map<Person, string>();
  for (let i = 0; i < REALISTIC_SIZE.people * scale; i++) {
    const orgIndex = slots[i % slots.length];
    const [, , , country, category] = ORGANIZATIONS[orgIndex];
    const sex = random() < 0.45 ? Sex.FEMALE : Sex.MALE;
    let fullName: string;
    let fullNameAlt: string | undefined;
    if (country === 'US') {
      fullName = `${pick(sex === Sex.FEMALE ? US_FEMALE_NAMES : US_MALE_NAMES)} ${pick(US_SURNAMES)}`;
    } else {
      const [given, givenAlt] = pick(sex === Sex.FEMALE ? FEMALE_NAMES : MALE_NAMES);
      const [surname, surnameAlt] = pick(SURNAMES);
      const suffix = sex === Sex.FEMALE ? ['a', 'а'] : ['', ''];
      fullName = `${given} ${surname}${suffix[0]}`;
      fullNameAlt = `${givenAlt} ${surnameAlt}${suffix[1]}`;
    }
    const person = em.create(Person, {
      fullName,
      fullNameAlt,
      sex,
      category,
      position: pick(POSITIONS),
      country,
      organization: organizations[orgIndex],
      language: country === 'US' ? Language.EN : country === 'UZ' ? Language.UZ : Language.RU,
    });
    people.push(person);
    orgNameOf.set(person, ORGANIZATIONS[orgIndex][0]);
  }

  const series = em.create(ConferenceSeries, {
    name: 'Central Asian Regional Conference on Combating Trafficking in Persons (benchmark)',
    description:
      'Annual meeting of the Central Asian states, international organizations and NGOs.',
  });
  const dates = ['2024-07-29', '2024-07-30', '2024-07-31'];
  const edition = em.create(Edition, {
    series,
    year: 2024,
    title: 'Regional Conference on Combating Trafficking in Persons 2024',
    theme: 'Leaving no victim behind',
    hostCountry: 'KG',
    city: 'Bishkek',
    venue: 'Congress Hall',
    startDate: dates[0],
    endDate: dates[dates.length - 1],
    status: EditionStatus.IN_PROGRESS,
    isPublished: true,
    capacity: 320,
    objectives: [
      'Follow up the recommendations adopted at the previous editions',
      'Strengthen transnational referral of victims',
      'Improve cooperation between border services and prosecutors',
      'Put survivors at the centre of victim assistance',
      'Engage the private sector in preventing forced labour',
    ],
  });

  const partnerOf = (acronymOrName: string) =>
    organizations.find((o) => o.acronym === acronymOrName || o.name === acronymOrName)!;
  const partners: [Organization, PartnerRole][] = [
    [
      organizations[
        ORGANIZATIONS.findIndex(([n, , , c]) => c === 'KG' && n.startsWith('Ministry of Internal'))
      ],
      PartnerRole.HOST,
    ],
    [partnerOf('UNODC'), PartnerRole.CO_ORGANIZER],
    [partnerOf('IOM'), PartnerRole.CO_ORGANIZER],
    [partnerOf('OSCE'), PartnerRole.PARTNER],
    [partnerOf('UNICEF'), PartnerRole.PARTNER],
    [partnerOf('USAID'), PartnerRole.FUNDER],
    [partnerOf('INL'), PartnerRole.FUNDER],
    [partnerOf('Legal aid clinic for migrants (KG)'), PartnerRole.PARTNER],
  ];
  for (const [organization, role] of partners)
    em.create(EditionPartner, { edition, organization, role });

  // Speakers come from a pool of 90 people of every kind of organization: most delegates only listen.
  const speakerPool = people.filter((_, i) => i % 10 < 3);
  const titleOf = (person: Person) => `${person.position}, ${orgNameOf.get(person)}`;

  // Each day: 10 slots of 45 minutes from 09:00 (times `scale`), two sessions in parallel.
  let sessions = 0;
  let speakers = 0;
  for (let day = 1; day <= REALISTIC_SIZE.days; day++) {
    const sessionsPerDay = REALISTIC_SIZE.sessionsPerDay * scale;
    for (let s = 0; s < sessionsPerDay; s++) {
      const slot = Math.floor(s / 2);
      const first = day === 1 && s === 0;
      const last = day === REALISTIC_SIZE.days && s === sessionsPerDay - 1;
      const kind = first
        ? SessionKind.OPENING
        : last
          ? SessionKind.CLOSING
          : SESSION_KINDS[(day + s) % SESSION_KINDS.length];
      const topic = TOPICS[(day * 7 + s) % TOPICS.length];
      const session = em.create(AgendaSession, {
        edition,
        day,
        startTime: hhmm(9 * 60 + slot * 45),
        endTime: hhmm(9 * 60 + slot * 45 + 40),
        kind,
        title:
          first || last ? `${KIND_LABEL[kind]} of the conference` : `${KIND_LABEL[kind]}: ${topic}`,
        room:
          kind === SessionKind.WORKING_GROUP_SITTING
            ? 'Rooms 1-4'
            : s % 2 === 0
              ? 'Plenary hall'
              : 'Room A',
        moderator:
          kind === SessionKind.PANEL || kind === SessionKind.PLENARY
            ? pick(speakerPool)
            : undefined,
      });
      sessions++;
      const chosen = new Set<Person>();
      const count = 1 + Math.floor(random() * 3);
      while (chosen.size < count) chosen.add(pick(speakerPool));
      [...chosen].forEach((person, position) => {
        em.create(SessionSpeaker, { session, person, titleOnAgenda: titleOf(person), position });
        speakers++;
      });
    }
  }

  const groups = WORKING_GROUPS.map(([name, topic], g) => {
    const group = em.create(WorkingGroup, { edition, name, topic, capacity: 80 });
    // One or two facilitators each, taken from the speakers.
    em.create(WorkingGroupFacilitator, { workingGroup: group, person: speakerPool[g * 2] });
    if (g % 2 === 0)
      em.create(WorkingGroupFacilitator, { workingGroup: group, person: speakerPool[g * 2 + 1] });
    return group;
  });

  let checkIns = 0;
  people.forEach((person, i) => {
    const roll = random();
    const status =
      roll < 0.7
        ? RegistrationStatus.CONFIRMED
        : roll < 0.95
          ? RegistrationStatus.REGISTERED
          : RegistrationStatus.WAITLISTED;
    const registration = em.create(Registration, {
      edition,
      person,
      delegationCountry: person.country,
      status,
    });
    em.create(WorkingGroupMember, { workingGroup: groups[i % groups.length], registration });
    if (status === RegistrationStatus.WAITLISTED) return;
    for (const day of dates) {
      if (random() < 0.9) {
        em.create(CheckIn, { registration, day });
        checkIns++;
      }
    }
  });

  await em.flush();
  return {
    editionId: edition.id,
    organizations: organizations.length,
    people: people.length,
    registrations: people.length,
    sessions,
    speakers,
    workingGroups: groups.length,
    checkIns,
  };
}
