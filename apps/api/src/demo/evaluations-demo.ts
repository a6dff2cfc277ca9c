import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Edition, Registration, SEATED_STATUSES } from '@platform/conferences';
import { EventKind } from '@platform/core';
import {
  addMonths,
  AnswerData,
  EvaluationAnswerSet,
  EvaluationForm,
  EvaluationInvitation,
  EvaluationKind,
  EvaluationQuestionType,
  QuestionData,
  Texts,
} from '@platform/evaluations';
import { AttendanceMark, AttendanceStatus, TrainingEvent } from '@platform/trainings';
import { DEMO_PROGRAMME_TITLE } from './training-demo';

const tx3 = (en: string, ru: string, uz: string): Texts => ({ en, ru, uz });
const SCALE = {
  low: tx3('Not at all', 'Совсем нет', 'Umuman yoʻq'),
  high: tx3('Fully', 'Полностью', 'Toʻliq'),
};

const rating = (id: string, text: Texts, isSatisfaction = false): QuestionData => ({
  id,
  type: EvaluationQuestionType.RATING,
  text,
  lowLabel: SCALE.low,
  highLabel: SCALE.high,
  isSatisfaction,
});
const free = (id: string, text: Texts): QuestionData => ({
  id,
  type: EvaluationQuestionType.TEXT,
  text,
  isSatisfaction: false,
});

// Question ids are fixed so that the demo is the same at every load.
const END_QUESTIONS: QuestionData[] = [
  rating(
    '00000000-0000-4000-8000-000000000001',
    tx3(
      'Overall, how satisfied are you with the seminar?',
      'Насколько вы в целом удовлетворены семинаром?',
      'Umuman olganda seminardan qanchalik mamnunsiz?',
    ),
    true,
  ),
  rating(
    '00000000-0000-4000-8000-000000000002',
    tx3(
      'The content was relevant to my work.',
      'Содержание было актуально для моей работы.',
      'Mazmun ishim uchun dolzarb boʻldi.',
    ),
  ),
  rating(
    '00000000-0000-4000-8000-000000000003',
    tx3(
      'The trainers explained clearly.',
      'Тренеры объясняли понятно.',
      'Trenerlar tushunarli tushuntirdi.',
    ),
  ),
  rating(
    '00000000-0000-4000-8000-000000000004',
    tx3(
      'The case studies and exercises were useful.',
      'Разбор случаев и упражнения были полезны.',
      'Holatlar tahlili va mashqlar foydali boʻldi.',
    ),
  ),
  rating(
    '00000000-0000-4000-8000-000000000005',
    tx3(
      'The organization (venue, materials, timing) was good.',
      'Организация (место, материалы, время) была хорошей.',
      'Tashkiliy ishlar (joy, materiallar, vaqt) yaxshi boʻldi.',
    ),
  ),
  free(
    '00000000-0000-4000-8000-000000000006',
    tx3('What was most useful?', 'Что было наиболее полезным?', 'Eng foydali nima boʻldi?'),
  ),
  free(
    '00000000-0000-4000-8000-000000000007',
    tx3('What should we improve?', 'Что нам улучшить?', 'Nimani yaxshilashimiz kerak?'),
  ),
];

const FOLLOW_UP_QUESTIONS: QuestionData[] = [
  rating(
    '00000000-0000-4000-8000-000000000011',
    tx3(
      'I have applied what I learned in my work.',
      'Я применяю полученные знания в работе.',
      'Olgan bilimlarimni ishda qoʻllayapman.',
    ),
    true,
  ),
  rating(
    '00000000-0000-4000-8000-000000000012',
    tx3(
      'I have identified or referred a possible victim since the seminar.',
      'После семинара я выявил(а) или направил(а) возможную жертву.',
      'Seminardan keyin ehtimoliy jabrlanuvchini aniqladim yoki yoʻnaltirdim.',
    ),
  ),
  free(
    '00000000-0000-4000-8000-000000000013',
    tx3(
      'Give an example of how you used it.',
      'Приведите пример применения.',
      'Qanday qoʻllaganingizga misol keltiring.',
    ),
  ),
];

/** Free texts as trainees write them, each in their own language. */
const USEFUL = [
  'Разбор реальных уголовных дел по статье 135.',
  'Indicators of trafficking and how to interview a victim.',
  'Jabrlanuvchilarni yoʻnaltirish mexanizmi haqidagi mashgʻulot.',
  'Практическое занятие по допросу потерпевших.',
  'Moliyaviy tergov boʻyicha amaliy mashqlar.',
];
const IMPROVE = [
  'Больше времени на практические упражнения.',
  'Materiallarni oʻzbek tilida oldindan tarqatish.',
  'More cases on online recruitment.',
  'Пригласить представителей прокуратуры.',
];
const APPLIED = [
  'Применил индикаторы при проверке трудовых мигрантов.',
  'Jabrlanuvchini boshpanaga yoʻnaltirdik.',
  'Used the interview checklist with a possible victim.',
];

// A deterministic 1–5 rating that leans to 4 and 5, as such evaluations do.
const RATINGS = [5, 4, 5, 4, 4, 5, 3, 5, 4, 5, 4, 2, 5, 4, 4, 5, 3, 4, 5, 4];
const ratingOf = (seed: number) => RATINGS[seed % RATINGS.length]!;
const demoHash = (key: string) => createHash('sha256').update(`demo:${key}`).digest('hex');

function answersTo(questions: QuestionData[], seed: number): AnswerData[] {
  return questions.flatMap((question, q): AnswerData[] => {
    if (question.type === EvaluationQuestionType.RATING) {
      return [{ questionId: question.id, rating: ratingOf(seed * 7 + q * 3) }];
    }
    // Not everyone writes: about half answer each text question.
    if ((seed + q) % 2 === 1) return [];
    const texts = question.id.endsWith('6')
      ? USEFUL
      : question.id.endsWith('7')
        ? IMPROVE
        : APPLIED;
    return [{ questionId: question.id, text: texts[(seed + q) % texts.length]! }];
  });
}

/**
 * Sends one form (as stored), invites the people and records the first `answered` of
 * them as having answered; the rest got the one reminder.
 */
function sendDemo(
  tx: EntityManager,
  form: EvaluationForm,
  personIds: string[],
  answered: number,
  sentAt: Date,
): void {
  form.sentAt = sentAt;
  const reminded = new Date(sentAt.getTime() + form.reminderDays * 86_400_000);
  const day = (offset: number) =>
    new Date(sentAt.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  personIds.forEach((personId, i) => {
    const answers = i < answered;
    tx.create(EvaluationInvitation, {
      form,
      person: personId,
      tokenHash: demoHash(`${form.eventId}:${form.kind}:${personId}`),
      invitedAt: sentAt,
      remindedAt: answers && i < answered * 0.8 ? null : reminded,
      answered: answers,
      answeredOn: answers ? day(i < answered * 0.8 ? i % 3 : form.reminderDays + 1) : null,
    });
    if (answers) {
      tx.create(EvaluationAnswerSet, {
        form,
        answers: answersTo(form.questions, i + form.eventId.charCodeAt(0)),
        person: form.anonymous ? null : personId,
        answeredOn: form.anonymous ? null : day(i % 3),
      });
    }
  });
}

/**
 * Evaluations of the demo: every 2023 seminar has an anonymous END form (5 ratings, 2
 * texts), sent, answered by 70–85% of its trainees, and a FOLLOW_UP at 6 months with
 * fewer answers; the 2022 Tashkent edition a named END form.
 */
export async function loadEvaluationsDemo(tx: EntityManager): Promise<void> {
  await tx.flush();
  const events = await tx.find(
    TrainingEvent,
    { programme: { title: DEMO_PROGRAMME_TITLE } },
    { orderBy: { startDate: 'asc' } },
  );
  const marks = await tx.find(
    AttendanceMark,
    {
      enrollment: { event: { $in: events } },
      status: { $in: [AttendanceStatus.PRESENT, AttendanceStatus.LATE] },
    },
    { populate: ['enrollment'] },
  );
  events.forEach((event, j) => {
    const personIds = [
      ...new Set(
        marks
          .filter((mark) => mark.enrollment.getEntity().event.id === event.id)
          .map((mark) => mark.enrollment.getEntity().person.id),
      ),
    ].sort();
    const ref = { eventKind: EventKind.TRAINING_EVENT, eventId: event.id };
    const end = tx.create(EvaluationForm, {
      ...ref,
      kind: EvaluationKind.END,
      anonymous: true,
      questions: END_QUESTIONS,
    });
    // 70% to 85% answered, different per seminar.
    const endShare = 0.7 + ((j * 5) % 16) / 100;
    sendDemo(
      tx,
      end,
      personIds,
      Math.floor(personIds.length * endShare),
      new Date(`${event.endDate}T12:00:00Z`),
    );
    const dueOn = addMonths(event.endDate, 6);
    const followUp = tx.create(EvaluationForm, {
      ...ref,
      kind: EvaluationKind.FOLLOW_UP,
      monthsAfter: 6,
      dueOn,
      anonymous: true,
      questions: FOLLOW_UP_QUESTIONS,
    });
    const followUpShare = 0.4 + ((j * 3) % 11) / 100;
    sendDemo(
      tx,
      followUp,
      personIds,
      Math.round(personIds.length * followUpShare),
      new Date(`${dueOn}T06:00:00Z`),
    );
  });

  const tashkent = await tx.findOneOrFail(Edition, { year: 2022, hostCountry: 'UZ' });
  const registrations = await tx.find(Registration, {
    edition: tashkent,
    status: { $in: SEATED_STATUSES },
  });
  const seated = registrations.map((registration) => registration.person.id).sort();
  const named = tx.create(EvaluationForm, {
    eventKind: EventKind.EDITION,
    eventId: tashkent.id,
    kind: EvaluationKind.END,
    anonymous: false,
    questions: END_QUESTIONS.map((question) =>
      question.id.endsWith('1')
        ? {
            ...question,
            text: tx3(
              'Overall, how satisfied are you with the conference?',
              'Насколько вы в целом удовлетворены конференцией?',
              'Umuman olganda konferensiyadan qanchalik mamnunsiz?',
            ),
          }
        : question,
    ),
  });
  sendDemo(
    tx,
    named,
    seated,
    Math.round(seated.length * 0.6),
    new Date(`${tashkent.endDate}T15:00:00Z`),
  );
}
