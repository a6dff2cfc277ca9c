import { EntityManager } from '@mikro-orm/core';
import { hashPassword, User } from '@platform/accounts';
import {
  ConferenceSeries,
  Delegation,
  DelegationFocalPoint,
  DelegationKind,
  Edition,
  EditionOrganizer,
  EditionStatus,
  Nomination,
  NominationStatus,
  Registration,
  RegistrationStatus,
} from '@platform/conferences';
import { Role } from '@platform/core';
import { Language, Organization, Person, ProfessionalCategory, Sex } from '@platform/directory';

export const DEMO_FOCAL_POINT = { email: 'focal@example.org', password: 'focal-demo-2026' };

/** The delegations of the 2026 edition: the five Central Asian states, 8 seats (2 judges) each. */
const COUNTRIES = ['TM', 'KZ', 'KG', 'TJ', 'UZ'] as const;

/** The Uzbek delegation's nominees, in every state a nomination goes through. */
const NOMINEES: [
  latin: string,
  cyrillic: string,
  sex: Sex,
  category: ProfessionalCategory,
  status: NominationStatus,
  letter: boolean,
][] = [
  [
    'Sardor Aliyev',
    'Сардор Алиев',
    Sex.MALE,
    ProfessionalCategory.JUDGE,
    NominationStatus.APPROVED,
    true,
  ],
  [
    'Malika Yusupova',
    'Малика Юсупова',
    Sex.FEMALE,
    ProfessionalCategory.PROSECUTOR,
    NominationStatus.SUBMITTED,
    true,
  ],
  [
    'Jasur Toshmatov',
    'Жасур Тошматов',
    Sex.MALE,
    ProfessionalCategory.INVESTIGATOR,
    NominationStatus.DRAFT,
    true,
  ],
  [
    'Gulnora Rashidova',
    'Гулнора Рашидова',
    Sex.FEMALE,
    ProfessionalCategory.BORDER_OFFICER,
    NominationStatus.DRAFT,
    false,
  ],
  [
    'Bekzod Nurmatov',
    'Бекзод Нурматов',
    Sex.MALE,
    ProfessionalCategory.OTHER,
    NominationStatus.DECLINED,
    true,
  ],
];

/** A one-page PDF that says whom it nominates: what a scanned nomination letter stands for. */
export function demoLetter(name: string): Buffer {
  const text = `Nomination letter: ${name}`.replace(/[()\\]/g, '');
  const content = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * The 2026 Ashgabat edition (Turkmenistan hosts, by the rotation), with its five
 * delegations; the Uzbek one's focal point has nominated five people, one in each state.
 */
export async function loadDelegationsDemo(
  tx: EntityManager,
  series: ConferenceSeries,
  orgs: Map<string, Organization>,
  organizer: User,
): Promise<Edition> {
  const ashgabat = tx.create(Edition, {
    series,
    year: 2026,
    title: 'Regional Conference on Combating Trafficking in Persons 2026',
    theme: 'Cooperation of the Central Asian states in protecting victims',
    hostCountry: 'TM',
    timeZone: 'Asia/Ashgabat',
    city: 'Ashgabat',
    startDate: '2026-07-30',
    endDate: '2026-07-31',
    status: EditionStatus.REGISTRATION_OPEN,
    isPublished: true,
    capacity: 60,
    objectives: ['Agree on the nomination of national delegations through focal points'],
    translations: {
      title: {
        ru: 'Региональная конференция по противодействию торговле людьми 2026',
        uz: 'Odam savdosiga qarshi kurashish boʻyicha mintaqaviy konferensiya 2026',
      },
      theme: {
        ru: 'Сотрудничество государств Центральной Азии в защите жертв',
        uz: 'Markaziy Osiyo davlatlarining jabrlanuvchilarni himoya qilishdagi hamkorligi',
      },
      city: { ru: 'Ашхабад', uz: 'Ashxobod' },
      'objectives.0': {
        ru: 'Согласовать выдвижение национальных делегаций через координаторов',
        uz: 'Milliy delegatsiyalarni koordinatorlar orqali koʻrsatishni kelishib olish',
      },
    },
  });
  tx.create(EditionOrganizer, { edition: ashgabat, user: organizer });
  const delegations = new Map(
    COUNTRIES.map((country, i) => [
      country,
      tx.create(Delegation, {
        // Listed in this order: the host first.
        createdAt: new Date(Date.UTC(2026, 3, 1, 9, i)),
        edition: ashgabat,
        kind: DelegationKind.COUNTRY,
        country,
        seats: 8,
        categorySeats: { [ProfessionalCategory.JUDGE]: 2 },
      }),
    ]),
  );
  const uzbekistan = delegations.get('UZ')!;

  const focalPerson = tx.create(Person, {
    fullName: 'Nodira Xolmatova',
    fullNameAlt: 'Нодира Холматова',
    sex: Sex.FEMALE,
    category: ProfessionalCategory.DIPLOMAT,
    country: 'UZ',
    email: DEMO_FOCAL_POINT.email,
    language: Language.UZ,
  });
  const focal =
    (await tx.findOne(User, { email: DEMO_FOCAL_POINT.email })) ??
    tx.create(User, {
      email: DEMO_FOCAL_POINT.email,
      role: Role.FOCAL_POINT,
      person: focalPerson,
      passwordHash: await hashPassword(DEMO_FOCAL_POINT.password),
    });
  tx.create(DelegationFocalPoint, { delegation: uzbekistan, user: focal });

  const submittedAt = new Date('2026-05-12T09:00:00Z');
  for (const [fullName, fullNameAlt, sex, category, status, letter] of NOMINEES) {
    const person = tx.create(Person, {
      fullName,
      fullNameAlt,
      sex,
      category,
      country: 'UZ',
      organization: orgs.get(
        category === ProfessionalCategory.PROSECUTOR ? 'prosecutor-uz' : 'mia-uz',
      ),
      language: Language.UZ,
      createdBy: focal.id,
    });
    const pdf = letter ? demoLetter(fullName) : undefined;
    const decided = status === NominationStatus.APPROVED || status === NominationStatus.DECLINED;
    const nomination = tx.create(Nomination, {
      delegation: uzbekistan,
      person,
      category,
      listed: status !== NominationStatus.DECLINED,
      status,
      letter: pdf,
      letterSize: pdf?.length,
      letterUploadedAt: pdf ? new Date('2026-05-10T08:00:00Z') : undefined,
      submittedAt: status === NominationStatus.DRAFT ? undefined : submittedAt,
      decidedAt: decided ? new Date('2026-05-20T10:00:00Z') : undefined,
      declineReason:
        status === NominationStatus.DECLINED
          ? 'The delegation should include officials who work on trafficking cases.'
          : undefined,
      createdBy: focal.id,
    });
    if (status === NominationStatus.APPROVED) {
      nomination.registration = tx.getReference(
        Registration,
        tx.create(Registration, {
          edition: ashgabat,
          person,
          status: RegistrationStatus.REGISTERED,
          delegationCountry: 'UZ',
          delegation: uzbekistan,
          listed: true,
        }).id,
        { wrapped: true },
      );
    }
  }
  return ashgabat;
}
