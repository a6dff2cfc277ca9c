import { EntityManager } from '@mikro-orm/core';
import { hashPassword, User } from '@platform/accounts';
import { CertificateSettings } from '@platform/documents';
import {
  AgendaSession,
  CheckIn,
  ConferenceSeries,
  Edition,
  EditionOrganizer,
  EditionPartner,
  EditionStatus,
  FollowUpStatus,
  PartnerRole,
  Recommendation,
  RecommendationFollowUp,
  RecommendationStatus,
  Registration,
  RegistrationStatus,
  RotationSlot,
  SessionKind,
  SessionSpeaker,
  WorkingGroup,
  WorkingGroupFacilitator,
  WorkingGroupMember,
} from '@platform/conferences';
import { EventKind, Role } from '@platform/core';
import { ImplementedRecommendation } from '@platform/trainings';
import {
  Language,
  Organization,
  OrganizationType,
  Person,
  ProfessionalCategory,
  Sex,
} from '@platform/directory';
import { DEMO_FOCAL_POINT, loadDelegationsDemo } from './delegations-demo';
import { translated } from './demo-translations';
import { loadEvaluationsDemo } from './evaluations-demo';
import { DEMO_CASCADE, DEMO_TRAINER, loadTrainingDemo } from './training-demo';

/**
 * Demo data retold from public reports of the Central Asian counter-trafficking
 * calendar: the regional conference series whose host rotates (agreed in Bukhara,
 * November 2021), the 2022 Tashkent edition with its partners, two-day agenda,
 * working groups, delegations and adopted recommendations, and the 2023 edition
 * that follows them up. People are invented.
 */
export const DEMO_SERIES_NAME =
  'Central Asian Regional Conference on Combating Trafficking in Persons';
export const DEMO_ORGANIZER = { email: 'organizer@example.org', password: 'organizer-demo-2022' };
export const DEMO_PARTICIPANT = {
  email: 'participant@example.org',
  password: 'participant-demo-2022',
};

const { GOVERNMENT, NGO, INTERNATIONAL_ORGANIZATION, DONOR, PRIVATE_SECTOR } = OrganizationType;

const ORGANIZATIONS: [
  key: string,
  name: string,
  acronym: string | undefined,
  type: OrganizationType,
  country: string,
][] = [
  [
    'commission',
    'National Commission on Combating Human Trafficking and Forced Labour',
    undefined,
    GOVERNMENT,
    'UZ',
  ],
  ['mia-uz', 'Ministry of Internal Affairs of the Republic of Uzbekistan', 'MIA', GOVERNMENT, 'UZ'],
  [
    'prosecutor-uz',
    "General Prosecutor's Office of the Republic of Uzbekistan",
    undefined,
    GOVERNMENT,
    'UZ',
  ],
  ['mia-kz', 'Ministry of Internal Affairs of the Republic of Kazakhstan', 'MIA', GOVERNMENT, 'KZ'],
  [
    'prosecutor-kg',
    "General Prosecutor's Office of the Kyrgyz Republic",
    undefined,
    GOVERNMENT,
    'KG',
  ],
  [
    'border-tj',
    'Border Troops of the State Committee for National Security of Tajikistan',
    undefined,
    GOVERNMENT,
    'TJ',
  ],
  ['mfa-tm', 'Ministry of Foreign Affairs of Turkmenistan', 'MFA', GOVERNMENT, 'TM'],
  [
    'unodc',
    'United Nations Office on Drugs and Crime, Regional Office for Central Asia',
    'UNODC',
    INTERNATIONAL_ORGANIZATION,
    'UZ',
  ],
  ['iom', 'International Organization for Migration', 'IOM', INTERNATIONAL_ORGANIZATION, 'UZ'],
  ['ingo', 'Safe Migration Alliance (international NGO)', 'SMA', NGO, 'UZ'],
  ['ngo-uz', 'Istiqbol shelter and hotline for victims of trafficking', undefined, NGO, 'UZ'],
  ['ngo-kz', 'Sana Sezim crisis centre', undefined, NGO, 'KZ'],
  ['ngo-kg', 'Tenir legal aid clinic', undefined, NGO, 'KG'],
  ['usaid', 'United States Agency for International Development', 'USAID', DONOR, 'US'],
  ['inl', 'Bureau of International Narcotics and Law Enforcement Affairs', 'INL', DONOR, 'US'],
  [
    'private-uz',
    'Uzbek association of private employment agencies',
    undefined,
    PRIVATE_SECTOR,
    'UZ',
  ],
];

// Invented delegates: [Latin name, Cyrillic name, sex, category, organization key, country].
const DELEGATES: [string, string, Sex, ProfessionalCategory, string, string][] = [
  [
    'Dilnoza Gʻulomova',
    'Дилноза Гуломова',
    Sex.FEMALE,
    ProfessionalCategory.EXPERT,
    'commission',
    'UZ',
  ],
  [
    'Oʻtkir Rahimov',
    'Ўткир Рахимов',
    Sex.MALE,
    ProfessionalCategory.OPERATIONAL_OFFICER,
    'mia-uz',
    'UZ',
  ],
  [
    'Shavkat Toʻxtayev',
    'Шавкат Тўхтаев',
    Sex.MALE,
    ProfessionalCategory.INVESTIGATOR,
    'mia-uz',
    'UZ',
  ],
  [
    'Malika Qodirova',
    'Малика Қодирова',
    Sex.FEMALE,
    ProfessionalCategory.PROSECUTOR,
    'prosecutor-uz',
    'UZ',
  ],
  [
    'Gʻayrat Oʻrinov',
    'Ғайрат Ўринов',
    Sex.MALE,
    ProfessionalCategory.PROSECUTOR,
    'prosecutor-uz',
    'UZ',
  ],
  [
    'Aigerim Nurlanovna',
    'Айгерим Нурлановна',
    Sex.FEMALE,
    ProfessionalCategory.INVESTIGATOR,
    'mia-kz',
    'KZ',
  ],
  [
    'Yerlan Sadykov',
    'Ерлан Садыков',
    Sex.MALE,
    ProfessionalCategory.OPERATIONAL_OFFICER,
    'mia-kz',
    'KZ',
  ],
  [
    'Bakyt Asanov',
    'Бакыт Асанов',
    Sex.MALE,
    ProfessionalCategory.PROSECUTOR,
    'prosecutor-kg',
    'KG',
  ],
  [
    'Cholpon Ismailova',
    'Чолпон Исмаилова',
    Sex.FEMALE,
    ProfessionalCategory.PROSECUTOR,
    'prosecutor-kg',
    'KG',
  ],
  [
    'Firuz Nazarov',
    'Фируз Назаров',
    Sex.MALE,
    ProfessionalCategory.BORDER_OFFICER,
    'border-tj',
    'TJ',
  ],
  [
    'Mavjuda Rahmonova',
    'Мавжуда Рахмонова',
    Sex.FEMALE,
    ProfessionalCategory.BORDER_OFFICER,
    'border-tj',
    'TJ',
  ],
  ['Merdan Atayev', 'Мердан Атаев', Sex.MALE, ProfessionalCategory.DIPLOMAT, 'mfa-tm', 'TM'],
  ['Elena Petrova', 'Елена Петрова', Sex.FEMALE, ProfessionalCategory.EXPERT, 'unodc', 'UZ'],
  ['Rustam Karimov', 'Рустам Каримов', Sex.MALE, ProfessionalCategory.EXPERT, 'iom', 'UZ'],
  ['Sarah Mitchell', 'Сара Митчелл', Sex.FEMALE, ProfessionalCategory.EXPERT, 'ingo', 'UZ'],
  [
    'Nodira Yoʻldosheva',
    'Нодира Йўлдошева',
    Sex.FEMALE,
    ProfessionalCategory.SOCIAL_WORKER,
    'ngo-uz',
    'UZ',
  ],
  [
    'Zarina Ahmedova',
    'Зарина Ахмедова',
    Sex.FEMALE,
    ProfessionalCategory.NGO_STAFF,
    'ngo-uz',
    'UZ',
  ],
  [
    'Gulnara Abenova',
    'Гульнара Абенова',
    Sex.FEMALE,
    ProfessionalCategory.NGO_STAFF,
    'ngo-kz',
    'KZ',
  ],
  ['Aibek Dzhumabaev', 'Айбек Джумабаев', Sex.MALE, ProfessionalCategory.NGO_STAFF, 'ngo-kg', 'KG'],
  ['James Carter', 'Джеймс Картер', Sex.MALE, ProfessionalCategory.DIPLOMAT, 'usaid', 'US'],
  ['Laura Bennett', 'Лора Беннетт', Sex.FEMALE, ProfessionalCategory.DIPLOMAT, 'inl', 'US'],
  ['Jasur Mirzayev', 'Жасур Мирзаев', Sex.MALE, ProfessionalCategory.OTHER, 'private-uz', 'UZ'],
];

// Filled up with numbered delegates so the edition reaches 45 representatives.
const DELEGATION_FILL: [country: string, organization: string, category: ProfessionalCategory][] = [
  ['UZ', 'mia-uz', ProfessionalCategory.OPERATIONAL_OFFICER],
  ['KZ', 'mia-kz', ProfessionalCategory.INVESTIGATOR],
  ['KG', 'prosecutor-kg', ProfessionalCategory.PROSECUTOR],
  ['TJ', 'border-tj', ProfessionalCategory.BORDER_OFFICER],
  ['TM', 'mfa-tm', ProfessionalCategory.DIPLOMAT],
  ['UZ', 'ngo-uz', ProfessionalCategory.NGO_STAFF],
];

export async function loadDemoData(em: EntityManager): Promise<string> {
  if (await em.count(ConferenceSeries, { name: DEMO_SERIES_NAME })) {
    return 'The demo data is already loaded; nothing changed.';
  }
  await em.transactional(async (tx) => {
    const orgs = new Map<string, Organization>();
    for (const [key, name, acronym, type, country] of ORGANIZATIONS) {
      const existing = await tx.findOne(Organization, { name, country });
      orgs.set(
        key,
        existing ?? translated(tx.create(Organization, { name, acronym, type, country })),
      );
    }

    const people: Person[] = DELEGATES.map(
      ([fullName, fullNameAlt, sex, category, org, country], i) =>
        tx.create(Person, {
          fullName,
          fullNameAlt,
          sex,
          category,
          country,
          organization: orgs.get(org),
          email: i === 1 ? DEMO_PARTICIPANT.email : undefined,
          language: country === 'UZ' ? Language.UZ : country === 'US' ? Language.EN : Language.RU,
        }),
    );
    for (let i = 0; people.length < 45; i++) {
      const [country, org, category] = DELEGATION_FILL[i % DELEGATION_FILL.length]!;
      people.push(
        tx.create(Person, {
          fullName: `Delegate ${country}-${String(i + 1).padStart(2, '0')}`,
          sex: i % 3 === 0 ? Sex.FEMALE : Sex.MALE,
          category,
          country,
          organization: orgs.get(org),
          language: Language.RU,
        }),
      );
    }
    const person = (latinName: string) => people.find((p) => p.fullName === latinName)!;

    const series = tx.create(ConferenceSeries, {
      name: DEMO_SERIES_NAME,
      description:
        'Annual meeting of the Central Asian states, international organizations and NGOs; the host rotates as agreed in Bukhara on 25-26 November 2021, at the end of July around the World Day against Trafficking in Persons (30 July).',
    });
    for (const [year, hostCountry] of [
      [2022, 'UZ'],
      [2023, 'KZ'],
      [2024, 'KG'],
      [2025, 'TJ'],
      [2026, 'TM'],
    ] as const) {
      tx.create(RotationSlot, { series, year, hostCountry });
    }

    const tashkent = translated(
      tx.create(Edition, {
        series,
        year: 2022,
        title:
          'Strengthening National and International Partnerships in Combating Trafficking in Persons',
        theme: 'Use and Abuse of Technology',
        hostCountry: 'UZ',
        timeZone: 'Asia/Tashkent',
        city: 'Tashkent',
        venue: 'International Congress Centre',
        startDate: '2022-07-28',
        endDate: '2022-07-29',
        status: EditionStatus.CLOSED,
        isPublished: true,
        capacity: 60,
        objectives: [
          'Exchange best practices in combating trafficking in persons',
          'Strengthen national and transnational referral mechanisms for victims',
          'Build partnerships between state bodies, civil society and international organizations',
          'Review the implementation of the Bukhara Declaration',
          'Improve cooperation between border services',
        ],
      }),
    );
    const partners: [string, PartnerRole][] = [
      ['commission', PartnerRole.HOST],
      ['mia-uz', PartnerRole.CO_ORGANIZER],
      ['unodc', PartnerRole.CO_ORGANIZER],
      ['ingo', PartnerRole.CO_ORGANIZER],
      ['usaid', PartnerRole.FUNDER],
      ['inl', PartnerRole.FUNDER],
      ['iom', PartnerRole.PARTNER],
    ];
    for (const [org, role] of partners)
      tx.create(EditionPartner, { edition: tashkent, organization: orgs.get(org)!, role });

    const agenda: [
      number,
      string,
      string,
      SessionKind,
      string,
      string | undefined,
      [string, string][],
    ][] = [
      [
        1,
        '09:00',
        '09:30',
        SessionKind.OPENING,
        'Welcoming speeches',
        'Plenary hall',
        [
          ['Dilnoza Gʻulomova', 'Secretary of the National Commission'],
          ['James Carter', 'Representative of the United States Embassy'],
        ],
      ],
      [
        1,
        '09:30',
        '09:45',
        SessionKind.VIDEO_MESSAGE,
        'Video message from the UNODC Regional Representative',
        'Plenary hall',
        [],
      ],
      [
        1,
        '09:45',
        '10:30',
        SessionKind.PRESENTATION,
        'National referral mechanism: three years of practice',
        'Plenary hall',
        [['Oʻtkir Rahimov', 'Head of the anti-trafficking unit, Ministry of Internal Affairs']],
      ],
      [1, '10:30', '11:00', SessionKind.BREAK, 'Coffee break', undefined, []],
      [
        1,
        '11:00',
        '12:30',
        SessionKind.PANEL,
        'Transnational referral and return of victims',
        'Plenary hall',
        [
          ['Aigerim Nurlanovna', 'Senior investigator, Ministry of Internal Affairs of Kazakhstan'],
          ['Rustam Karimov', 'Programme officer, IOM'],
          ['Firuz Nazarov', 'Border Troops of Tajikistan'],
        ],
      ],
      [1, '12:30', '13:30', SessionKind.BREAK, 'Lunch', undefined, []],
      [
        1,
        '13:30',
        '14:30',
        SessionKind.PRESENTATION,
        'Use and abuse of technology in recruitment',
        'Plenary hall',
        [['Elena Petrova', 'Crime prevention expert, UNODC']],
      ],
      [
        1,
        '14:30',
        '17:00',
        SessionKind.WORKING_GROUP_SITTING,
        'Working groups: first sitting',
        'Rooms A-C',
        [],
      ],
      [
        2,
        '09:30',
        '11:30',
        SessionKind.WORKING_GROUP_SITTING,
        'Working groups: drafting recommendations',
        'Rooms A-C',
        [],
      ],
      [
        2,
        '11:30',
        '13:00',
        SessionKind.PLENARY,
        'Plenary sitting of the working groups',
        'Plenary hall',
        [['Sarah Mitchell', 'Regional director, Safe Migration Alliance']],
      ],
      [
        2,
        '13:00',
        '13:30',
        SessionKind.CLOSING,
        'Closing: adoption of the recommendations',
        'Plenary hall',
        [['Dilnoza Gʻulomova', 'Secretary of the National Commission']],
      ],
    ];
    for (const [day, startTime, endTime, kind, title, room, speakers] of agenda) {
      const session = translated(
        tx.create(AgendaSession, { edition: tashkent, day, startTime, endTime, kind, title, room }),
      );
      speakers.forEach(([name, titleOnAgenda], position) =>
        translated(
          tx.create(SessionSpeaker, { session, person: person(name), titleOnAgenda, position }),
        ),
      );
    }

    const registrations = people.map((p, i) =>
      tx.create(Registration, {
        edition: tashkent,
        person: p,
        delegationCountry: p.country,
        status: i % 4 === 0 ? RegistrationStatus.CONFIRMED : RegistrationStatus.REGISTERED,
      }),
    );
    for (const registration of registrations) {
      tx.create(CheckIn, { registration, day: '2022-07-28' });
      tx.create(CheckIn, { registration, day: '2022-07-29' });
    }

    const groups = (
      [
        [
          'Social partnership',
          'Cooperation of state bodies with NGOs and the private sector',
          'Sarah Mitchell',
        ],
        [
          'Referral mechanisms',
          'Identification, referral and return of victims across borders',
          'Rustam Karimov',
        ],
        [
          'Technology and online exploitation',
          'Online recruitment and the investigation of digital evidence',
          'Elena Petrova',
        ],
      ] satisfies [name: string, topic: string, facilitator: string][]
    ).map(([name, topic, facilitator]) => {
      const group = translated(
        tx.create(WorkingGroup, { edition: tashkent, name, topic, capacity: 20 }),
      );
      tx.create(WorkingGroupFacilitator, { workingGroup: group, person: person(facilitator) });
      return group;
    });
    registrations.forEach((registration, i) =>
      tx.create(WorkingGroupMember, { workingGroup: groups[i % groups.length]!, registration }),
    );

    const recommendations = [
      [
        groups[0],
        'Establish a standing dialogue between the national commissions and NGOs of the region, meeting at least twice a year.',
        'National commissions',
      ],
      [
        groups[0],
        'Involve private employment agencies in the prevention of labour exploitation through a code of conduct.',
        'Ministries of labour',
      ],
      [
        groups[1],
        'Agree on a transnational referral mechanism with common forms for the identification and return of victims.',
        'Ministries of internal affairs and foreign affairs',
      ],
      [
        groups[2],
        'Train investigators in collecting and exchanging digital evidence in trafficking cases.',
        "Ministries of internal affairs and prosecutors' offices",
      ],
    ].map(([group, text, addressedTo], i) =>
      translated(
        tx.create(Recommendation, {
          edition: tashkent,
          number: i + 1,
          workingGroup: group,
          text: text as string,
          addressedTo: addressedTo as string,
          status: RecommendationStatus.ADOPTED,
          adoptedAt: new Date('2022-07-29T08:30:00Z'),
        }),
      ),
    );

    const astana = translated(
      tx.create(Edition, {
        series,
        year: 2023,
        title: 'Regional Conference on Combating Trafficking in Persons 2023',
        theme: "Victims' voices lead the way",
        hostCountry: 'KZ',
        timeZone: 'Asia/Almaty',
        city: 'Astana',
        startDate: '2023-07-27',
        endDate: '2023-07-28',
        status: EditionStatus.REGISTRATION_OPEN,
        isPublished: true,
        capacity: 80,
        objectives: [
          'Follow up the recommendations adopted in Tashkent in 2022',
          'Put survivors at the centre of victim assistance',
        ],
      }),
    );
    const [followedUp, , notStarted] = recommendations;
    if (!followedUp || !notStarted) throw new Error('The demo edition has three recommendations');
    tx.create(RecommendationFollowUp, {
      recommendation: followedUp,
      edition: astana,
      status: FollowUpStatus.IN_PROGRESS,
      note: 'Two meetings held; a memorandum with NGOs is being drafted.',
    });
    tx.create(RecommendationFollowUp, {
      recommendation: notStarted,
      edition: astana,
      status: FollowUpStatus.NOT_STARTED,
    });

    const organizer =
      (await tx.findOne(User, { email: DEMO_ORGANIZER.email })) ??
      tx.create(User, {
        email: DEMO_ORGANIZER.email,
        role: Role.ORGANIZER,
        passwordHash: await hashPassword(DEMO_ORGANIZER.password),
      });
    tx.create(EditionOrganizer, { edition: tashkent, user: organizer });
    // Ready to issue: issueCertificates(input: { kind: CONFERENCE_ATTENDANCE, editionId }).
    translated(
      tx.create(CertificateSettings, {
        eventKind: EventKind.EDITION,
        eventId: tashkent.id,
        serialPrefix: 'TIP',
        secondLanguage: Language.EN,
        hours: 12,
        signatories: [
          { name: 'Tanzila Narbaeva', position: 'Chair of the National Commission' },
          {
            name: 'Ashita Mittal',
            position: 'Regional Representative for Central Asia',
            organization: 'UNODC',
          },
        ],
      }),
    );
    tx.create(EditionOrganizer, { edition: astana, user: organizer });
    if (!(await tx.count(User, { email: DEMO_PARTICIPANT.email }))) {
      tx.create(User, {
        email: DEMO_PARTICIPANT.email,
        role: Role.PARTICIPANT,
        person: people[1],
        passwordHash: await hashPassword(DEMO_PARTICIPANT.password),
      });
    }
    await loadDelegationsDemo(tx, series, orgs, organizer);
    const programme = await loadTrainingDemo(tx, orgs, organizer);
    // The seminar series implements the recommendation on training investigators: its
    // follow-up at the 2023 edition shows the seminars held before it.
    const onInvestigators = recommendations[3];
    if (!onInvestigators) throw new Error('The demo edition has four recommendations');
    tx.create(RecommendationFollowUp, {
      recommendation: onInvestigators,
      edition: astana,
      status: FollowUpStatus.IN_PROGRESS,
      note: 'A seminar series for investigators runs in the regions of Uzbekistan since February 2023.',
    });
    tx.create(ImplementedRecommendation, { programme, recommendationId: onInvestigators.id });
    await loadEvaluationsDemo(tx);
  });
  return [
    'Loaded the demo data: the regional conference series with its 2022-2026 rotation,',
    'the 2022 Tashkent edition (45 representatives, 2-day agenda, 3 working groups, 4 adopted recommendations)',
    'the 2023 Astana edition (registration open, following up Tashkent)',
    'and the 2026 Ashgabat edition with five delegations (the Uzbek one with nominations in every state);',
    'the 2023 regional seminar series on investigating trafficking in persons (14 two-day seminars, 410 trained;',
    'the first a training of trainers whose trainers deliver three later seminars),',
    'each seminar evaluated at the end (anonymous) and 6 months later, and the Tashkent edition (named).',
    `Organizer login: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}`,
    `Trainer login: ${DEMO_TRAINER.email} / ${DEMO_TRAINER.password}`,
    `Cascade trainer logins: ${DEMO_CASCADE.email(1)} … ${DEMO_CASCADE.email(DEMO_CASCADE.trainers)} / ${DEMO_CASCADE.password}`,
    `Participant login: ${DEMO_PARTICIPANT.email} / ${DEMO_PARTICIPANT.password}`,
    `Focal point login: ${DEMO_FOCAL_POINT.email} / ${DEMO_FOCAL_POINT.password}`,
  ].join('\n');
}
