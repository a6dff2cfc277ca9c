import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Actor,
  Clock,
  DomainError,
  isId,
  missingTranslations,
  listTexts,
  refusal,
  TranslatableTexts,
  Translations,
} from '@platform/core';
import { Enrollment, EnrollmentStatus } from '../enrollments/enrollment.entity';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingAccess } from '../training-access';
import {
  KnowledgeAttempt,
  KnowledgeAttemptSource,
  KnowledgeQuestion,
  KnowledgeQuestionType,
  KnowledgeTest,
  KnowledgeTestKind,
} from './knowledge-test.entity';
import {
  CreateKnowledgeTestInput,
  KnowledgeQuestionInput,
  KnowledgeTestToTake,
  MyKnowledgeAttempt,
  PaperScoreInput,
  TraineeKnowledge,
  TraineeKnowledgeRow,
  UpdateKnowledgeTestInput,
} from './knowledge.types';

/** `extensions.reason` values of the knowledge tests. */
export enum KnowledgeErrorCode {
  TEST_EXISTS = 'KNOWLEDGE_TEST_EXISTS',
  TEST_HAS_ATTEMPTS = 'KNOWLEDGE_TEST_HAS_ATTEMPTS',
  ALREADY_TAKEN = 'KNOWLEDGE_TEST_ALREADY_TAKEN',
  NOT_OPEN = 'KNOWLEDGE_TEST_NOT_OPEN',
}

const RUNNERS = 'Only the trainers of this event and the organizers of its programme can do this.';
const MANAGERS = 'Only the organizers of this programme can change its knowledge tests.';

/** Percent correct, kept to two decimals. */
export const percent = (right: number, total: number): number =>
  total === 0 ? 0 : Math.round((10000 * right) / total) / 100;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Whether a chosen set of options is exactly the right set (all-or-nothing). */
function isRight(question: KnowledgeQuestion, chosen: number[]): boolean {
  const right = [...question.correct].sort((x, y) => x - y);
  const given = [...new Set(chosen)].sort((x, y) => x - y);
  return right.length === given.length && right.every((option, i) => option === given[i]);
}

/**
 * Knowledge tests: organizers of a programme (and admins) write them; the trainers of an
 * event read them and enter paper scores; the trainee takes them on their phone.
 */
@Injectable()
export class KnowledgeTestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly clock: Clock,
  ) {}

  // ---- writing tests ----

  async create(actor: Actor, input: CreateKnowledgeTestInput): Promise<KnowledgeTest> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if ((input.programmeId == null) === (input.eventId == null))
      throw DomainError.invalid('programmeId', 'give either programmeId or eventId');
    checkPassMark(input.passMark);
    let owner: { programme?: string; event?: string };
    if (input.eventId) {
      const event = await this.access.event(actor, input.eventId);
      await this.assertManager(actor, event.programme.id, 'eventId');
      owner = { event: event.id };
    } else {
      const programme = await this.access.programme(actor, input.programmeId!);
      owner = { programme: programme.id };
    }
    if (await this.em.count(KnowledgeTest, owner))
      throw DomainError.conflict(
        KnowledgeErrorCode.TEST_EXISTS,
        `This ${owner.event ? 'event' : 'programme'} already has a knowledge test: change it instead.`,
      );
    const questions = questionData(input.questions);
    const test = this.em.create(KnowledgeTest, { ...owner, passMark: input.passMark });
    for (const data of questions) this.em.create(KnowledgeQuestion, { ...stored(data), test });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw DomainError.conflict(
          KnowledgeErrorCode.TEST_EXISTS,
          'A knowledge test already exists here.',
        );
      throw error;
    }
    return test;
  }

  /** Changes refused once anyone has an attempt, so that stored scores keep their meaning. */
  async update(
    actor: Actor,
    testId: string,
    input: UpdateKnowledgeTestInput,
  ): Promise<KnowledgeTest> {
    const test = await this.forManager(actor, testId);
    await this.assertNoAttempts(test);
    if (input.passMark != null) checkPassMark(input.passMark);
    // Everything is checked before anything changes.
    const questions = input.questions && questionData(input.questions);
    if (questions && test.opened) assertComplete(questions);
    await this.em.transactional(async (em) => {
      if (input.passMark != null) test.passMark = input.passMark;
      if (questions) {
        await em.nativeDelete(KnowledgeQuestion, { test: test.id });
        for (const data of questions) em.create(KnowledgeQuestion, { ...stored(data), test });
      }
    });
    return test;
  }

  /** Opens the test to trainees: every question and option must exist in en, ru and uz. */
  async open(actor: Actor, testId: string, open: boolean): Promise<KnowledgeTest> {
    const test = await this.forManager(actor, testId);
    if (open) assertComplete(await this.questions(test));
    test.opened = open;
    await this.em.flush();
    return test;
  }

  private async assertNoAttempts(test: KnowledgeTest): Promise<void> {
    const attempts = await this.em.count(KnowledgeAttempt, { test: test.id });
    if (attempts)
      throw DomainError.conflict(
        KnowledgeErrorCode.TEST_HAS_ATTEMPTS,
        `This test cannot be changed: ${attempts} trainee attempt(s) are stored and their scores must keep their meaning. Create a test for a new event instead.`,
      );
  }

  private async assertManager(actor: Actor, programmeId: string, field: string): Promise<void> {
    if (!(await this.access.canManageProgramme(actor, programmeId)))
      throw DomainError.forbidden(`${MANAGERS} (${field})`);
  }

  /** A test its reader may change: organizers of its programme (or of its event's). */
  private async forManager(actor: Actor, testId: string): Promise<KnowledgeTest> {
    const test = await this.forReader(actor, testId);
    await this.assertManager(actor, await this.programmeIdOf(test), 'testId');
    return test;
  }

  private async programmeIdOf(test: KnowledgeTest): Promise<string> {
    if (test.programme) return test.programme.id;
    return (await test.event!.loadOrFail()).programme.id;
  }

  // ---- reading tests ----

  questions(test: KnowledgeTest, em: EntityManager = this.em): Promise<KnowledgeQuestion[]> {
    return em.find(KnowledgeQuestion, { test: test.id }, { orderBy: { position: 'asc' } });
  }

  /** The test trainees of the event take: the event's own, else its programme's. */
  async testFor(event: TrainingEvent, em: EntityManager = this.em): Promise<KnowledgeTest | null> {
    return (
      (await em.findOne(KnowledgeTest, { event: event.id })) ??
      (await em.findOne(KnowledgeTest, { programme: event.programme.id }))
    );
  }

  /** A test, for those who run one of the events it applies to (or organize its programme). */
  async forReader(actor: Actor, testId: string): Promise<KnowledgeTest> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const test = await this.em.findOne(KnowledgeTest, testId);
    if (test) {
      if (test.event) {
        const event = await test.event.loadOrFail();
        if (await this.access.canRunEvent(actor, event)) return test;
      } else if (await this.canReadProgrammeTest(actor, test.programme!.id)) {
        return test;
      }
    }
    throw DomainError.notFound('Knowledge test', testId);
  }

  private async canReadProgrammeTest(actor: Actor, programmeId: string): Promise<boolean> {
    if (await this.access.canManageProgramme(actor, programmeId)) return true;
    if (!actor.isStaff) return false;
    return (
      (await this.em.count(TrainingEvent, {
        $and: [{ programme: programmeId }, await this.access.eventsWhere(actor)],
      })) > 0
    );
  }

  async ofProgramme(actor: Actor, programmeId: string): Promise<KnowledgeTest | null> {
    await this.access.programme(actor, programmeId);
    return this.em.findOne(KnowledgeTest, { programme: programmeId });
  }

  async ofEvent(actor: Actor, eventId: string): Promise<KnowledgeTest | null> {
    return this.testFor(await this.access.event(actor, eventId));
  }

  async attemptCount(test: KnowledgeTest): Promise<number> {
    return this.em.count(KnowledgeAttempt, { test: test.id });
  }

  // ---- taking tests ----

  /** The first day a kind of test opens: the event's first day (PRE) or its last (POST). */
  static opensOn(event: TrainingEvent, kind: KnowledgeTestKind): string {
    return kind === KnowledgeTestKind.PRE ? event.startDate : event.endDate;
  }

  private async ownEnrollment(
    actor: Actor,
    eventId: string,
    em: EntityManager = this.em,
  ): Promise<Enrollment> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const enrollment = actor.personId
      ? await em.findOne(
          Enrollment,
          { event: eventId, person: actor.personId, status: EnrollmentStatus.ENROLLED },
          { populate: ['event'] },
        )
      : null;
    if (!enrollment) throw DomainError.notFound('Training event', eventId);
    return enrollment;
  }

  async toTake(
    actor: Actor,
    eventId: string,
    kind: KnowledgeTestKind,
  ): Promise<KnowledgeTestToTake | null> {
    const enrollment = await this.ownEnrollment(actor, eventId);
    const event = enrollment.event.getEntity();
    const test = await this.testFor(event);
    if (!test?.opened) return null;
    const attempts = await this.em.find(KnowledgeAttempt, { enrollment: enrollment.id });
    const attempt = attempts.find((a) => a.kind === kind);
    const open = this.isOpen(event, kind, attempts);
    const questions = await this.questions(test);
    return {
      eventId,
      kind,
      open,
      opensOn: KnowledgeTestsService.opensOn(event, kind),
      passMark: test.passMark,
      questionCount: questions.length,
      questions: open
        ? questions.map((q) => ({
            position: q.position,
            type: q.type,
            text: q.text,
            options: q.options,
            translations: q.translations,
          }))
        : [],
      attempt: attempt ? mine(attempt) : null,
    };
  }

  /** Open now to the trainee: from its first day, not taken yet; a pre-test only until a post-test. */
  private isOpen(
    event: TrainingEvent,
    kind: KnowledgeTestKind,
    attempts: KnowledgeAttempt[],
  ): boolean {
    if (attempts.some((a) => a.kind === kind)) return false;
    if (kind === KnowledgeTestKind.PRE && attempts.some((a) => a.kind === KnowledgeTestKind.POST))
      return false;
    return this.clock.today() >= KnowledgeTestsService.opensOn(event, kind);
  }

  /** Scores the answers on the server and stores the attempt, once. */
  async submit(
    actor: Actor,
    eventId: string,
    kind: KnowledgeTestKind,
    answers: number[][],
  ): Promise<MyKnowledgeAttempt> {
    try {
      return await this.em.transactional(async (em) => {
        const enrollment = await this.ownEnrollment(actor, eventId, em);
        const event = enrollment.event.getEntity();
        const test = await this.testFor(event, em);
        if (!test?.opened)
          throw DomainError.conflict(
            KnowledgeErrorCode.NOT_OPEN,
            'This event has no knowledge test open to trainees.',
          );
        const attempts = await em.find(KnowledgeAttempt, { enrollment: enrollment.id });
        if (attempts.some((a) => a.kind === kind)) throw alreadyTaken(kind);
        const opensOn = KnowledgeTestsService.opensOn(event, kind);
        if (this.clock.today() < opensOn)
          throw DomainError.conflict(
            KnowledgeErrorCode.NOT_OPEN,
            `The ${kind === KnowledgeTestKind.PRE ? 'pre-test' : 'post-test'} opens on ${opensOn}.`,
          );
        if (kind === KnowledgeTestKind.PRE && attempts.length)
          throw DomainError.conflict(
            KnowledgeErrorCode.NOT_OPEN,
            'The pre-test closed when the post-test was taken.',
          );
        const questions = await this.questions(test, em);
        if (answers.length !== questions.length)
          throw DomainError.invalid(
            'answers',
            `expected ${questions.length} answers, one per question`,
          );
        let right = 0;
        questions.forEach((question, i) => {
          const chosen = answers[i]!;
          const count =
            question.type === KnowledgeQuestionType.TRUE_FALSE ? 2 : question.options.length;
          if (chosen.length > (question.type === KnowledgeQuestionType.MULTIPLE ? count : 1))
            throw DomainError.invalid(`answers.${i}`, 'choose one option');
          if (chosen.some((c) => !Number.isInteger(c) || c < 0 || c >= count))
            throw DomainError.invalid(`answers.${i}`, `options are numbered 0 to ${count - 1}`);
          if (isRight(question, chosen)) right++;
        });
        const attempt = em.create(KnowledgeAttempt, {
          enrollment,
          kind,
          source: KnowledgeAttemptSource.ONLINE,
          test,
          score: percent(right, questions.length),
          passMark: test.passMark,
          answers,
          submittedAt: this.clock.now(),
        });
        await em.flush();
        return mine(attempt);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw alreadyTaken(kind);
      throw error;
    }
  }

  // ---- paper scores and per-trainee results ----

  /** Scores from paper tests, for many trainees at once: all stored or none. */
  async enterPaperScores(
    actor: Actor,
    eventId: string,
    kind: KnowledgeTestKind,
    scores: PaperScoreInput[],
  ): Promise<TraineeKnowledgeRow[]> {
    try {
      await this.em.transactional(async (em) => {
        const event = await this.access.event(actor, eventId, em);
        const test = await this.testFor(event, em);
        if (!test)
          throw DomainError.invalid(
            'eventId',
            'the event has no knowledge test (its pass mark is needed): create one first',
          );
        const opensOn = KnowledgeTestsService.opensOn(event, kind);
        if (this.clock.today() < opensOn)
          throw DomainError.invalid(
            'kind',
            `the ${kind === KnowledgeTestKind.PRE ? 'pre-test' : 'post-test'} is taken from ${opensOn}`,
          );
        // A list argument is not checked by the validation pipe: its items are checked here.
        scores.forEach((entry, i) => {
          if (!isId(entry.enrollmentId))
            throw DomainError.invalid(`scores.${i}.enrollmentId`, 'is not an id');
          entry.enrollmentId = entry.enrollmentId.toLowerCase();
        });
        const ids = scores.map((s) => s.enrollmentId);
        const enrollments = await em.find(
          Enrollment,
          { id: { $in: ids }, event: event.id, status: EnrollmentStatus.ENROLLED },
          { populate: ['person'] },
        );
        const byId = new Map(enrollments.map((e) => [e.id, e]));
        const taken = new Set(
          (await em.find(KnowledgeAttempt, { enrollment: { $in: ids }, kind })).map(
            (a) => a.enrollment.id,
          ),
        );
        const seen = new Set<string>();
        scores.forEach((entry, i) => {
          const enrollment = byId.get(entry.enrollmentId);
          if (!enrollment)
            throw DomainError.invalid(
              `scores.${i}.enrollmentId`,
              'not a trainee enrolled in this event',
            );
          if (seen.has(entry.enrollmentId))
            throw DomainError.invalid(`scores.${i}.enrollmentId`, 'this trainee is listed twice');
          seen.add(entry.enrollmentId);
          if (!(entry.score >= 0 && entry.score <= 100))
            throw DomainError.invalid(`scores.${i}.score`, 'a percentage from 0 to 100');
          if (taken.has(entry.enrollmentId))
            throw alreadyTaken(kind, enrollment.person.getEntity().fullName);
          em.create(KnowledgeAttempt, {
            enrollment,
            kind,
            source: KnowledgeAttemptSource.PAPER,
            test,
            score: round2(entry.score),
            passMark: test.passMark,
            enteredBy: actor.userId ?? undefined,
            submittedAt: this.clock.now(),
          });
        });
        await em.flush();
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw alreadyTaken(kind);
      throw error;
    }
    return this.eventScores(actor, eventId);
  }

  /** Every enrolled trainee of the event with their pre, post and gain. */
  async eventScores(actor: Actor, eventId: string): Promise<TraineeKnowledgeRow[]> {
    const event = await this.access.event(actor, eventId);
    const enrollments = await this.em.find(
      Enrollment,
      { event: event.id, status: EnrollmentStatus.ENROLLED },
      { populate: ['person'], orderBy: { person: { fullName: 'asc' } } },
    );
    const attempts = await this.em.find(KnowledgeAttempt, {
      enrollment: { $in: enrollments.map((e) => e.id) },
    });
    return enrollments.map((enrollment) => ({
      enrollment,
      ...knowledgeOf(
        attempts.filter((a) => a.enrollment.id === enrollment.id),
        [],
      ),
    }));
  }

  /**
   * One enrollment's scores: for its trainee (with the tests open to them now) and for
   * those who run its event (who see the enrollment on the roster).
   */
  async ofEnrollment(actor: Actor, enrollment: Enrollment): Promise<TraineeKnowledge> {
    const own = actor.personId !== null && enrollment.person.id === actor.personId;
    if (!own) {
      const event = await enrollment.event.loadOrFail();
      if (!(await this.access.canRunEvent(actor, event)))
        throw refusal(false, 'Enrollment', enrollment.id, RUNNERS);
    }
    const attempts = await this.em.find(KnowledgeAttempt, { enrollment: enrollment.id });
    let openTests: KnowledgeTestKind[] = [];
    if (own && enrollment.status === EnrollmentStatus.ENROLLED) {
      const event = await enrollment.event.loadOrFail();
      const test = await this.testFor(event);
      if (test?.opened)
        openTests = Object.values(KnowledgeTestKind).filter((kind) =>
          this.isOpen(event, kind, attempts),
        );
    }
    return knowledgeOf(attempts, openTests);
  }
}

interface QuestionData {
  position: number;
  type: KnowledgeQuestionType;
  text: string;
  options: string[];
  correct: number[];
  translations: Translations;
  translatableTexts: () => TranslatableTexts;
}

const stored = ({ translatableTexts: _, ...data }: QuestionData) => data;

/** The questions as stored, each checked (naming the field at fault). */
function questionData(questions: KnowledgeQuestionInput[]): QuestionData[] {
  return questions.map((input, i) => {
    const field = `questions.${i}`;
    const text = input.text.en.trim();
    if (!text) throw DomainError.invalid(`${field}.text.en`, 'the question is empty');
    const { options } = input;
    if (input.type === KnowledgeQuestionType.TRUE_FALSE) {
      if (options.length)
        throw DomainError.invalid(`${field}.options`, 'a true/false question has no options');
    } else if (options.length < 2 || options.length > 10) {
      throw DomainError.invalid(`${field}.options`, 'give 2 to 10 options');
    }
    options.forEach((option, j) => {
      if (!option.en.trim())
        throw DomainError.invalid(`${field}.options.${j}.en`, 'the option is empty');
    });
    const count = input.type === KnowledgeQuestionType.TRUE_FALSE ? 2 : options.length;
    const correct = [...new Set(input.correct)].sort((x, y) => x - y);
    if (correct.length !== input.correct.length)
      throw DomainError.invalid(`${field}.correct`, 'an option is listed twice');
    if (correct.some((c) => c < 0 || c >= count))
      throw DomainError.invalid(`${field}.correct`, `options are numbered 0 to ${count - 1}`);
    const multiple = input.type === KnowledgeQuestionType.MULTIPLE;
    if (multiple ? correct.length < 1 : correct.length !== 1)
      throw DomainError.invalid(
        `${field}.correct`,
        multiple ? 'give at least one right option' : 'give exactly one right option',
      );
    const translations: Translations = {};
    const put = (key: string, version: { ru?: string | null; uz?: string | null }) => {
      const ru = version.ru?.trim();
      const uz = version.uz?.trim();
      if (ru || uz) translations[key] = { ...(ru ? { ru } : {}), ...(uz ? { uz } : {}) };
    };
    put('text', input.text);
    options.forEach((option, j) => put(`options.${j}`, option));
    const english = options.map((option) => option.en.trim());
    return {
      position: i,
      type: input.type,
      text,
      options: english,
      correct,
      translations,
      translatableTexts: () => ({ text, ...listTexts('options', english) }),
    };
  });
}

/** A test opens to trainees only with questions whose every text exists in en, ru and uz. */
function assertComplete(
  questions: Pick<QuestionData, 'position' | 'translations' | 'translatableTexts'>[],
): void {
  if (!questions.length)
    throw DomainError.invalid('questions', 'a test needs at least one question to open');
  for (const question of questions) {
    const [missing] = missingTranslations(question.translatableTexts(), question.translations);
    if (missing)
      throw DomainError.invalid(
        `questions.${question.position}.${missing.field}`,
        `missing in ${missing.languages.join(' and ')}: every text must exist in en, ru and uz before trainees take the test`,
      );
  }
}

function checkPassMark(passMark: number): void {
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100)
    throw DomainError.invalid('passMark', 'a whole percentage from 0 to 100');
}

function alreadyTaken(kind: KnowledgeTestKind, who?: string): DomainError {
  const test = kind === KnowledgeTestKind.PRE ? 'pre-test' : 'post-test';
  return DomainError.conflict(
    KnowledgeErrorCode.ALREADY_TAKEN,
    who
      ? `${who} already has a ${test} score; each trainee's ${test} is stored once.`
      : `The ${test} has already been taken; it is stored once.`,
  );
}

function mine(attempt: KnowledgeAttempt): MyKnowledgeAttempt {
  return {
    kind: attempt.kind,
    source: attempt.source,
    score: attempt.score,
    passMark: attempt.passMark,
    passed: attempt.score >= attempt.passMark,
    submittedAt: attempt.submittedAt,
  };
}

export function knowledgeOf(
  attempts: KnowledgeAttempt[],
  openTests: KnowledgeTestKind[],
): TraineeKnowledge {
  const pre = attempts.find((a) => a.kind === KnowledgeTestKind.PRE);
  const post = attempts.find((a) => a.kind === KnowledgeTestKind.POST);
  return {
    pre: pre?.score ?? null,
    preSource: pre?.source ?? null,
    post: post?.score ?? null,
    postSource: post?.source ?? null,
    gain: pre && post ? round2(post.score - pre.score) : null,
    mastered: post ? post.score >= post.passMark : null,
    openTests,
  };
}
