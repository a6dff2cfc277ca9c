import { EntityManager } from '@mikro-orm/core';
import { hashPassword, User } from '@platform/accounts';
import { EventKind, Role, toCyrillic } from '@platform/core';
import { CertificateSettings } from '@platform/documents';
import {
  Language,
  Organization,
  OrganizationType,
  Person,
  ProfessionalCategory,
  Sex,
} from '@platform/directory';
import {
  AttendanceChange,
  AttendanceMark,
  AttendanceStatus,
  Enrollment,
  EventTrainer,
  ProgrammeFunder,
  ProgrammeOrganizer,
  ProgrammeTarget,
  TrainingEvent,
  TrainingProgramme,
} from '@platform/trainings';
import { seminarTitle, translated } from './demo-translations';
import { loadKnowledgeDemo } from './knowledge-demo';

/** The trainer of the first two seminars (Tashkent city and Tashkent region). */
export const DEMO_TRAINER = { email: 'trainer@example.org', password: 'trainer-demo-2023' };

export const DEMO_PROGRAMME_TITLE =
  'Investigating trafficking in persons: regional seminars for law enforcement and the judiciary';

/**
 * The cascade: the first seminar (Tashkent city) is a training of trainers, and three of
 * those who completed it, given trainer accounts, deliver these later seminars (by index).
 */
export const DEMO_CASCADE = {
  password: 'trainer-demo-2023',
  trainers: 3,
  events: [5, 6, 7],
  email: (n: number) => `cascade-trainer-${n}@example.org`,
};

/** Who completed the 2023 seminar series, as the programme's report counts them (410). */
export const DEMO_TRAINED: [ProfessionalCategory, number][] = [
  [ProfessionalCategory.OPERATIONAL_OFFICER, 260],
  [ProfessionalCategory.INVESTIGATOR, 96],
  [ProfessionalCategory.JUDGE, 28],
  [ProfessionalCategory.PROSECUTOR, 26],
];
/** What the programme meant to reach in 2023: its page and donor report hold these up. */
export const DEMO_TARGETS_2023 = {
  peopleTrained: 400,
  peopleTrainedBySex: { [Sex.FEMALE]: 120, [Sex.MALE]: 280 },
  peopleTrainedByCategory: {
    [ProfessionalCategory.OPERATIONAL_OFFICER]: 250,
    [ProfessionalCategory.INVESTIGATOR]: 100,
    [ProfessionalCategory.JUDGE]: 30,
    [ProfessionalCategory.PROSECUTOR]: 30,
  },
  shareOfWomen: 30,
  meanKnowledgeGain: 20,
  satisfaction: 4.2,
};
/** Enrolled but absent on day 2, so not trained. */
export const DEMO_NOT_COMPLETED = 12;
/** Trainees marked late once (late counts as attended). */
export const DEMO_LATE = 7;

const REGIONS: [region: string, city: string][] = [
  ['Tashkent city', 'Tashkent'],
  ['Tashkent region', 'Nurafshon'],
  ['Samarkand region', 'Samarkand'],
  ['Bukhara region', 'Bukhara'],
  ['Fergana region', 'Fergana'],
  ['Andijan region', 'Andijan'],
  ['Namangan region', 'Namangan'],
  ['Kashkadarya region', 'Karshi'],
  ['Surkhandarya region', 'Termez'],
  ['Khorezm region', 'Urgench'],
  ['Navoi region', 'Navoi'],
  ['Jizzakh region', 'Jizzakh'],
  ['Syrdarya region', 'Gulistan'],
  ['Republic of Karakalpakstan', 'Nukus'],
];

const MALE_NAMES = [
  'Akmal',
  'Bekzod',
  'Dilshod',
  'Jasur',
  'Rustam',
  'Sardor',
  'Shavkat',
  'Ulugʻbek',
  'Farrux',
  'Otabek',
  'Sherzod',
  'Aziz',
];
const FEMALE_NAMES = [
  'Dilnoza',
  'Gulnora',
  'Malika',
  'Nodira',
  'Shahnoza',
  'Zarina',
  'Feruza',
  'Madina',
];
const SURNAMES = [
  'Karimov',
  'Yusupov',
  'Rahimov',
  'Toshmatov',
  'Ismoilov',
  'Qodirov',
  'Nazarov',
  'Saidov',
  'Mirzayev',
  'Hasanov',
  'Aliyev',
  'Ergashev',
  'Jurayev',
];

function nameOf(i: number, sex: Sex): string {
  const first =
    sex === Sex.FEMALE ? FEMALE_NAMES[i % FEMALE_NAMES.length] : MALE_NAMES[i % MALE_NAMES.length];
  const surname = SURNAMES[Math.floor(i / 7) % SURNAMES.length];
  return `${first} ${sex === Sex.FEMALE ? `${surname}a` : surname} ${String(i + 1).padStart(3, '0')}`;
}

/** The seminar dates: two days each, spread over 2023. */
function datesOf(j: number): [string, string] {
  const month = String(2 + Math.floor((j * 10) / REGIONS.length)).padStart(2, '0');
  const day = j % 2 === 0 ? 14 : 21;
  return [`2023-${month}-${day}`, `2023-${month}-${day + 1}`];
}

/**
 * The 2023 regional seminar series on investigating trafficking in persons: 14 two-day
 * seminars in the regions of Uzbekistan, 410 officers, investigators, judges and
 * prosecutors trained, and a few who missed the second day. Runs inside loadDemoData's
 * transaction.
 */
export async function loadTrainingDemo(
  tx: EntityManager,
  orgs: Map<string, Organization>,
  organizer: User,
): Promise<TrainingProgramme> {
  const court =
    (await tx.findOne(Organization, { name: 'Supreme Court of the Republic of Uzbekistan' })) ??
    translated(
      tx.create(Organization, {
        name: 'Supreme Court of the Republic of Uzbekistan',
        type: OrganizationType.GOVERNMENT,
        country: 'UZ',
      }),
    );
  const organizationOf: Record<string, Organization | undefined> = {
    OPERATIONAL_OFFICER: orgs.get('mia-uz'),
    INVESTIGATOR: orgs.get('mia-uz'),
    JUDGE: court,
    PROSECUTOR: orgs.get('prosecutor-uz'),
  };

  const programme = translated(
    tx.create(TrainingProgramme, {
      title: DEMO_PROGRAMME_TITLE,
      description:
        'Two-day regional seminars on identifying victims, victim-centred investigation and prosecution, and trying trafficking cases.',
      owner: orgs.get('commission')!,
      targetCategories: DEMO_TRAINED.map(([category]) => category),
      topics: [
        'Identification of victims',
        'Victim-centred investigations',
        'Financial investigations',
        'Trying trafficking cases',
      ],
    }),
  );
  for (const key of ['inl', 'usaid'])
    tx.create(ProgrammeFunder, { programme, organization: orgs.get(key)! });
  tx.create(ProgrammeOrganizer, { programme, user: organizer });
  tx.create(ProgrammeTarget, {
    programme,
    from: '2023-01-01',
    to: '2023-12-31',
    ...DEMO_TARGETS_2023,
  });

  const events = REGIONS.map(([region, city], j) => {
    const [startDate, endDate] = datesOf(j);
    const event = translated(
      tx.create(TrainingEvent, {
        programme,
        title: `Investigating trafficking in persons: ${region}`,
        country: 'UZ',
        region,
        city,
        startDate,
        endDate,
        dayCount: 2,
        language: Language.RU,
        trainingOfTrainers: j === 0,
      }),
    );
    const [ru, uz] = seminarTitle(region);
    event.translations = { ...event.translations, title: { ru, uz } };
    return event;
  });
  const trainer =
    (await tx.findOne(User, { email: DEMO_TRAINER.email })) ??
    tx.create(User, {
      email: DEMO_TRAINER.email,
      role: Role.TRAINER,
      passwordHash: await hashPassword(DEMO_TRAINER.password),
      person: tx.create(Person, {
        fullName: 'Sherzod Ismoilov',
        fullNameAlt: 'Шерзод Исмоилов',
        email: DEMO_TRAINER.email,
        country: 'UZ',
        organization: orgs.get('mia-uz'),
        language: Language.UZ,
      }),
    });
  for (const event of events.slice(0, 2)) tx.create(EventTrainer, { event, user: trainer });
  for (const trainingEvent of events) {
    translated(
      tx.create(CertificateSettings, {
        eventKind: EventKind.TRAINING_EVENT,
        eventId: trainingEvent.id,
        serialPrefix: 'LET',
        hours: 16,
        signatories: [{ name: 'Sherzod Ismoilov', position: 'Head of the training centre' }],
      }),
    );
  }

  // Categories interleaved so every seminar has officers, investigators, judges and prosecutors.
  const categories = DEMO_TRAINED.flatMap(([category, count]) =>
    Array.from({ length: count }, () => category),
  );
  const total = categories.length + DEMO_NOT_COMPLETED;
  const order = Array.from(
    { length: categories.length },
    (_, i) => categories[(i * 37) % categories.length]!,
  );
  const tested: Parameters<typeof loadKnowledgeDemo>[3] = [];
  const trainedAsTrainers: Person[] = [];
  for (let i = 0; i < total; i++) {
    const completes = i < categories.length;
    const category = completes ? order[i]! : ProfessionalCategory.OPERATIONAL_OFFICER;
    const sex = i % 5 === 3 ? Sex.FEMALE : Sex.MALE;
    const fullName = nameOf(i, sex);
    const person = tx.create(Person, {
      fullName,
      // Rosters come in Cyrillic as often as in Latin: every trainee has both names.
      fullNameAlt: toCyrillic(fullName),
      sex,
      category,
      country: 'UZ',
      organization: organizationOf[category],
      language: Language.UZ,
    });
    const event = events[i % events.length]!;
    if (event === events[0] && completes) trainedAsTrainers.push(person);
    const enrollment = tx.create(Enrollment, { event, person });
    tested.push({ enrollment, completed: completes, day1: event.startDate, day2: event.endDate });
    event.days.forEach((day, d) => {
      const status =
        d === 1 && !completes
          ? AttendanceStatus.ABSENT
          : d === 0 && i < DEMO_LATE * 50 && i % 50 === 0
            ? AttendanceStatus.LATE
            : AttendanceStatus.PRESENT;
      tx.create(AttendanceMark, { enrollment, day, status, markedBy: organizer });
      tx.create(AttendanceChange, { enrollment, day, status, changedBy: organizer });
    });
  }
  await loadCascadeDemo(tx, events, trainedAsTrainers);
  // Pre- and post-tests on paper, against the programme's knowledge test.
  loadKnowledgeDemo(tx, programme, organizer, tested);
  return programme;
}

/**
 * Trainer accounts for the first few who completed the training of trainers, linked to
 * their person (so the trainer pool finds them as trained there), each delivering one
 * later seminar marked as delivered by its trainers.
 */
async function loadCascadeDemo(
  tx: EntityManager,
  events: TrainingEvent[],
  completers: Person[],
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_CASCADE.password);
  const accounts = completers.slice(0, DEMO_CASCADE.trainers).map((person, n) =>
    tx.create(User, {
      email: DEMO_CASCADE.email(n + 1),
      role: Role.TRAINER,
      passwordHash,
      person,
    }),
  );
  DEMO_CASCADE.events.forEach((index, n) => {
    const event = events[index]!;
    event.deliveredByTrainersOf = tx.getReference(TrainingEvent, events[0]!.id, { wrapped: true });
    tx.create(EventTrainer, { event, user: accounts[n % accounts.length]! });
  });
}
