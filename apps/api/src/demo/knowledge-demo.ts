import { EntityManager } from '@mikro-orm/core';
import { User } from '@platform/accounts';
import { listTexts, missingTranslations, Translations } from '@platform/core';
import {
  Enrollment,
  KnowledgeAttempt,
  KnowledgeAttemptSource,
  KnowledgeQuestion,
  KnowledgeQuestionType,
  KnowledgeTest,
  KnowledgeTestKind,
  TrainingProgramme,
} from '@platform/trainings';

/** The pass mark of the 2023 series' knowledge test. */
export const DEMO_PASS_MARK = 70;

type Text = [en: string, ru: string, uz: string];
interface DemoQuestion {
  type: KnowledgeQuestionType;
  text: Text;
  options: Text[];
  correct: number[];
}

const { SINGLE, MULTIPLE, TRUE_FALSE } = KnowledgeQuestionType;

/** Ten questions on identifying victims and investigating trafficking, in en, ru and uz. */
export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    type: MULTIPLE,
    text: [
      'Which are the three elements of trafficking in adults?',
      'Каковы три элемента торговли взрослыми людьми?',
      'Kattalar savdosining uchta elementi qaysilar?',
    ],
    options: [
      ['The act', 'Действие', 'Harakat'],
      ['The means', 'Способ', 'Usul'],
      ['The purpose of exploitation', 'Цель эксплуатации', 'Ekspluatatsiya maqsadi'],
      ['Crossing a border', 'Пересечение границы', 'Chegarani kesib oʻtish'],
    ],
    correct: [0, 1, 2],
  },
  {
    type: TRUE_FALSE,
    text: [
      'For a child victim, the means (force, deception…) need not be proven.',
      'Для ребёнка-жертвы способ (насилие, обман…) доказывать не нужно.',
      'Bola jabrlanuvchi uchun usulni (zoʻrlik, aldov…) isbotlash shart emas.',
    ],
    options: [],
    correct: [0],
  },
  {
    type: SINGLE,
    text: [
      'Which is a strong indicator of trafficking?',
      'Что является явным признаком торговли людьми?',
      'Qaysi biri odam savdosining kuchli belgisi?',
    ],
    options: [
      [
        'The employer keeps the worker’s passport',
        'Работодатель удерживает паспорт работника',
        'Ish beruvchi xodimning pasportini ushlab turadi',
      ],
      [
        'The worker is paid monthly',
        'Работнику платят ежемесячно',
        'Xodimga har oy maosh toʻlanadi',
      ],
      [
        'The worker has a written contract',
        'У работника есть письменный договор',
        'Xodimda yozma shartnoma bor',
      ],
    ],
    correct: [0],
  },
  {
    type: TRUE_FALSE,
    text: [
      'A victim’s consent to exploitation removes criminal liability when deception was used.',
      'Согласие жертвы на эксплуатацию освобождает от ответственности, если был использован обман.',
      'Aldov ishlatilgan boʻlsa, jabrlanuvchining roziligi javobgarlikdan ozod qiladi.',
    ],
    options: [],
    correct: [1],
  },
  {
    type: SINGLE,
    text: [
      'What comes first when a presumed victim is identified?',
      'Что делается в первую очередь при выявлении предполагаемой жертвы?',
      'Taxminiy jabrlanuvchi aniqlanganda birinchi navbatda nima qilinadi?',
    ],
    options: [
      [
        'Referral to protection and assistance',
        'Направление на защиту и помощь',
        'Himoya va yordamga yoʻnaltirish',
      ],
      ['A formal interrogation', 'Официальный допрос', 'Rasmiy soʻroq'],
      ['Deportation', 'Депортация', 'Deportatsiya'],
    ],
    correct: [0],
  },
  {
    type: MULTIPLE,
    text: [
      'Which evidence reduces reliance on the victim’s testimony?',
      'Какие доказательства снижают зависимость от показаний жертвы?',
      'Qaysi dalillar jabrlanuvchi koʻrsatmalariga tayanishni kamaytiradi?',
    ],
    options: [
      ['Financial records', 'Финансовые документы', 'Moliyaviy hujjatlar'],
      ['Communications data', 'Данные о переписке и звонках', 'Aloqa maʼlumotlari'],
      ['Rumours in the neighbourhood', 'Слухи среди соседей', 'Mahalladagi mish-mishlar'],
    ],
    correct: [0, 1],
  },
  {
    type: SINGLE,
    text: [
      'Who should interview a child victim?',
      'Кто должен опрашивать ребёнка-жертву?',
      'Bola jabrlanuvchini kim soʻroq qilishi kerak?',
    ],
    options: [
      [
        'A specially trained interviewer, with a psychologist present',
        'Специально обученный сотрудник в присутствии психолога',
        'Psixolog ishtirokida maxsus tayyorlangan xodim',
      ],
      ['Any duty officer', 'Любой дежурный сотрудник', 'Istalgan navbatchi xodim'],
      ['The suspect’s lawyer', 'Адвокат подозреваемого', 'Gumonlanuvchining advokati'],
    ],
    correct: [0],
  },
  {
    type: TRUE_FALSE,
    text: [
      'Victims should not be punished for offences they were compelled to commit.',
      'Жертвы не должны наказываться за правонарушения, которые их вынудили совершить.',
      'Jabrlanuvchilar majburan sodir etgan huquqbuzarliklari uchun jazolanmasligi kerak.',
    ],
    options: [],
    correct: [0],
  },
  {
    type: SINGLE,
    text: [
      'Which international instrument defines trafficking in persons?',
      'Какой международный документ определяет торговлю людьми?',
      'Qaysi xalqaro hujjat odam savdosini taʼriflaydi?',
    ],
    options: [
      ['The Palermo Protocol (2000)', 'Палермский протокол (2000)', 'Palermo protokoli (2000)'],
      [
        'The Vienna Convention on Consular Relations',
        'Венская конвенция о консульских сношениях',
        'Konsullik munosabatlari toʻgʻrisidagi Vena konvensiyasi',
      ],
      ['The Chicago Convention', 'Чикагская конвенция', 'Chikago konvensiyasi'],
    ],
    correct: [0],
  },
  {
    type: MULTIPLE,
    text: [
      'Which forms of exploitation does the definition cover?',
      'Какие формы эксплуатации охватывает определение?',
      'Taʼrif ekspluatatsiyaning qaysi shakllarini qamrab oladi?',
    ],
    options: [
      ['Forced labour', 'Принудительный труд', 'Majburiy mehnat'],
      ['Sexual exploitation', 'Сексуальная эксплуатация', 'Jinsiy ekspluatatsiya'],
      ['Removal of organs', 'Изъятие органов', 'Aʼzolarni olib qoʻyish'],
      ['Legal seasonal work', 'Законная сезонная работа', 'Qonuniy mavsumiy ish'],
    ],
    correct: [0, 1, 2],
  },
];

/** A small deterministic generator (mulberry32): the same scores on every load. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The paper scores of trainee `index` (ten questions, so multiples of 10): pre around
 * 45–60, post around 70–85; about one in eight does not improve, and those who missed
 * the second day (`completed` false) and about one in twenty have no post-test.
 */
export function demoScores(index: number, completed: boolean): { pre: number; post?: number } {
  const random = seeded(index + 1);
  const pre = [40, 50, 50, 50, 60, 60, 70][Math.floor(random() * 7)]!;
  const post = [70, 70, 80, 80, 80, 90, 100][Math.floor(random() * 7)]!;
  if (!completed || random() < 0.05) return { pre };
  if (random() < 0.12) return { pre, post: Math.max(0, pre - 10 * Math.floor(random() * 2)) };
  return { pre, post };
}

/** The 2023 series' knowledge test, opened, and its trainees' paper scores. */
export function loadKnowledgeDemo(
  tx: EntityManager,
  programme: TrainingProgramme,
  organizer: User,
  trainees: { enrollment: Enrollment; completed: boolean; day1: string; day2: string }[],
): void {
  const test = tx.create(KnowledgeTest, { programme, passMark: DEMO_PASS_MARK, opened: true });
  DEMO_QUESTIONS.forEach((question, position) => {
    const translations: Translations = {};
    const put = (field: string, [, ru, uz]: Text) => (translations[field] = { ru, uz });
    put('text', question.text);
    question.options.forEach((option, j) => put(`options.${j}`, option));
    const options = question.options.map(([en]) => en);
    const missing = missingTranslations(
      { text: question.text[0], ...listTexts('options', options) },
      translations,
    );
    if (missing.length) throw new Error(`Demo question ${position} misses a translation`);
    tx.create(KnowledgeQuestion, {
      test,
      position,
      type: question.type,
      text: question.text[0],
      options,
      correct: question.correct,
      translations,
    });
  });
  trainees.forEach(({ enrollment, completed, day1, day2 }, index) => {
    const { pre, post } = demoScores(index, completed);
    const attempt = (kind: KnowledgeTestKind, score: number, day: string) =>
      tx.create(KnowledgeAttempt, {
        enrollment,
        kind,
        source: KnowledgeAttemptSource.PAPER,
        test,
        score,
        passMark: DEMO_PASS_MARK,
        enteredBy: organizer.id,
        submittedAt: new Date(`${day}T16:00:00Z`),
      });
    attempt(KnowledgeTestKind.PRE, pre, day1);
    if (post !== undefined) attempt(KnowledgeTestKind.POST, post, day2);
  });
}
