import { MikroORM } from '@mikro-orm/core';
import { Clock, parseCsv } from '@platform/core';
import { EvaluationAnswerSet, EvaluationJobs } from '@platform/evaluations';
import { MailWorker } from '@platform/mail';
import { OutcomeSources } from '@platform/trainings';
import { ParsedMail } from 'mailparser';
import {
  anAccount,
  anEdition,
  aPerson,
  aProgramme,
  aSeries,
  aTrainingEvent,
  attendanceOn,
  enroll,
  register,
  theInteriorMinistry,
} from './factories';
import { TestSmtpServer } from './support/smtp';
import { startTestApp, TestApp } from './support/test-app';

const FORM_FIELDS = `id kind anonymous complete dueOn sentAt reminderDays
  questions { id type isSatisfaction text { en ru uz } }
  status { invited answered reminded }`;
const SAVE = `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { ${FORM_FIELDS} } }`;
const SEND = `mutation($formId: ID!) { sendEvaluation(formId: $formId) { ${FORM_FIELDS} } }`;
const FORMS = `query($trainingEventId: ID, $editionId: ID) {
  evaluationForms(trainingEventId: $trainingEventId, editionId: $editionId) { ${FORM_FIELDS} } }`;
const BY_TOKEN = `query($token: String!) { evaluationByToken(token: $token) {
  id kind answered anonymous language eventTitle { en ru uz } questions { id type text { en } } } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { id answered } }`;
const MINE = `{ myEvaluations { id answered questions { id type } } }`;
const RESULTS = `query($formId: ID!) { evaluationResults(formId: $formId) {
  formId invited answered responseRate withheld
  questions { answers mean texts distribution { rating count } question { id type isSatisfaction } } } }`;

const texts = (en: string, ru: string, uz: string) => ({ en, ru, uz });
const rating = (en: string, ru: string, uz: string) => ({
  type: 'RATING',
  text: texts(en, ru, uz),
  lowLabel: texts('Poor', 'Плохо', 'Yomon'),
  highLabel: texts('Excellent', 'Отлично', 'Aʼlo'),
});
const QUESTIONS = [
  rating(
    'Overall, how satisfied are you?',
    'Насколько вы удовлетворены в целом?',
    'Umuman olganda qanchalik mamnunsiz?',
  ),
  rating(
    'How useful was the content?',
    'Насколько полезным было содержание?',
    'Mazmun qanchalik foydali boʻldi?',
  ),
  {
    type: 'TEXT',
    text: texts('What should we improve?', 'Что нам улучшить?', 'Nimani yaxshilashimiz kerak?'),
  },
];

const keyOf = (mail: ParsedMail) => mail.headers.get('x-idempotency-key') as string;
const linkIn = (mail: ParsedMail): string => {
  const match = /\/evaluate\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no evaluation link in ${mail.subject}`);
  return match[1];
};
const toOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';

describe('evaluations: forms, mail with personal links, one reminder, anonymous results', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: MailWorker;
  let jobs: EvaluationJobs;
  let now: jest.SpyInstance;
  let trainer: { id: string; token: string };
  let otherTrainer: { id: string; token: string };
  let programmeId: string;
  let eventId: string;
  const trainees: { id: string; email: string; language: 'EN' | 'RU' | 'UZ'; name: string }[] = [];
  let absentee: { id: string; email: string };
  let formId: string;
  const tokens = new Map<string, string>(); // email -> token of the first mail

  const at = (iso: string) => now.mockReturnValue(new Date(iso));
  async function drain(): Promise<void> {
    while ((await worker.drainOnce()) > 0);
  }
  const mailsOf = (prefix: string) =>
    smtp.received.filter((mail) => keyOf(mail).startsWith(prefix));

  beforeAll(async () => {
    smtp = await TestSmtpServer.listen();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_WORKER: 'off',
      MAIL_RATE_PER_SECOND: '1000',
      EVALUATION_JOB_MINUTES: '0',
      PUBLIC_URL: 'https://tip.example.org',
    });
    worker = t.app.get(MailWorker);
    jobs = t.app.get(EvaluationJobs);
    now = jest.spyOn(t.app.get(Clock), 'now');
    at('2023-03-15T12:00:00Z');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const owner = await theInteriorMinistry().create(t);
    programmeId = (await aProgramme(owner.id).create(t, t.adminToken)).id;
    eventId = (await aTrainingEvent(programmeId).ledBy(trainer.id).create(t)).id;
    await aTrainingEvent(programmeId).titled('Another seminar').ledBy(otherTrainer.id).create(t);
    const people: [string, string, 'EN' | 'RU' | 'UZ'][] = [
      ['Aziza Karimova', 'Азиза Каримова', 'UZ'],
      ['Bekzod Tursunov', 'Бекзод Турсунов', 'RU'],
      ['Charlotte Evans', 'Шарлотта Эванс', 'EN'],
      ['Dilnoza Rashidova', 'Дилноза Рашидова', 'RU'],
      ['Erlan Abenov', 'Ерлан Абенов', 'UZ'],
    ];
    const enrollments: string[] = [];
    for (const [i, [name, alt, language]] of people.entries()) {
      const email = `trainee-${i}@example.org`;
      const person = await aPerson().named(name, alt).speaking(language).withEmail(email).create(t);
      trainees.push({ id: person.id, email, language, name });
      enrollments.push((await enroll(t, eventId, person.id, trainer.token)).id);
    }
    const absent = await aPerson().named('Farid Absent').withEmail('absent@example.org').create(t);
    absentee = { id: absent.id, email: 'absent@example.org' };
    const absentEnrollment = (await enroll(t, eventId, absent.id, trainer.token)).id;
    await attendanceOn(eventId, '2023-03-14')
      .all(enrollments, 'PRESENT')
      .absent(absentEnrollment)
      .record(t, trainer.token);
    await attendanceOn(eventId, '2023-03-15')
      .all(enrollments, 'PRESENT')
      .absent(absentEnrollment)
      .record(t, trainer.token);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses to send until every text is written in en, ru and uz', async () => {
    const draft = [{ ...QUESTIONS[0], text: texts('Overall?', 'В целом?', '') }];
    const saved = (
      await t.ok(
        SAVE,
        {
          input: {
            trainingEventId: eventId,
            kind: 'END',
            anonymous: true,
            reminderDays: 7,
            questions: draft,
          },
        },
        trainer.token,
      )
    ).saveEvaluationForm;
    expect(saved.complete).toBe(false);
    const refused = await t.gql(SEND, { formId: saved.id }, trainer.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'questions.0.text',
    });

    const form = (
      await t.ok(
        SAVE,
        {
          input: {
            trainingEventId: eventId,
            kind: 'END',
            anonymous: true,
            reminderDays: 7,
            questions: QUESTIONS,
          },
        },
        trainer.token,
      )
    ).saveEvaluationForm;
    expect(form).toMatchObject({ id: saved.id, complete: true, sentAt: null });
    expect(form.questions.map((q: { isSatisfaction: boolean }) => q.isSatisfaction)).toEqual([
      true,
      false,
      false,
    ]);
    formId = form.id;
  });

  it('staff of another event and participants cannot see or send it', async () => {
    const other = await t.gql(FORMS, { trainingEventId: eventId }, otherTrainer.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const query of [SEND, RESULTS]) {
      const res = await t.gql(query, { formId }, otherTrainer.token);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('sends one mail per trainee who attended, in their language, with a personal link', async () => {
    const sent = (await t.ok(SEND, { formId }, trainer.token)).sendEvaluation;
    expect(sent.status).toEqual({ invited: 5, answered: 0, reminded: 0 });
    await drain();
    const mails = mailsOf('EVALUATION_INVITATION:');
    expect(mails.map(toOf).sort()).toEqual(trainees.map((p) => p.email).sort());
    expect(mails.map(toOf)).not.toContain(absentee.email);
    const subjects = { EN: 'Your feedback', RU: 'Ваш отзыв', UZ: 'Fikringiz' };
    for (const trainee of trainees) {
      const mail = mails.find((m) => toOf(m) === trainee.email)!;
      expect(mail.subject).toContain(subjects[trainee.language]);
      expect(mail.text).toContain('https://tip.example.org/evaluate/');
      tokens.set(trainee.email, linkIn(mail));
    }
    expect(new Set(tokens.values()).size).toBe(5);
    // Sending again reaches nobody new.
    expect((await t.ok(SEND, { formId }, trainer.token)).sendEvaluation.status.invited).toBe(5);
    await drain();
    expect(mailsOf('EVALUATION_INVITATION:')).toHaveLength(5);
  });

  it('refuses to change questions or anonymity once sent', async () => {
    const changed = await t.gql(
      SAVE,
      {
        input: {
          trainingEventId: eventId,
          kind: 'END',
          anonymous: true,
          reminderDays: 7,
          questions: QUESTIONS.slice(0, 2),
        },
      },
      trainer.token,
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVALUATION_SENT',
    });
    const named = await t.gql(
      SAVE,
      {
        input: {
          trainingEventId: eventId,
          kind: 'END',
          anonymous: false,
          reminderDays: 7,
          questions: QUESTIONS,
        },
      },
      trainer.token,
    );
    expect(named.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'anonymous',
    });
  });

  // Answers in this order: not the order of their texts, nor of the trainees' names.
  const ANSWERS: { who: number; ratings: [number, number]; text: string }[] = [
    { who: 3, ratings: [5, 4], text: 'More case studies from the region' },
    { who: 0, ratings: [4, 4], text: '=HYPERLINK("http://evil.example")' },
    { who: 1, ratings: [5, 3], text: 'Больше практики' },
  ];

  it('takes answers through the mailed link, without signing in, once', async () => {
    const [a] = trainees;
    const form = (await t.ok(BY_TOKEN, { token: tokens.get(a.email) })).evaluationByToken;
    expect(form).toMatchObject({ kind: 'END', answered: false, anonymous: true, language: 'UZ' });
    expect(form.eventTitle.en).toBe('Identification of victims of trafficking');
    const [q1, q2, q3] = form.questions.map((q: { id: string }) => q.id);
    for (const answer of ANSWERS) {
      const token = tokens.get(trainees[answer.who].email);
      at(`2023-03-1${6 + answer.who}T09:00:00Z`);
      const res = await t.ok(SUBMIT, {
        input: {
          token,
          answers: [
            { questionId: q1, rating: answer.ratings[0] },
            { questionId: q2, rating: answer.ratings[1] },
            { questionId: q3, text: answer.text },
          ],
        },
      });
      expect(res.submitEvaluation.answered).toBe(true);
    }
    const again = await t.gql(SUBMIT, {
      input: { token: tokens.get(a.email), answers: [{ questionId: q1, rating: 1 }] },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ANSWERED',
    });
    const unknown = await t.gql(BY_TOKEN, { token: 'not-a-real-token-at-all' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrong = await t.gql(SUBMIT, {
      input: { token: tokens.get(trainees[2].email), answers: [{ questionId: q3, rating: 4 }] },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'answers.0.rating',
    });
  });

  it('a signed-in participant answers from their own pages, and cannot read results', async () => {
    const charlotte = trainees[2];
    const account = await anAccount(t, 'PARTICIPANT', charlotte.id);
    const mine = (await t.ok(MINE, {}, account.token)).myEvaluations;
    expect(mine).toHaveLength(1);
    expect(mine[0].answered).toBe(false);
    const [q1, q2] = mine[0].questions.map((q: { id: string }) => q.id);
    at('2023-03-18T10:00:00Z');
    await t.ok(
      SUBMIT,
      {
        input: {
          invitationId: mine[0].id,
          answers: [
            { questionId: q1, rating: 3 },
            { questionId: q2, rating: 5 },
          ],
        },
      },
      account.token,
    );
    ANSWERS.push({ who: 2, ratings: [3, 5], text: '' });
    const results = await t.gql(RESULTS, { formId }, account.token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(results.errors?.[0]?.extensions?.code);
    // Someone else's invitation does not exist for them.
    const other = await t.gql(
      SUBMIT,
      { input: { invitationId: formId, answers: [{ questionId: q1, rating: 3 }] } },
      account.token,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reminds once, after the set days, only those who did not answer', async () => {
    expect((await jobs.run(new Date('2023-03-21T12:00:00Z'))).reminders).toBe(0);
    expect((await jobs.run(new Date('2023-03-22T12:00:01Z'))).reminders).toBe(1);
    expect((await jobs.run(new Date('2023-04-30T12:00:00Z'))).reminders).toBe(0);
    await drain();
    const reminders = mailsOf('EVALUATION_REMINDER:');
    const erlan = trainees[4];
    expect(reminders.map(toOf)).toEqual([erlan.email]);
    expect(reminders[0].subject).toContain('Eslatma');
    const reminderToken = linkIn(reminders[0]);
    expect(reminderToken).not.toBe(tokens.get(erlan.email));
    for (const token of [reminderToken, tokens.get(erlan.email)]) {
      expect((await t.ok(BY_TOKEN, { token })).evaluationByToken.answered).toBe(false);
    }
    const status = (await t.ok(FORMS, { trainingEventId: eventId }, trainer.token))
      .evaluationForms[0].status;
    expect(status).toEqual({ invited: 5, answered: 4, reminded: 1 });
  });

  it('results: response rate, distribution and mean per rating, texts, as computed here', async () => {
    const results = (await t.ok(RESULTS, { formId }, trainer.token)).evaluationResults;
    expect(results).toMatchObject({ invited: 5, answered: 4, responseRate: 0.8, withheld: false });
    for (const q of [0, 1]) {
      const ratings = ANSWERS.map((a) => a.ratings[q]);
      const expected = [1, 2, 3, 4, 5].map((r) => ({
        rating: r,
        count: ratings.filter((x) => x === r).length,
      }));
      const mean = Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
      expect(results.questions[q]).toMatchObject({ answers: 4, distribution: expected, mean });
    }
    const written = ANSWERS.map((a) => a.text).filter(Boolean);
    expect(results.questions[2].texts).toEqual([...written].sort((a, b) => a.localeCompare(b)));
    expect(results.questions[2].texts).not.toEqual(written);

    const figures = await t.app
      .get(OutcomeSources)
      .satisfaction(t.app.get(MikroORM).em.fork(), { programmeId, eventIds: [eventId] });
    const firsts = ANSWERS.map((a) => a.ratings[0]);
    expect(figures).toEqual({
      invited: 5,
      answered: 4,
      responseRate: 4 / 5,
      meanSatisfaction: firsts.reduce((a, b) => a + b, 0) / firsts.length,
    });
  });

  it('anonymous: nothing in results, CSV or the stored rows ties an answer to a person', async () => {
    const results = JSON.stringify(
      (await t.ok(RESULTS, { formId }, trainer.token)).evaluationResults,
    );
    const csvRes = await t.download(`/evaluations/${formId}/results.csv`, trainer.token);
    expect(csvRes.status).toBe(200);
    const csv = csvRes.body.toString('utf8');
    const invitationIds = (await t.ok(`{ myEvaluations { id } }`, {}, t.adminToken)).myEvaluations;
    expect(invitationIds).toEqual([]);
    for (const trainee of trainees) {
      for (const text of [trainee.id, trainee.email, trainee.name, tokens.get(trainee.email)!]) {
        expect(results).not.toContain(text);
        expect(csv).not.toContain(text);
      }
    }
    expect(csv).not.toMatch(/2023-03/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'Answer set',
      'Overall, how satisfied are you?',
      'How useful was the content?',
      'What should we improve?',
    ]);
    expect(rows).toHaveLength(5);
    // Formula guarded; rows in content order, not in the order of answering.
    expect(csv).toContain(`'=HYPERLINK`);
    const answerOrder = ANSWERS.map((a) => `${a.ratings[0]},${a.ratings[1]}`);
    const rowOrder = rows.slice(1).map((row) => `${row[1]},${row[2]}`);
    expect(rowOrder).not.toEqual(answerOrder);
    expect([...rowOrder].sort()).toEqual([...answerOrder].sort());
    // The stored rows: no person, no day.
    const sets = await t.app.get(MikroORM).em.fork().find(EvaluationAnswerSet, { form: formId });
    expect(sets).toHaveLength(4);
    for (const set of sets) {
      expect(set.person ?? null).toBeNull();
      expect(set.answeredOn ?? null).toBeNull();
    }
  });

  it('the follow-up goes out by itself when due, once, even with two jobs at the same time', async () => {
    const followUp = (
      await t.ok(
        SAVE,
        {
          input: {
            trainingEventId: eventId,
            kind: 'FOLLOW_UP',
            monthsAfter: 6,
            anonymous: true,
            reminderDays: 10,
            questions: QUESTIONS,
          },
        },
        trainer.token,
      )
    ).saveEvaluationForm;
    expect(followUp.dueOn).toBe('2023-09-15');
    const refused = await t.gql(SEND, { formId: followUp.id }, trainer.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'FOLLOW_UP_SENDS_ITSELF',
    });
    expect((await jobs.run(new Date('2023-09-14T23:00:00Z'))).followUps).toBe(0);
    const due = new Date('2023-09-15T06:00:00Z');
    const runs = await Promise.all([jobs.run(due), jobs.run(due)]);
    expect(runs.map((run) => run.followUps).sort()).toEqual([0, 1]);
    expect((await jobs.run(new Date('2023-09-16T06:00:00Z'))).followUps).toBe(0);
    await drain();
    const invitations = mailsOf('EVALUATION_INVITATION:');
    expect(invitations).toHaveLength(10);
    const forms = (await t.ok(FORMS, { trainingEventId: eventId }, trainer.token)).evaluationForms;
    expect(forms.find((f: { kind: string }) => f.kind === 'FOLLOW_UP').status.invited).toBe(5);
    const ru = invitations.filter((m) => toOf(m) === trainees[1].email);
    expect(ru[1].text).toContain('прошло несколько месяцев');
  });

  it('a named form at an edition keeps the person on the answer', async () => {
    const series = await aSeries(t);
    const editionOrganizer = await anAccount(t, 'ORGANIZER');
    const outsider = await anAccount(t, 'ORGANIZER');
    const editionId = (await anEdition(series.id).published().create(t, editionOrganizer.token)).id;
    const guest = await aPerson()
      .named('Gulnara Saidova', 'Гульнара Саидова')
      .speaking('RU')
      .withEmail('gulnara@example.org')
      .create(t);
    const other = await aPerson().named('Timur Alimov').withEmail('timur@example.org').create(t);
    for (const person of [guest, other])
      await register(t, editionId, person.id, editionOrganizer.token);
    const form = (
      await t.ok(
        SAVE,
        {
          input: {
            editionId,
            kind: 'END',
            anonymous: false,
            reminderDays: 7,
            questions: QUESTIONS,
          },
        },
        editionOrganizer.token,
      )
    ).saveEvaluationForm;
    const denied = await t.gql(FORMS, { editionId }, outsider.token);
    expect(denied.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    at('2022-07-30T10:00:00Z');
    expect(
      (await t.ok(SEND, { formId: form.id }, editionOrganizer.token)).sendEvaluation.status.invited,
    ).toBe(2);
    await drain();
    const mail = mailsOf('EVALUATION_INVITATION:').find((m) => toOf(m) === 'gulnara@example.org')!;
    expect(mail.subject).toContain('Ваш отзыв');
    expect(mail.text).toContain('сохраняются с вашим именем');
    const token = linkIn(mail);
    const q = (await t.ok(BY_TOKEN, { token })).evaluationByToken.questions;
    await t.ok(SUBMIT, {
      input: {
        token,
        answers: [
          { questionId: q[0].id, rating: 4 },
          { questionId: q[2].id, text: 'Хорошая организация' },
        ],
      },
    });
    const csv = (
      await t.download(`/evaluations/${form.id}/results.csv?lang=ru`, editionOrganizer.token)
    ).body.toString('utf8');
    const rows = parseCsv(csv);
    expect(rows[0][0]).toBe('Респондент');
    expect(rows[1]).toEqual(['Гульнара Саидова', '4', '', 'Хорошая организация']);
    const results = (await t.ok(RESULTS, { formId: form.id }, editionOrganizer.token))
      .evaluationResults;
    expect(results).toMatchObject({ invited: 2, answered: 1, responseRate: 0.5, withheld: false });
    const outsiderCsv = await t.download(`/evaluations/${form.id}/results.csv`, outsider.token);
    expect(outsiderCsv.status).toBe(404);
  });
});
