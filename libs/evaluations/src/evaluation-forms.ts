import { EvaluationQuestionType, QuestionData, Texts } from './evaluation.entities';
import { DomainError, eventIdsOf, LANGUAGES } from '@platform/core';
import {
  EvaluationFormView,
  EvaluationQuestion,
  EvaluationQuestionInput,
  EvaluationStatus,
} from './dto/evaluation.types';
import { EvaluationForm } from './evaluation.entities';
import { randomUUID } from 'node:crypto';

export const EMPTY_TEXTS: Texts = { en: '', ru: '', uz: '' };

const trimmed = (texts: Texts | undefined): Texts | undefined =>
  texts && { en: texts.en.trim(), ru: texts.ru.trim(), uz: texts.uz.trim() };

const isWritten = (texts: Texts | undefined): boolean =>
  texts !== undefined && LANGUAGES.every((language) => texts[language] !== '');

/** The questions as stored: trimmed, with ids, one satisfaction rating (default the first). */
export function questionsOf(inputs: EvaluationQuestionInput[]): QuestionData[] {
  const marked = inputs.filter((input) => input.isSatisfaction);
  if (marked.length > 1) {
    throw invalidQuestion(
      marked.length,
      'isSatisfaction',
      'only one question is the satisfaction question',
    );
  }
  inputs.forEach((input, i) => {
    if (input.isSatisfaction && input.type !== EvaluationQuestionType.RATING) {
      throw invalidQuestion(i, 'isSatisfaction', 'only a RATING question can be it');
    }
    if (input.type === EvaluationQuestionType.TEXT && (input.lowLabel || input.highLabel)) {
      throw invalidQuestion(i, 'lowLabel', 'a TEXT question has no rating labels');
    }
  });
  const satisfaction =
    marked[0] ?? inputs.find((input) => input.type === EvaluationQuestionType.RATING);
  return inputs.map((input) => ({
    id: randomUUID(),
    type: input.type,
    text: trimmed(input.text) ?? EMPTY_TEXTS,
    ...(input.type === EvaluationQuestionType.RATING
      ? {
          lowLabel: trimmed(input.lowLabel) ?? EMPTY_TEXTS,
          highLabel: trimmed(input.highLabel) ?? EMPTY_TEXTS,
        }
      : {}),
    isSatisfaction: input === satisfaction,
  }));
}

function invalidQuestion(index: number, field: string, problem: string): DomainError {
  return DomainError.invalid(`questions.${index}.${field}`, problem);
}

/** The first text not written in all three languages, as a field path; null when complete. */
export function missingText(form: EvaluationForm): string | null {
  for (const [i, question] of form.questions.entries()) {
    if (!isWritten(question.text)) return `questions.${i}.text`;
    if (question.type === EvaluationQuestionType.RATING) {
      if (!isWritten(question.lowLabel)) return `questions.${i}.lowLabel`;
      if (!isWritten(question.highLabel)) return `questions.${i}.highLabel`;
    }
  }
  const intro = form.intro;
  const started = LANGUAGES.some((language) => intro[language] !== '');
  if (started && !isWritten(intro)) return 'intro';
  return null;
}

/** What a question's content is, without its id: to tell whether a sent form would change. */
export function contentOf(questions: QuestionData[]): string {
  return JSON.stringify(questions.map(({ id: _id, ...rest }) => rest));
}

export function questionView(question: QuestionData): EvaluationQuestion {
  return { ...question };
}

export function formView(form: EvaluationForm, status: EvaluationStatus): EvaluationFormView {
  return {
    id: form.id,
    ...eventIdsOf({ kind: form.eventKind, id: form.eventId }),
    kind: form.kind,
    monthsAfter: form.monthsAfter ?? undefined,
    dueOn: form.dueOn ?? undefined,
    anonymous: form.anonymous,
    reminderDays: form.reminderDays,
    intro: form.intro,
    questions: form.questions.map(questionView),
    complete: missingText(form) === null,
    sentAt: form.sentAt ?? undefined,
    status,
  };
}

/** `date` (YYYY-MM-DD) plus whole months; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}
