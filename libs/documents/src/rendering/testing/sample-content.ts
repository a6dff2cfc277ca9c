import type {
  AgendaContent,
  AttendanceMarkName,
  AttendanceReportContent,
  CertificateContent,
  EditionHeader,
  RecommendationsContent,
} from '../document-content';
import { LanguageCode } from '@platform/core';

// Realistic documents for specs, the benchmark and a look at the output: the 2022 edition of
// the regional conference on trafficking in persons (Tashkent, 28–29 July 2022) and a 2023
// regional training seminar for law-enforcement officers. The organizations are the usual
// partners of that conference; people are made up. Uzbek letters are written with escapes
// where an editor's normalization could swap ʻ (U+02BB) for a look-alike.

export const UZBEK_NAME = 'G\u02BBulomov O\u02BBtkir O\u02BBrinboyevich';
export const RUSSIAN_NAME = 'Рахимов Алишер';
export const LATIN_NAME = 'Dilnoza Qodirova';

const byLanguage = <T>(language: LanguageCode, values: Record<LanguageCode, T>): T =>
  values[language];

export const EDITION_TITLE: Record<LanguageCode, string> = {
  en: 'Regional Conference on Combating Trafficking in Persons 2022',
  ru: 'Региональная конференция по противодействию торговле людьми 2022',
  uz: 'Odam savdosiga qarshi kurashish bo\u02BByicha mintaqaviy konferensiya 2022',
};

export function sampleEdition(language: LanguageCode): EditionHeader {
  return {
    title: EDITION_TITLE[language],
    theme: byLanguage(language, {
      en: 'Use and Abuse of Technology',
      ru: 'Использование технологий и злоупотребление ими',
      uz: 'Texnologiyalardan foydalanish va ulardan suiiste\u02BCmol qilish',
    }),
    startDate: '2022-07-28',
    endDate: '2022-07-29',
    city: byLanguage(language, { en: 'Tashkent', ru: 'Ташкент', uz: 'Toshkent' }),
    countryCode: 'UZ',
    partners: [
      {
        name: 'National Commission on Combating Trafficking in Persons and Forced Labour',
        role: 'HOST',
      },
      { name: 'UNODC Regional Office for Central Asia', role: 'CO_ORGANIZER' },
      { name: 'OSCE Project Co-ordinator in Uzbekistan', role: 'CO_ORGANIZER' },
      { name: 'United States Agency for International Development', role: 'FUNDER' },
      { name: 'IOM Uzbekistan', role: 'PARTNER' },
      { name: 'Istiqbolli Avlod', role: 'PARTNER' },
    ],
    issuers: [
      'National Commission on Combating Trafficking in Persons and Forced Labour',
      'OSCE Project Co-ordinator in Uzbekistan',
      'UNODC Regional Office for Central Asia',
    ],
  };
}

export function sampleCertificate(overrides: Partial<CertificateContent> = {}): CertificateContent {
  return {
    kind: 'CONFERENCE_ATTENDANCE',
    languages: ['en'],
    serial: 'TIP-2022-000123',
    verificationCode: '7K3M-Q9X2-HC4D',
    verificationUrl: 'https://tip.example.uz/verify/7K3MQ9X2HC4D',
    holderName: UZBEK_NAME,
    holderOrganization: 'Ministry of Internal Affairs of the Republic of Uzbekistan',
    eventTitle: EDITION_TITLE.en,
    startDate: '2022-07-28',
    endDate: '2022-07-29',
    city: 'Tashkent',
    countryCode: 'UZ',
    days: 2,
    issuers: [
      'National Commission on Combating Trafficking in Persons and Forced Labour',
      'UNODC Regional Office for Central Asia',
      'OSCE Project Co-ordinator in Uzbekistan',
    ],
    signatories: [
      {
        name: 'Akmal Saidov',
        position: 'Chair of the National Commission',
        organization: 'National Commission on Combating Trafficking in Persons and Forced Labour',
      },
      { name: 'Ashita Mittal', position: 'Regional Representative', organization: 'UNODC ROCA' },
    ],
    issuedOn: '2022-07-29',
    ...overrides,
  };
}

/** A bilingual certificate with long Russian texts everywhere a text can be long. */
export function longRussianCertificate(): CertificateContent {
  return sampleCertificate({
    kind: 'SPEAKER',
    languages: ['ru', 'uz'],
    serial: 'TIP-2022-000987',
    verificationCode: 'R2D4-W8QZ-M3NP',
    verificationUrl: 'https://tip.example.uz/verify/R2D4W8QZM3NP',
    holderName: 'Рахимов Алишер Бахтиёрович',
    // Printed twice: in Cyrillic for the Russian part, in Latin below it for the Uzbek one.
    holderNames: { cyrillic: 'Рахимов Алишер Бахтиёрович', latin: 'Rahimov Alisher Baxtiyorovich' },
    holderSex: 'MALE',
    holderOrganization:
      'Генеральная прокуратура Республики Узбекистан, Управление по надзору за исполнением законодательства о противодействии торговле людьми и принудительному труду',
    eventTitle:
      'Ежегодная региональная конференция по вопросам противодействия торговле людьми «Укрепление регионального сотрудничества в сфере выявления, расследования и судебного преследования преступлений, связанных с торговлей людьми и принудительным трудом, и защиты прав пострадавших, в том числе детей и трудовых мигрантов, находящихся в уязвимом положении»',
    sessionTitles: [
      'Практика расследования уголовных дел о торговле людьми в целях трудовой и сексуальной эксплуатации',
      'Международное сотрудничество по уголовным делам: экстрадиция, взаимная правовая помощь и совместные следственные группы',
      'Финансовые расследования и конфискация доходов от торговли людьми',
    ],
    city: 'Ташкент',
    hours: 16,
    issuers: [
      'Национальная комиссия Республики Узбекистан по противодействию торговле людьми и принудительному труду',
      'Региональное представительство Управления ООН по наркотикам и преступности в Центральной Азии',
      'Координатор проектов ОБСЕ в Узбекистане',
      'Международная организация по миграции',
    ],
    signatories: [
      {
        name: 'Саидов Акмал Холматович',
        position:
          'Председатель Национальной комиссии по противодействию торговле людьми и принудительному труду',
        organization: 'Национальная комиссия',
      },
      {
        name: 'Ашита Миттал',
        position: 'Региональный представитель',
        organization: 'Региональное представительство УНП ООН в Центральной Азии',
      },
      {
        name: 'Ханс-Ульрих Ире',
        position: 'Координатор проектов ОБСЕ в Узбекистане',
        organization: 'ОБСЕ',
      },
      {
        name: 'Кодирова Дилноза Баходировна',
        position: 'Руководитель программы по противодействию торговле людьми',
        organization: 'Международная организация по миграции',
      },
    ],
  });
}

export function sampleRecommendations(language: LanguageCode): RecommendationsContent {
  const text = (values: Record<LanguageCode, string>) => byLanguage(language, values);
  return {
    language,
    edition: sampleEdition(language),
    groups: [
      {
        recommendations: [
          {
            number: 1,
            text: text({
              en: 'Establish national referral mechanisms with clear roles for law enforcement, social services and NGOs, and review them every two years.',
              ru: 'Создать национальные механизмы перенаправления с чётким распределением ролей между правоохранительными органами, социальными службами и ННО и пересматривать их каждые два года.',
              uz: 'Huquqni muhofaza qiluvchi organlar, ijtimoiy xizmatlar va NNTlar vazifalari aniq belgilangan milliy yo\u02BBnaltirish mexanizmlarini yaratish va ularni har ikki yilda qayta ko\u02BBrib chiqish.',
            }),
            addressedTo: text({
              en: 'Governments of the participating states',
              ru: 'Правительства государств-участников',
              uz: 'Ishtirokchi davlatlar hukumatlari',
            }),
            followUps: [
              { year: 2023, status: 'IN_PROGRESS', note: 'Drafts in three countries' },
              { year: 2024, status: 'IMPLEMENTED' },
            ],
          },
        ],
      },
      ...[1, 2].map((group) => ({
        workingGroup: text({
          en: `Working group ${group}: ${group === 1 ? 'Investigation and prosecution' : 'Protection and assistance'}`,
          ru: `Рабочая группа ${group}: ${group === 1 ? 'расследование и уголовное преследование' : 'защита и помощь'}`,
          uz: `${group}-ishchi guruh: ${group === 1 ? 'tergov va jinoiy ta\u02BCqib' : 'himoya va yordam'}`,
        }),
        recommendations: Array.from({ length: 9 }, (_, i) => ({
          number: 1 + group * 10 + i,
          text: text({
            en: `Train investigators, prosecutors and judges in victim-centred approaches and the use of financial investigations in trafficking cases (measure ${i + 1}), in cooperation with the national training institutions.`,
            ru: `Обучить следователей, прокуроров и судей подходам, ориентированным на интересы пострадавших, и проведению финансовых расследований по делам о торговле людьми (мера ${i + 1}) во взаимодействии с национальными учебными заведениями.`,
            uz: `Tergovchilar, prokurorlar va sudyalarni jabrlanuvchiga yo\u02BBnaltirilgan yondashuvlar va odam savdosi ishlarida moliyaviy tergov o\u02BBtkazishga o\u02BBqitish (${i + 1}-chora), milliy o\u02BBquv muassasalari bilan hamkorlikda.`,
          }),
          addressedTo: i % 2 ? undefined : 'UNODC, OSCE',
          followUps:
            i % 3 === 0 ? [{ year: 2023, status: 'NOT_STARTED' as const, note: undefined }] : [],
        })),
      })),
    ],
  };
}

export function sampleAgenda(language: LanguageCode): AgendaContent {
  const text = (values: Record<LanguageCode, string>) => byLanguage(language, values);
  const speaker = (name: string, title: string) => ({ name, title });
  const day = (number: number, date: string): AgendaContent['days'][number] => ({
    number,
    date,
    sessions: [
      {
        startTime: '09:00',
        endTime: '09:45',
        kind: number === 1 ? 'OPENING' : 'PLENARY',
        title: text({
          en: number === 1 ? 'Opening of the conference' : 'Results of the working groups',
          ru: number === 1 ? 'Открытие конференции' : 'Итоги работы рабочих групп',
          uz: number === 1 ? 'Konferensiyaning ochilishi' : 'Ishchi guruhlar natijalari',
        }),
        room: 'Plenary hall',
        moderator: UZBEK_NAME,
        speakers: [
          speaker('Akmal Saidov', 'Chair of the National Commission'),
          speaker('Ashita Mittal', 'UNODC Regional Representative for Central Asia'),
        ],
      },
      {
        startTime: '09:45',
        endTime: '10:00',
        kind: 'VIDEO_MESSAGE',
        title: text({
          en: 'Message of the OSCE Special Representative',
          ru: 'Обращение Специального представителя ОБСЕ',
          uz: 'YeXHT maxsus vakilining murojaati',
        }),
        speakers: [speaker('Valiant Richey', 'OSCE Special Representative')],
      },
      ...Array.from({ length: 6 }, (_, i) => ({
        startTime: `${10 + i}:00`,
        endTime: `${10 + i}:50`,
        kind: ['PANEL', 'PRESENTATION', 'WORKING_GROUP_SITTING', 'SPEECH'][i % 4]!,
        title: text({
          en: `Panel ${i + 1}: identifying victims among labour migrants and the role of border services`,
          ru: `Панель ${i + 1}: выявление пострадавших среди трудовых мигрантов и роль пограничных служб`,
          uz: `${i + 1}-panel: mehnat muhojirlari orasida jabrlanuvchilarni aniqlash va chegara xizmatlarining roli`,
        }),
        room: i % 2 ? 'Hall B' : 'Hall A',
        moderator: LATIN_NAME,
        speakers: [
          speaker(RUSSIAN_NAME, 'Senior investigator, Ministry of Internal Affairs'),
          speaker('Нилуфар Юсупова', 'Прокурор, Генеральная прокуратура'),
          speaker('Aziz To\u02BBrayev', ''),
        ],
      })),
      {
        startTime: '16:00',
        endTime: '16:20',
        kind: 'BREAK',
        title: text({ en: 'Coffee break', ru: 'Кофе-брейк', uz: 'Qahva tanaffusi' }),
        speakers: [],
      },
      {
        startTime: '16:20',
        endTime: '17:00',
        kind: number === 2 ? 'CLOSING' : 'PLENARY',
        title: text({
          en: number === 2 ? 'Adoption of the recommendations and closing' : 'Plenary discussion',
          ru: number === 2 ? 'Принятие рекомендаций и закрытие' : 'Пленарная дискуссия',
          uz: number === 2 ? 'Tavsiyalarni qabul qilish va yopilish' : 'Yalpi muhokama',
        }),
        room: 'Plenary hall',
        speakers: [],
      },
    ],
  });
  return {
    language,
    edition: sampleEdition(language),
    days: [day(1, '2022-07-28'), day(2, '2022-07-29')],
  };
}

const TRAINEES = [
  UZBEK_NAME,
  RUSSIAN_NAME,
  LATIN_NAME,
  'Yusupova Nilufar Anvarovna',
  'Каримова Малика Олимовна',
  'Xo\u02BBjayev Sardor Ravshanovich',
  'Эргашев Тимур Маратович',
  'Ismoilova Gulnora Latifovna',
];
const CATEGORIES = [
  'OPERATIONAL_OFFICER',
  'INVESTIGATOR',
  'JUDGE',
  'PROSECUTOR',
  'BORDER_OFFICER',
  'SOCIAL_WORKER',
  'CUSTOMS_OFFICER',
];
const MARKS: AttendanceMarkName[] = ['PRESENT', 'PRESENT', 'LATE', 'PRESENT', 'EXCUSED', 'ABSENT'];

/** A 2023 regional seminar: `dayCount` days, `trainees` rows (names repeat with a number). */
export function sampleAttendanceReport(
  language: LanguageCode,
  dayCount = 3,
  trainees = 40,
): AttendanceReportContent {
  const days = Array.from({ length: dayCount }, (_, i) =>
    new Date(Date.UTC(2023, 4, 15 + i)).toISOString().slice(0, 10),
  );
  const rows = Array.from({ length: trainees }, (_, i) => {
    const marks = days.map((_, day) =>
      (i + day) % 11 === 10 ? undefined : MARKS[(i * 7 + day * 3) % MARKS.length],
    );
    const attendedDays = marks.filter((m) => m === 'PRESENT' || m === 'LATE').length;
    return {
      name: i < TRAINEES.length ? TRAINEES[i]! : `${TRAINEES[i % TRAINEES.length]!} (${i + 1})`,
      organization: i % 3 ? 'Samarqand viloyati IIB' : 'Управление МВД Самаркандской области',
      category: i % 9 === 8 ? undefined : CATEGORIES[i % CATEGORIES.length]!,
      marks,
      attendedDays,
      completed: attendedDays >= dayCount - 1,
    };
  });
  const byCategory = CATEGORIES.map((category) => {
    const members = rows.filter((row) => row.category === category);
    return {
      category,
      enrolled: members.length,
      trained: members.filter((row) => row.attendedDays > 0).length,
      completions: members.filter((row) => row.completed).length,
    };
  });
  const [startDate] = days;
  const endDate = days.at(-1);
  if (startDate === undefined || endDate === undefined) throw new Error('A report has days');
  return {
    language,
    programmeTitle: byLanguage(language, {
      en: 'Regional training seminars for law-enforcement officers 2023',
      ru: 'Региональные учебные семинары для сотрудников правоохранительных органов 2023',
      uz: 'Huquqni muhofaza qiluvchi organlar xodimlari uchun mintaqaviy o\u02BBquv seminarlari 2023',
    }),
    eventTitle: byLanguage(language, {
      en: 'Identifying and investigating trafficking in persons — Samarkand region',
      ru: 'Выявление и расследование преступлений торговли людьми — Самаркандская область',
      uz: 'Odam savdosi jinoyatlarini aniqlash va tergov qilish — Samarqand viloyati',
    }),
    startDate,
    endDate,
    city: byLanguage(language, { en: 'Samarkand', ru: 'Самарканд', uz: 'Samarqand' }),
    region: byLanguage(language, {
      en: 'Samarkand region',
      ru: 'Самаркандская область',
      uz: 'Samarqand viloyati',
    }),
    countryCode: 'UZ',
    trainers: [LATIN_NAME, 'Эргашев Тимур'],
    completionRule: { minDays: dayCount - 1, excusedCounts: false },
    days,
    rows,
    indicators: {
      rows: byCategory,
      total: {
        enrolled: rows.length,
        trained: rows.filter((row) => row.attendedDays > 0).length,
        completions: rows.filter((row) => row.completed).length,
      },
    },
  };
}
