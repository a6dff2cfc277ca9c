import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, CsvSeparatorChar, EventKind, LanguageCode, toCsv } from '@platform/core';
import { SatisfactionFigures, SatisfactionSource, OutcomeScope } from '@platform/trainings';
import { EvaluationQuestionResult, EvaluationResults } from './dto/evaluation.types';
import {
  EvaluationAnswerSet,
  EvaluationForm,
  EvaluationInvitation,
  EvaluationKind,
  EvaluationQuestionType,
} from './evaluation.entities';
import { questionView } from './evaluation-forms';
import { EvaluationsService } from './evaluations.service';

/** An anonymous form shows no answers before this many people have answered. */
export const MIN_ANONYMOUS_ANSWERS = 3;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A text a spreadsheet would run as a formula gets a leading apostrophe. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CSV_HEADERS: Record<LanguageCode, { person: string; answerSet: string }> = {
  en: { person: 'Respondent', answerSet: 'Answer set' },
  ru: { person: 'Респондент', answerSet: 'Набор ответов' },
  uz: { person: 'Respondent', answerSet: 'Javoblar toʻplami' },
};

/**
 * What a form's answers say: the response rate, the distribution and mean of each
 * rating, the free texts. Answer sets are never ordered as they came: texts in text
 * order, CSV rows by their content (or, for a named form, by the respondent's name).
 */
@Injectable()
export class EvaluationResultsService implements SatisfactionSource {
  constructor(
    private readonly em: EntityManager,
    private readonly evaluations: EvaluationsService,
  ) {}

  async results(actor: Actor, formId: string): Promise<EvaluationResults> {
    const { form } = await this.evaluations.managedForm(actor, formId);
    const [invited, answered] = await Promise.all([
      this.em.count(EvaluationInvitation, { form }),
      this.em.count(EvaluationInvitation, { form, answered: true }),
    ]);
    const sets = await this.em.find(EvaluationAnswerSet, { form });
    const withheld = form.anonymous && sets.length < MIN_ANONYMOUS_ANSWERS;
    return {
      formId: form.id,
      invited,
      answered,
      responseRate: invited ? round2(answered / invited) : undefined,
      withheld,
      questions: form.questions.map((question): EvaluationQuestionResult => {
        const given = withheld
          ? []
          : sets.flatMap((set) => set.answers.filter((a) => a.questionId === question.id));
        const ratings = given.flatMap((a) => (a.rating != null ? [a.rating] : []));
        const texts = given.flatMap((a) => (a.text != null ? [a.text] : []));
        return {
          question: questionView(question),
          answers: given.length,
          distribution:
            question.type === EvaluationQuestionType.RATING
              ? [1, 2, 3, 4, 5].map((rating) => ({
                  rating,
                  count: ratings.filter((r) => r === rating).length,
                }))
              : [],
          mean: ratings.length
            ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length)
            : undefined,
          texts: texts.sort((a, b) => a.localeCompare(b)),
        };
      }),
    };
  }

  /** One row per answer set, one column per question, in `language`. */
  async csv(
    actor: Actor,
    formId: string,
    language: LanguageCode,
    separator: CsvSeparatorChar,
  ): Promise<string> {
    const { form } = await this.evaluations.managedForm(actor, formId);
    const sets = await this.em.find(EvaluationAnswerSet, { form }, { populate: ['person'] });
    const withheld = form.anonymous && sets.length < MIN_ANONYMOUS_ANSWERS;
    const header = [
      form.anonymous ? CSV_HEADERS[language].answerSet : CSV_HEADERS[language].person,
      ...form.questions.map((question) => spreadsheetSafe(question.text[language])),
    ];
    const rows = (withheld ? [] : sets)
      .map((set) => {
        const cells = form.questions.map((question) => {
          const answer = set.answers.find((a) => a.questionId === question.id);
          return answer?.rating ?? (answer?.text != null ? spreadsheetSafe(answer.text) : '');
        });
        const person = set.person?.getEntity();
        return { name: person ? spreadsheetSafe(person.nameIn(language)) : '', cells };
      })
      .sort((a, b) =>
        form.anonymous
          ? JSON.stringify(a.cells).localeCompare(JSON.stringify(b.cells))
          : a.name.localeCompare(b.name),
      )
      .map((row, i) => [form.anonymous ? i + 1 : row.name, ...row.cells]);
    return toCsv([header, ...rows], separator);
  }

  /** The END forms of the scope's training events: who was asked, who answered, how satisfied. */
  async satisfaction(em: EntityManager, scope: OutcomeScope): Promise<SatisfactionFigures> {
    const forms = scope.eventIds.length
      ? await em.find(EvaluationForm, {
          kind: EvaluationKind.END,
          eventKind: EventKind.TRAINING_EVENT,
          eventId: { $in: scope.eventIds },
        })
      : [];
    if (forms.length === 0) {
      return { invited: 0, answered: 0, responseRate: null, meanSatisfaction: null };
    }
    const [invited, answered, sets] = await Promise.all([
      em.count(EvaluationInvitation, { form: { $in: forms } }),
      em.count(EvaluationInvitation, { form: { $in: forms }, answered: true }),
      em.find(EvaluationAnswerSet, { form: { $in: forms } }),
    ]);
    const satisfactionOf = new Map(
      forms.map((form) => [form.id, form.questions.find((q) => q.isSatisfaction)?.id]),
    );
    const ratings = sets.flatMap((set) => {
      const questionId = satisfactionOf.get(set.form.id);
      const rating = set.answers.find((a) => a.questionId === questionId)?.rating;
      return rating != null ? [rating] : [];
    });
    return {
      invited,
      answered,
      responseRate: invited ? answered / invited : null,
      meanSatisfaction: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    };
  }
}
