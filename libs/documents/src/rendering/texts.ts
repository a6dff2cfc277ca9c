import type {
  AttendanceMarkName,
  AttendanceReportContent,
  CertificateKindName,
  EditionHeader,
  HolderSex,
  RecommendationsContent,
  TrainingEvidenceLine,
} from './document-content';
import { countryNameIn, DATE_TEXTS, LanguageCode, ruPlural } from '@platform/core/plain';
import { CATEGORY_LABELS, isProfessionalCategory } from '@platform/directory/plain';

// The fixed texts of the documents, one table per language. `Texts` has no optional member,
// so a language that misses a text does not compile. Uzbek is in Latin script with ʻ (U+02BB)
// in oʻ/gʻ and ʼ (U+02BC) for the tutuq belgisi, as the 1995 alphabet writes them.

export type PartnerRoleName = EditionHeader['partners'][number]['role'];
export type FollowUpStatusName =
  RecommendationsContent['groups'][number]['recommendations'][number]['followUps'][number]['status'];
export type CompletionRule = AttendanceReportContent['completionRule'];

export const SESSION_KINDS = [
  'OPENING',
  'SPEECH',
  'PRESENTATION',
  'VIDEO_MESSAGE',
  'PANEL',
  'PLENARY',
  'WORKING_GROUP_SITTING',
  'BREAK',
  'CLOSING',
] as const;
export type SessionKindName = (typeof SESSION_KINDS)[number];

/**
 * A phrase about a certificate's holder for a woman, a man, and someone whose sex is not
 * known. Russian past tenses agree with the holder ("приняла", "принял"); without the
 * sex the sentence is built so that nothing has to agree, never "принял(а)".
 */
export type HolderForms = Record<HolderSex | 'UNKNOWN', string>;

/** One phrase for every holder: English and Uzbek verbs do not change with the sex. */
const forAnyone = (text: string): HolderForms => ({ FEMALE: text, MALE: text, UNKNOWN: text });

/** The form of a phrase for this holder. */
export function forHolder(forms: HolderForms, sex: HolderSex | undefined): string {
  return forms[sex ?? 'UNKNOWN'];
}

/** A gain in points as printed: signed, at most one decimal, in the document's language. */
const signed = (value: number, language: LanguageCode): string =>
  `${value > 0 ? '+' : ''}${value.toLocaleString(language, { maximumFractionDigits: 1 })}`;

export interface Texts {
  certificate: {
    title: Record<CertificateKindName, string>;
    /** Printed above the holder's name. */
    lead: HolderForms;
    /** Between the holder (and organization) and the event title. */
    beforeEvent: Record<CertificateKindName, HolderForms>;
    /** After the event title (Uzbek puts the verb last). */
    afterEvent: Record<CertificateKindName, string>;
    /** Label of the speaker's session titles. */
    sessions: string;
    serial: string;
    verificationCode: string;
    verifyAt: string;
    issuedOn: string;
  };
  edition: { theme: string; venue: string };
  recommendations: {
    title: string;
    plenary: string;
    addressedTo: string;
    /** Label of a follow-up recorded in `year`. */
    followUp: (year: number) => string;
    none: string;
    /** Heading of the trainings that implement a recommendation, below a follow-up. */
    evidence: string;
    /** The figures of one programme or event, or of all of them. */
    evidenceFigures: (line: TrainingEvidenceLine) => string;
    /** Label of the total line (people counted once). */
    evidenceTotal: string;
  };
  agenda: {
    title: string;
    day: (number: number) => string;
    moderator: string;
    room: string;
  };
  attendance: {
    title: string;
    programme: string;
    trainers: string;
    completionRule: string;
    number: string;
    name: string;
    organization: string;
    category: string;
    /** Column header of day `number` of the event. */
    day: (number: number) => string;
    attendedDays: string;
    completed: string;
    legend: string;
    notMarked: string;
    indicators: string;
    enrolled: string;
    trained: string;
    completions: string;
    total: string;
    /** The knowledge test columns (scores in percent) and the event's figures. */
    knowledge: {
      pre: string;
      post: string;
      gain: string;
      title: string;
      tested: string;
      meanPre: string;
      meanPost: string;
      meanGain: string;
      improved: string;
      mastered: string;
    };
    /** The completion rule in words, for an event of `dayCount` days. */
    rule: (rule: CompletionRule, dayCount: number) => string;
  };
  yes: string;
  no: string;
  /** A title in the language's quotation marks. */
  quote: (text: string) => string;
  page: (number: number, count: number) => string;
  /** "12–13 October 2022"; one date when both are the same day. */
  dateRange: (start: string, end: string) => string;
  date: (iso: string) => string;
  weekday: (iso: string) => string;
  days: (count: number) => string;
  hours: (count: number) => string;
  mark: Record<AttendanceMarkName, { short: string; label: string }>;
  followUpStatus: Record<FollowUpStatusName, string>;
  /** Headings of the partner lists. */
  partnerRole: Record<PartnerRoleName, string>;
  sessionKind: Record<SessionKindName, string>;
}

const number = (language: LanguageCode, value: number) =>
  // Russian and Uzbek write 1,5; no grouping below 10 000 keeps "2022" intact.
  language === 'en' ? String(value) : String(value).replace('.', ',');

const en: Texts = {
  certificate: {
    title: {
      CONFERENCE_ATTENDANCE: 'Certificate of attendance',
      SPEAKER: 'Speaker certificate',
      TRAINING_COMPLETION: 'Certificate of completion',
    },
    lead: forAnyone('This is to certify that'),
    beforeEvent: {
      CONFERENCE_ATTENDANCE: forAnyone('took part in'),
      SPEAKER: forAnyone('spoke at'),
      TRAINING_COMPLETION: forAnyone('has successfully completed the training course'),
    },
    afterEvent: { CONFERENCE_ATTENDANCE: '', SPEAKER: '', TRAINING_COMPLETION: '' },
    sessions: 'Sessions',
    serial: 'Serial No.',
    verificationCode: 'Verification code',
    verifyAt: 'Verify at',
    issuedOn: 'Issued on',
  },
  edition: { theme: 'Theme', venue: 'Venue' },
  recommendations: {
    title: 'Adopted recommendations',
    plenary: 'Plenary session',
    addressedTo: 'Addressed to',
    followUp: (year) => `Follow-up ${year}`,
    none: 'No recommendations have been adopted.',
    evidence: 'Trainings implementing it',
    evidenceFigures: ({ eventsHeld, peopleTrained, meanKnowledgeGain }) =>
      [
        `${eventsHeld} ${eventsHeld === 1 ? 'event' : 'events'} held`,
        `${peopleTrained} ${peopleTrained === 1 ? 'person' : 'people'} trained`,
        ...(meanKnowledgeGain == null
          ? []
          : [`mean knowledge gain ${signed(meanKnowledgeGain, 'en')} points`]),
      ].join(', '),
    evidenceTotal: 'All of them (each person once)',
  },
  agenda: {
    title: 'Agenda',
    day: (n) => `Day ${n}`,
    moderator: 'Moderator',
    room: 'Room',
  },
  attendance: {
    title: 'Attendance report',
    programme: 'Programme',
    trainers: 'Trainers',
    completionRule: 'Completion rule',
    number: 'No.',
    name: 'Name',
    organization: 'Organization',
    category: 'Category',
    day: (n) => `Day ${n}`,
    attendedDays: 'Days attended',
    completed: 'Completed',
    legend: 'Legend',
    notMarked: 'not marked',
    indicators: 'Indicators by professional category',
    enrolled: 'Enrolled',
    trained: 'Trained',
    completions: 'Completed',
    total: 'Total',
    knowledge: {
      pre: 'Pre %',
      post: 'Post %',
      gain: 'Gain',
      title: 'Knowledge test (pre/post) of this event',
      tested: 'Trainees tested (pre and post)',
      meanPre: 'Mean pre-test',
      meanPost: 'Mean post-test',
      meanGain: 'Mean gain (points)',
      improved: 'Improved',
      mastered: 'Reached the pass mark',
    },
    rule: (rule, dayCount) =>
      requirements(
        rule,
        dayCount,
        (min, of) => `at least ${min} of ${of} days attended`,
        (percent) => `at least ${percent}% of the days attended`,
        (of) => (of === 1 ? 'the day attended' : `all ${of} days attended`),
      ).join(' and ') +
      '; late arrival counts as attended' +
      (rule.excusedCounts
        ? '; excused absence counts as attended'
        : '; excused absence does not count'),
  },
  yes: 'yes',
  no: 'no',
  quote: (text) => `“${text}”`,
  page: (n, count) => `Page ${n} of ${count}`,
  ...DATE_TEXTS.en,
  days: (n) => `${number('en', n)} ${n === 1 ? 'day' : 'days'}`,
  hours: (n) => `${number('en', n)} academic ${n === 1 ? 'hour' : 'hours'}`,
  mark: {
    PRESENT: { short: 'P', label: 'present' },
    LATE: { short: 'L', label: 'late' },
    EXCUSED: { short: 'E', label: 'excused absence' },
    ABSENT: { short: 'A', label: 'absent' },
  },
  followUpStatus: {
    NOT_STARTED: 'not started',
    IN_PROGRESS: 'in progress',
    IMPLEMENTED: 'implemented',
  },
  partnerRole: {
    HOST: 'Hosted by',
    CO_ORGANIZER: 'Co-organized by',
    FUNDER: 'With the financial support of',
    PARTNER: 'Partners',
  },
  sessionKind: {
    OPENING: 'Opening',
    SPEECH: 'Speech',
    PRESENTATION: 'Presentation',
    VIDEO_MESSAGE: 'Video message',
    PANEL: 'Panel discussion',
    PLENARY: 'Plenary session',
    WORKING_GROUP_SITTING: 'Working group session',
    BREAK: 'Break',
    CLOSING: 'Closing',
  },
};

const ru: Texts = {
  certificate: {
    title: {
      CONFERENCE_ATTENDANCE: 'Сертификат участника',
      SPEAKER: 'Сертификат докладчика',
      TRAINING_COMPLETION: 'Сертификат об окончании обучения',
    },
    // Without the sex: the name alone under the title, then "за участие…", as Russian
    // certificates and diplomas are often worded.
    lead: {
      FEMALE: 'Настоящим удостоверяется, что',
      MALE: 'Настоящим удостоверяется, что',
      UNKNOWN: '',
    },
    beforeEvent: {
      CONFERENCE_ATTENDANCE: {
        FEMALE: 'приняла участие в мероприятии',
        MALE: 'принял участие в мероприятии',
        UNKNOWN: 'за участие в мероприятии',
      },
      SPEAKER: {
        FEMALE: 'выступила с докладом на мероприятии',
        MALE: 'выступил с докладом на мероприятии',
        UNKNOWN: 'за выступление с докладом на мероприятии',
      },
      TRAINING_COMPLETION: {
        FEMALE: 'успешно завершила учебный курс',
        MALE: 'успешно завершил учебный курс',
        UNKNOWN: 'за успешное завершение учебного курса',
      },
    },
    afterEvent: { CONFERENCE_ATTENDANCE: '', SPEAKER: '', TRAINING_COMPLETION: '' },
    sessions: 'Выступления',
    serial: 'Серийный номер',
    verificationCode: 'Код проверки',
    verifyAt: 'Проверка подлинности',
    issuedOn: 'Дата выдачи',
  },
  edition: { theme: 'Тема', venue: 'Место проведения' },
  recommendations: {
    title: 'Принятые рекомендации',
    plenary: 'Пленарное заседание',
    addressedTo: 'Адресат',
    followUp: (year) => `Состояние на ${year} г.`,
    none: 'Рекомендации не принимались.',
    evidence: 'Обучение по её выполнению',
    evidenceFigures: ({ eventsHeld, peopleTrained, meanKnowledgeGain }) =>
      [
        `проведено ${eventsHeld} ${ruPlural(eventsHeld, 'мероприятие', 'мероприятия', 'мероприятий')}`,
        `${ruPlural(peopleTrained, 'обучен', 'обучено', 'обучено')} ${peopleTrained} ${ruPlural(peopleTrained, 'человек', 'человека', 'человек')}`,
        ...(meanKnowledgeGain == null
          ? []
          : [`средний прирост знаний ${signed(meanKnowledgeGain, 'ru')} п. п.`]),
      ].join(', '),
    evidenceTotal: 'Всего (каждый человек один раз)',
  },
  agenda: {
    title: 'Программа',
    day: (n) => `День ${n}`,
    moderator: 'Модератор',
    room: 'Зал',
  },
  attendance: {
    title: 'Отчёт о посещаемости',
    programme: 'Программа',
    trainers: 'Тренеры',
    completionRule: 'Условие завершения',
    number: '№',
    name: 'ФИО',
    organization: 'Организация',
    category: 'Категория',
    day: (n) => `День ${n}`,
    attendedDays: 'Посещено дней',
    completed: 'Завершено',
    legend: 'Обозначения',
    notMarked: 'нет отметки',
    indicators: 'Показатели по профессиональным категориям',
    enrolled: 'Зачислено',
    trained: 'Обучено',
    completions: 'Завершили',
    total: 'Итого',
    knowledge: {
      pre: 'До %',
      post: 'После %',
      gain: 'Прирост',
      title: 'Тест знаний (до и после) этого семинара',
      tested: 'Протестировано (до и после)',
      meanPre: 'Средний входной тест',
      meanPost: 'Средний итоговый тест',
      meanGain: 'Средний прирост (пункты)',
      improved: 'Улучшили результат',
      mastered: 'Достигли проходного балла',
    },
    rule: (rule, dayCount) =>
      requirements(
        rule,
        dayCount,
        (min, of) => `посещение не менее ${min} ${ruPlural(min, 'дня', 'дней', 'дней')} из ${of}`,
        (percent) => `посещение не менее ${percent}% дней`,
        (of) =>
          of === 1
            ? 'посещение в день обучения'
            : `посещение всех ${of} ${ruPlural(of, 'дня', 'дней', 'дней')}`,
      ).join(' и ') +
      '; опоздание засчитывается как посещение' +
      (rule.excusedCounts
        ? '; отсутствие по уважительной причине засчитывается'
        : '; отсутствие по уважительной причине не засчитывается'),
  },
  yes: 'да',
  no: 'нет',
  quote: (text) => `«${text}»`,
  page: (n, count) => `Страница ${n} из ${count}`,
  ...DATE_TEXTS.ru,
  days: (n) => `${number('ru', n)} ${ruPlural(n, 'день', 'дня', 'дней')}`,
  hours: (n) =>
    `${number('ru', n)} ${ruPlural(n, 'академический час', 'академических часа', 'академических часов')}`,
  mark: {
    // Nouns: the legend is about marks, not about one trainee's sex.
    PRESENT: { short: 'П', label: 'присутствие' },
    LATE: { short: 'О', label: 'опоздание' },
    EXCUSED: { short: 'У', label: 'отсутствие по уважительной причине' },
    ABSENT: { short: 'Н', label: 'отсутствие' },
  },
  followUpStatus: {
    NOT_STARTED: 'не начато',
    IN_PROGRESS: 'выполняется',
    IMPLEMENTED: 'выполнено',
  },
  partnerRole: {
    HOST: 'Принимающая сторона',
    CO_ORGANIZER: 'Соорганизаторы',
    FUNDER: 'При финансовой поддержке',
    PARTNER: 'Партнёры',
  },
  sessionKind: {
    OPENING: 'Открытие',
    SPEECH: 'Выступление',
    PRESENTATION: 'Презентация',
    VIDEO_MESSAGE: 'Видеообращение',
    PANEL: 'Панельная дискуссия',
    PLENARY: 'Пленарное заседание',
    WORKING_GROUP_SITTING: 'Заседание рабочей группы',
    BREAK: 'Перерыв',
    CLOSING: 'Закрытие',
  },
};

const uz: Texts = {
  certificate: {
    title: {
      CONFERENCE_ATTENDANCE: 'Ishtirokchi sertifikati',
      SPEAKER: 'Maʼruzachi sertifikati',
      TRAINING_COMPLETION: 'Oʻquv kursini tamomlaganlik sertifikati',
    },
    // "Ushbu sertifikat [name … event] … uchun berildi": this certificate was given for …
    lead: forAnyone('Ushbu sertifikat'),
    beforeEvent: {
      CONFERENCE_ATTENDANCE: forAnyone(''),
      SPEAKER: forAnyone(''),
      TRAINING_COMPLETION: forAnyone(''),
    },
    afterEvent: {
      CONFERENCE_ATTENDANCE: 'tadbirida ishtirok etgani uchun berildi',
      SPEAKER: 'tadbirida maʼruzachi sifatida ishtirok etgani uchun berildi',
      TRAINING_COMPLETION: 'oʻquv kursini muvaffaqiyatli tamomlagani uchun berildi',
    },
    sessions: 'Maʼruzalar',
    serial: 'Seriya raqami',
    verificationCode: 'Tekshirish kodi',
    verifyAt: 'Haqiqiyligini tekshirish',
    issuedOn: 'Berilgan sana',
  },
  edition: { theme: 'Mavzu', venue: 'Oʻtkaziladigan joy' },
  recommendations: {
    title: 'Qabul qilingan tavsiyalar',
    plenary: 'Yalpi majlis',
    addressedTo: 'Kimga qaratilgan',
    followUp: (year) => `${year}-yil holati`,
    none: 'Tavsiyalar qabul qilinmagan.',
    evidence: 'Uni bajarish boʻyicha oʻquvlar',
    evidenceFigures: ({ eventsHeld, peopleTrained, meanKnowledgeGain }) =>
      [
        `${eventsHeld} ta tadbir oʻtkazildi`,
        `${peopleTrained} kishi oʻqitildi`,
        ...(meanKnowledgeGain == null
          ? []
          : [`bilim oʻrtacha ${signed(meanKnowledgeGain, 'uz')} foiz punktga oshdi`]),
      ].join(', '),
    evidenceTotal: 'Jami (har bir kishi bir marta)',
  },
  agenda: {
    title: 'Dastur',
    day: (n) => `${n}-kun`,
    moderator: 'Moderator',
    room: 'Zal',
  },
  attendance: {
    title: 'Davomat hisoboti',
    programme: 'Dastur',
    trainers: 'Trenerlar',
    completionRule: 'Tamomlash sharti',
    number: '№',
    name: 'F.I.Sh.',
    organization: 'Tashkilot',
    category: 'Toifa',
    day: (n) => `${n}-kun`,
    attendedDays: 'Qatnashgan kunlar',
    completed: 'Tamomladi',
    legend: 'Belgilar',
    notMarked: 'belgilanmagan',
    indicators: 'Kasbiy toifalar boʻyicha koʻrsatkichlar',
    enrolled: 'Roʻyxatga olingan',
    trained: 'Oʻqitilgan',
    completions: 'Tamomlagan',
    total: 'Jami',
    knowledge: {
      pre: 'Oldin %',
      post: 'Keyin %',
      gain: 'Oʻsish',
      title: 'Ushbu seminarning bilim testi (oldin va keyin)',
      tested: 'Test topshirganlar (oldin va keyin)',
      meanPre: 'Oʻrtacha dastlabki test',
      meanPost: 'Oʻrtacha yakuniy test',
      meanGain: 'Oʻrtacha oʻsish (ball)',
      improved: 'Natijasini yaxshilaganlar',
      mastered: 'Oʻtish balliga yetganlar',
    },
    rule: (rule, dayCount) =>
      requirements(
        rule,
        dayCount,
        (min, of) => `${of} kundan kamida ${min} kun qatnashish`,
        (percent) => `kunlarning kamida ${percent}% qismida qatnashish`,
        (of) => (of === 1 ? 'oʻquv kunida qatnashish' : `barcha ${of} kunda qatnashish`),
      ).join(' va ') +
      '; kechikish qatnashish deb hisoblanadi' +
      (rule.excusedCounts
        ? '; sababli qatnashmaslik hisobga olinadi'
        : '; sababli qatnashmaslik hisobga olinmaydi'),
  },
  yes: 'ha',
  no: 'yoʻq',
  quote: (text) => `«${text}»`,
  page: (n, count) => `${count} sahifadan ${n}-sahifa`,
  ...DATE_TEXTS.uz,
  // Uzbek nouns stay singular after a number.
  days: (n) => `${number('uz', n)} kun`,
  hours: (n) => `${number('uz', n)} akademik soat`,
  mark: {
    PRESENT: { short: 'B', label: 'bor (qatnashdi)' },
    LATE: { short: 'K', label: 'kechikdi' },
    EXCUSED: { short: 'S', label: 'sababli qatnashmadi' },
    ABSENT: { short: 'Y', label: 'yoʻq (qatnashmadi)' },
  },
  followUpStatus: {
    NOT_STARTED: 'boshlanmagan',
    IN_PROGRESS: 'bajarilmoqda',
    IMPLEMENTED: 'bajarilgan',
  },
  partnerRole: {
    HOST: 'Mezbon',
    CO_ORGANIZER: 'Hamkor tashkilotchilar',
    FUNDER: 'Moliyaviy koʻmak',
    PARTNER: 'Hamkorlar',
  },
  sessionKind: {
    OPENING: 'Ochilish marosimi',
    SPEECH: 'Nutq',
    PRESENTATION: 'Taqdimot',
    VIDEO_MESSAGE: 'Videomurojaat',
    PANEL: 'Panel muhokamasi',
    PLENARY: 'Yalpi majlis',
    WORKING_GROUP_SITTING: 'Ishchi guruh majlisi',
    BREAK: 'Tanaffus',
    CLOSING: 'Yopilish marosimi',
  },
};

/** The rule's parts in words: the days and/or the percentage asked, or every day when neither. */
function requirements(
  rule: CompletionRule,
  dayCount: number,
  minDays: (min: number, of: number) => string,
  minPercent: (percent: number) => string,
  allDays: (of: number) => string,
): string[] {
  const parts: string[] = [];
  if (rule.minDays) parts.push(minDays(rule.minDays, dayCount));
  if (rule.minPercent) parts.push(minPercent(rule.minPercent));
  return parts.length ? parts : [allDays(dayCount)];
}

export const TEXTS: Record<LanguageCode, Texts> = { en, ru, uz };

export function textsFor(language: LanguageCode): Texts {
  return TEXTS[language];
}

/** "BORDER_OFFICER" → "Border officer", for names no table knows yet. */
export function readable(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** A category as printed: the directory's label, or an unknown value made readable. */
export function categoryName(language: LanguageCode, category: string): string {
  return isProfessionalCategory(category)
    ? CATEGORY_LABELS[category][language]
    : readable(category);
}

export function sessionKindName(language: LanguageCode, kind: string): string {
  return isOneOf(SESSION_KINDS, kind) ? TEXTS[language].sessionKind[kind] : readable(kind);
}

/** The country's name in the document's language (one rule, in @platform/core). */
export const countryName = countryNameIn;
