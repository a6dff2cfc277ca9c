import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  Clock,
  DomainError,
  ErrorKind,
  EventRef,
  eventRefOf,
  refusal,
} from '@platform/core';
import { Person } from '@platform/directory';
import { MailWorker, Outbox } from '@platform/mail';
import {
  EvaluationAnswerInput,
  EvaluationFormView,
  EvaluationStatus,
  EvaluationToAnswer,
  SaveEvaluationFormInput,
  SubmitEvaluationInput,
} from './dto/evaluation.types';
import { EvaluatedEvent, EvaluatedEvents, SYSTEM } from './evaluated-events';
import { evaluationMail } from './evaluation.email';
import {
  AnswerData,
  EvaluationAnswerSet,
  EvaluationForm,
  EvaluationInvitation,
  EvaluationKind,
  EvaluationQuestionType,
} from './evaluation.entities';
import {
  addMonths,
  contentOf,
  EMPTY_TEXTS,
  formView,
  missingText,
  questionsOf,
  questionView,
} from './evaluation-forms';

export enum EvaluationErrorCode {
  /** The form was sent: its questions and anonymity are fixed. */
  EVALUATION_SENT = 'EVALUATION_SENT',
  /** A text is not written in all three languages yet. */
  EVALUATION_INCOMPLETE = 'EVALUATION_INCOMPLETE',
  /** A follow-up goes out by itself when due. */
  FOLLOW_UP_SENDS_ITSELF = 'FOLLOW_UP_SENDS_ITSELF',
  ALREADY_ANSWERED = 'ALREADY_ANSWERED',
}

const DAY_MS = 86_400_000;

export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * Evaluation forms of an event, their sending (the staff sends an END form; a FOLLOW_UP
 * goes out by itself when due), the one reminder, and the answers. An anonymous form's
 * answers are stored with no link to the person, the invitation or the time.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EvaluatedEvents,
    private readonly outbox: Outbox,
    private readonly worker: MailWorker,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- Staff ----

  async forms(actor: Actor, input: { editionId?: string; trainingEventId?: string }) {
    const event = await this.events.managed(actor, eventRefOf(input));
    const forms = await this.em.find(
      EvaluationForm,
      { eventKind: event.ref.kind, eventId: event.ref.id },
      { orderBy: { kind: 'asc' } },
    );
    return Promise.all(forms.map(async (form) => formView(form, await this.status(form))));
  }

  async form(actor: Actor, formId: string): Promise<EvaluationFormView> {
    const { form } = await this.managedForm(actor, formId);
    return formView(form, await this.status(form));
  }

  async save(actor: Actor, input: SaveEvaluationFormInput): Promise<EvaluationFormView> {
    const ref = eventRefOf(input);
    const event = await this.events.managed(actor, ref);
    if (input.kind === EvaluationKind.FOLLOW_UP && !input.monthsAfter) {
      throw DomainError.invalid('monthsAfter', 'is required for a FOLLOW_UP form');
    }
    if (input.kind === EvaluationKind.END && input.monthsAfter) {
      throw DomainError.invalid('monthsAfter', 'is only for a FOLLOW_UP form');
    }
    const questions = questionsOf(input.questions);
    const form = await this.em.transactional(async (em) => {
      const existing = await em.findOne(EvaluationForm, {
        eventKind: ref.kind,
        eventId: ref.id,
        kind: input.kind,
      });
      if (existing?.sentAt) {
        if (existing.anonymous !== input.anonymous) {
          throw DomainError.invalid('anonymous', 'is fixed once the form is sent');
        }
        if (contentOf(existing.questions) !== contentOf(questions)) {
          throw DomainError.conflict(
            EvaluationErrorCode.EVALUATION_SENT,
            'The form was sent: its questions can no longer change.',
          );
        }
      }
      const form =
        existing ??
        em.create(EvaluationForm, { eventKind: ref.kind, eventId: ref.id, kind: input.kind });
      if (!existing?.sentAt) {
        form.anonymous = input.anonymous;
        form.questions = questions;
        form.monthsAfter = input.monthsAfter ?? null;
        form.dueOn = input.monthsAfter ? addMonths(event.endDate, input.monthsAfter) : null;
      }
      form.reminderDays = input.reminderDays;
      form.intro = input.intro
        ? { en: input.intro.en.trim(), ru: input.intro.ru.trim(), uz: input.intro.uz.trim() }
        : EMPTY_TEXTS;
      return form;
    });
    return formView(form, await this.status(form));
  }

  async remove(actor: Actor, formId: string): Promise<boolean> {
    const { form } = await this.managedForm(actor, formId);
    if (form.sentAt) {
      throw DomainError.conflict(
        EvaluationErrorCode.EVALUATION_SENT,
        'The form was sent: its answers are kept.',
      );
    }
    await this.em.nativeDelete(EvaluationForm, { id: form.id, sentAt: null });
    return true;
  }

  /**
   * Sends an END form to every respondent not invited yet (sending again reaches only
   * those who joined since). A FOLLOW_UP form goes out by itself on its due date.
   */
  async send(actor: Actor, formId: string): Promise<EvaluationFormView> {
    const { form, event } = await this.managedForm(actor, formId);
    if (form.kind === EvaluationKind.FOLLOW_UP) {
      throw DomainError.conflict(
        EvaluationErrorCode.FOLLOW_UP_SENDS_ITSELF,
        `A follow-up goes out by itself on ${form.dueOn ?? 'its due date'}.`,
      );
    }
    this.assertComplete(form);
    const now = this.clock.now();
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(EvaluationForm, { id: form.id, sentAt: null }, { sentAt: now });
      await this.invite(em, form, event, now);
    });
    this.worker.wake();
    await this.em.refresh(form);
    return formView(form, await this.status(form));
  }

  private assertComplete(form: EvaluationForm): void {
    const missing = missingText(form);
    if (missing) {
      throw DomainError.invalid(
        missing,
        'must be written in English, Russian and Uzbek before the form is sent',
        EvaluationErrorCode.EVALUATION_INCOMPLETE,
      );
    }
  }

  /** Invites the respondents not invited yet, each with a new token, and queues their mail. */
  private async invite(
    em: EntityManager,
    form: EvaluationForm,
    event: EvaluatedEvent,
    now: Date,
  ): Promise<number> {
    const people = await this.events.respondents(event.ref);
    const invited = new Set(
      (await em.find(EvaluationInvitation, { form }, { fields: ['person'] })).map(
        (invitation) => invitation.person.id,
      ),
    );
    let count = 0;
    for (const person of people) {
      if (invited.has(person.id)) continue;
      invited.add(person.id);
      const token = newToken();
      const invitation = em.create(EvaluationInvitation, {
        form,
        person,
        tokenHash: tokenHash(token),
        invitedAt: now,
      });
      await this.outbox.enqueue(
        em,
        evaluationMail(false, form, event, person, invitation.id, this.link(token)),
      );
      count++;
    }
    return count;
  }

  private link(token: string): string {
    return `${this.config.publicUrl}/evaluate/${token}`;
  }

  private async status(form: EvaluationForm): Promise<EvaluationStatus> {
    const [invited, answered, reminded] = await Promise.all([
      this.em.count(EvaluationInvitation, { form: form.id }),
      this.em.count(EvaluationInvitation, { form: form.id, answered: true }),
      this.em.count(EvaluationInvitation, { form: form.id, remindedAt: { $ne: null } }),
    ]);
    return { invited, answered, reminded };
  }

  /** The form, if the actor runs its event: NOT_FOUND (or the event's FORBIDDEN) else. */
  async managedForm(
    actor: Actor,
    formId: string,
  ): Promise<{ form: EvaluationForm; event: EvaluatedEvent }> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const form = await this.em.findOne(EvaluationForm, formId);
    if (!form) throw DomainError.notFound('Evaluation form', formId);
    try {
      const event = await this.events.managed(actor, { kind: form.eventKind, id: form.eventId });
      return { form, event };
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === ErrorKind.UNAUTHENTICATED) throw error;
      // The form is not the event: only its respondents know it exists.
      const invited =
        actor.personId !== null &&
        (await this.em.count(EvaluationInvitation, { form, person: actor.personId })) > 0;
      throw refusal(
        invited,
        'Evaluation form',
        formId,
        'Only those who run the event can do this.',
      );
    }
  }

  // ---- Jobs ----

  /**
   * Sends every FOLLOW_UP form due by `now`, each claimed by one UPDATE (sentAt from null)
   * in the transaction that invites: two processes never both send one.
   */
  async sendDueFollowUps(now = this.clock.now()): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    const due = await this.em.find(EvaluationForm, {
      kind: EvaluationKind.FOLLOW_UP,
      sentAt: null,
      dueOn: { $lte: today },
    });
    let sent = 0;
    for (const form of due) {
      if (missingText(form)) continue;
      const event = await this.events.managed(SYSTEM, { kind: form.eventKind, id: form.eventId });
      const claimed = await this.em.fork().transactional(async (em) => {
        const rows = await em.nativeUpdate(
          EvaluationForm,
          { id: form.id, sentAt: null },
          { sentAt: now },
        );
        if (rows !== 1) return false;
        await this.invite(em, form, event, now);
        return true;
      });
      if (claimed) sent++;
    }
    if (sent) this.worker.wake();
    return sent;
  }

  /** The one reminder, `reminderDays` after the invitation, to those who have not answered. */
  async sendReminders(now = this.clock.now()): Promise<number> {
    const pending = await this.em.find(
      EvaluationInvitation,
      { answered: false, remindedAt: null, form: { sentAt: { $ne: null } } },
      { populate: ['form', 'person'] },
    );
    const due = pending.filter(
      (invitation) =>
        invitation.invitedAt.getTime() + invitation.form.getEntity().reminderDays * DAY_MS <=
        now.getTime(),
    );
    const events = new Map<string, EvaluatedEvent>();
    let reminded = 0;
    for (const invitation of due) {
      const form = invitation.form.getEntity();
      const ref: EventRef = { kind: form.eventKind, id: form.eventId };
      const key = `${ref.kind}:${ref.id}`;
      let event = events.get(key);
      if (!event) events.set(key, (event = await this.events.managed(SYSTEM, ref)));
      const token = newToken();
      const done = await this.em.fork().transactional(async (em) => {
        const rows = await em.nativeUpdate(
          EvaluationInvitation,
          { id: invitation.id, answered: false, remindedAt: null },
          { remindedAt: now, reminderTokenHash: tokenHash(token) },
        );
        if (rows !== 1) return false;
        await this.outbox.enqueue(
          em,
          evaluationMail(
            true,
            form,
            event,
            invitation.person.getEntity(),
            invitation.id,
            this.link(token),
          ),
        );
        return true;
      });
      if (done) reminded++;
    }
    if (reminded) this.worker.wake();
    return reminded;
  }

  // ---- Respondents ----

  /** The form behind a mailed link; no sign-in needed (the token is the key). */
  async byToken(token: string): Promise<EvaluationToAnswer> {
    return this.toAnswer(await this.invitationByToken(this.em, token));
  }

  /** A signed-in participant's own evaluations, open ones first. */
  async mine(actor: Actor): Promise<EvaluationToAnswer[]> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.personId) return [];
    const invitations = await this.em.find(
      EvaluationInvitation,
      { person: actor.personId, form: { sentAt: { $ne: null } } },
      { populate: ['form'], orderBy: { answered: 'asc', invitedAt: 'desc' } },
    );
    return Promise.all(invitations.map((invitation) => this.toAnswer(invitation)));
  }

  async submit(actor: Actor, input: SubmitEvaluationInput): Promise<EvaluationToAnswer> {
    if (input.token && input.invitationId) {
      throw DomainError.invalid('invitationId', 'give the token or the invitationId, not both');
    }
    if (!input.token && !input.invitationId) {
      throw DomainError.invalid('token', 'give the token or the invitationId');
    }
    const today = this.clock.today();
    const invitation = await this.em.transactional(async (em) => {
      const invitation = input.token
        ? await this.invitationByToken(em, input.token)
        : await this.ownInvitation(em, actor, input.invitationId ?? '');
      const form = invitation.form.getEntity();
      const answers = this.answersFor(form, input.answers);
      const claimed = await em.nativeUpdate(
        EvaluationInvitation,
        { id: invitation.id, answered: false },
        { answered: true, answeredOn: today },
      );
      if (claimed !== 1) {
        throw DomainError.conflict(
          EvaluationErrorCode.ALREADY_ANSWERED,
          'These answers were already given.',
        );
      }
      // Anonymous: a random id, the form and the answers; nothing that leads to the person.
      em.create(EvaluationAnswerSet, {
        form,
        answers,
        person: form.anonymous ? null : invitation.person,
        answeredOn: form.anonymous ? null : today,
      });
      return invitation;
    });
    await this.em.refresh(invitation);
    return this.toAnswer(invitation);
  }

  private answersFor(form: EvaluationForm, inputs: EvaluationAnswerInput[]): AnswerData[] {
    const seen = new Set<string>();
    const answers: AnswerData[] = [];
    inputs.forEach((input, i) => {
      const question = form.questions.find((candidate) => candidate.id === input.questionId);
      if (!question) {
        throw DomainError.invalid(`answers.${i}.questionId`, 'is not a question of this form');
      }
      if (seen.has(question.id)) {
        throw DomainError.invalid(`answers.${i}.questionId`, 'is answered twice');
      }
      seen.add(question.id);
      if (question.type === EvaluationQuestionType.RATING) {
        if (input.text != null)
          throw DomainError.invalid(`answers.${i}.text`, 'a rating question takes a rating');
        if (input.rating != null) answers.push({ questionId: question.id, rating: input.rating });
      } else {
        if (input.rating != null)
          throw DomainError.invalid(`answers.${i}.rating`, 'a text question takes a text');
        const text = input.text?.trim();
        if (text) answers.push({ questionId: question.id, text });
      }
    });
    if (answers.length === 0) throw DomainError.invalid('answers', 'answer at least one question');
    return answers;
  }

  private async invitationByToken(em: EntityManager, token: string): Promise<EvaluationInvitation> {
    const hash = tokenHash(token);
    const invitation = await em.findOne(
      EvaluationInvitation,
      { $or: [{ tokenHash: hash }, { reminderTokenHash: hash }] },
      { populate: ['form'] },
    );
    if (!invitation) throw DomainError.notFound('Evaluation link');
    return invitation;
  }

  private async ownInvitation(
    em: EntityManager,
    actor: Actor,
    invitationId: string,
  ): Promise<EvaluationInvitation> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const invitation = await em.findOne(EvaluationInvitation, invitationId, { populate: ['form'] });
    if (!invitation || invitation.person.id !== actor.personId) {
      throw DomainError.notFound('Evaluation invitation', invitationId);
    }
    return invitation;
  }

  private async toAnswer(invitation: EvaluationInvitation): Promise<EvaluationToAnswer> {
    const form = invitation.form.getEntity();
    const event = await this.events.managed(SYSTEM, { kind: form.eventKind, id: form.eventId });
    const person: Person = await invitation.person.loadOrFail();
    return {
      id: invitation.id,
      kind: form.kind,
      eventTitle: event.title,
      language: person.language,
      anonymous: form.anonymous,
      answered: invitation.answered,
      intro: form.intro,
      questions: form.questions.map(questionView),
    };
  }
}
