import { EntityManager } from '@mikro-orm/core';
import { Clock } from '@platform/core';
import { OutcomeSources } from '@platform/trainings';
import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  enroll,
  theInteriorMinistry,
} from './factories';
import { pdfText } from './support/pdf';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const TEST_FIELDS = `id passMark opened attemptCount questions { position type correct versions { field en ru uz } }`;
const CREATE = `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { ${TEST_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateKnowledgeTestInput!) { updateKnowledgeTest(testId: $id, input: $input) { ${TEST_FIELDS} } }`;
const OPEN = `mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`;
const TO_TAKE = `query($eventId: ID!, $kind: KnowledgeTestKind!) {
  myKnowledgeTest(eventId: $eventId, kind: $kind) {
    open opensOn passMark questionCount questions { position type text options }
    attempt { kind source score passed }
  }
}`;
const SUBMIT = `mutation($eventId: ID!, $kind: KnowledgeTestKind!, $answers: [[Int!]!]!) {
  submitKnowledgeTest(eventId: $eventId, kind: $kind, answers: $answers) { kind source score passMark passed }
}`;
const PAPER = `mutation($eventId: ID!, $kind: KnowledgeTestKind!, $scores: [PaperScoreInput!]!) {
  enterKnowledgeScores(eventId: $eventId, kind: $kind, scores: $scores) { enrollment { id } pre post gain }
}`;
const SCORES = `query($eventId: ID!) {
  eventKnowledgeScores(eventId: $eventId) { enrollment { id person { fullName } } pre preSource post postSource gain mastered }
}`;
const RESULTS = `query($scope: KnowledgeScopeInput, $groupBy: [IndicatorDimension!]!) {
  knowledgeResults(scope: $scope, groupBy: $groupBy) {
    rows { keys { dimension value } testedPeople pairs preTests postTests meanPre meanPost meanGain improvedShare masteredShare }
    totals { testedPeople pairs preTests postTests meanPre meanPost meanGain improvedShare masteredShare }
    csv
  }
}`;

const text = (en: string, ru: string | null = `${en} (ru)`, uz: string | null = `${en} (uz)`) => ({
  en,
  ru,
  uz,
});
const QUESTIONS = [
  {
    type: 'SINGLE',
    text: text('Which is an indicator of trafficking?'),
    options: [text('Confiscated passport'), text('A paid holiday'), text('A written contract')],
    correct: [0],
  },
  {
    type: 'MULTIPLE',
    text: text('Which are elements of the offence?'),
    options: [text('Act'), text('Means'), text('Purpose'), text('Nationality')],
    correct: [0, 1, 2],
  },
  { type: 'TRUE_FALSE', text: text('A child’s consent is irrelevant.'), options: [], correct: [0] },
];

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;
const share = (part: number, whole: number) =>
  whole ? Math.round((10000 * part) / whole) / 10000 : null;

/** Figures computed here from the raw scores, independently of the server's SQL. */
function expected(rows: { pre?: number; post?: number; passMark: number }[]) {
  const pairs = rows.filter((r) => r.pre != null && r.post != null);
  const posts = rows.filter((r) => r.post != null);
  return {
    pairs: pairs.length,
    meanPre: mean(pairs.map((r) => r.pre!)),
    meanPost: mean(pairs.map((r) => r.post!)),
    meanGain: mean(pairs.map((r) => r.post! - r.pre!)),
    improvedShare: share(pairs.filter((r) => r.post! > r.pre!).length, pairs.length),
    masteredShare: share(posts.filter((r) => r.post! >= r.passMark).length, posts.length),
  };
}

describe('knowledge tests: built, taken on the phone or on paper, and the figures', () => {
  let t: TestApp;
  let clock: jest.SpyInstance;
  let organizer: { id: string; token: string };
  let trainer: { id: string; token: string };
  let otherTrainer: { id: string; token: string };
  let programmeId: string;
  let eventId: string;
  let testId: string;
  let trainee: { token: string; enrollmentId: string };
  const today = (day: string) => clock.mockReturnValue(new Date(`${day}T08:00:00Z`));

  beforeAll(async () => {
    t = await startTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    today('2023-03-01');
    organizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    otherTrainer = await anAccount(t, 'TRAINER');
    const ownerId = (await theInteriorMinistry().create(t)).id;
    programmeId = (await aProgramme(ownerId).create(t, organizer.token)).id;
    eventId = (
      await aTrainingEvent(programmeId)
        .on('2023-03-14', '2023-03-15')
        .ledBy(trainer.id)
        .create(t, organizer.token)
    ).id;
    const person = await aPerson().officer().female().create(t);
    const enrollmentId = (await enroll(t, eventId, person.id, trainer.token)).id;
    trainee = { token: (await anAccount(t, 'PARTICIPANT', person.id)).token, enrollmentId };
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  it('lets organizers write a test, and opens it only once every text exists in en, ru and uz', async () => {
    const trainerTry = await t.gql(
      CREATE,
      { input: { programmeId, passMark: 70, questions: QUESTIONS } },
      trainer.token,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCode(trainerTry));
    const bad = await t.gql(
      CREATE,
      { input: { programmeId, passMark: 70, questions: [{ ...QUESTIONS[0], correct: [0, 1] }] } },
      organizer.token,
    );
    expect(problem(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questions.0.correct' });
    const noUzbek = [
      {
        ...QUESTIONS[0],
        options: [text('Confiscated passport'), text('A paid holiday', 'Отпуск', null)],
      },
    ];
    const created = (
      await t.ok(
        CREATE,
        { input: { programmeId, passMark: 70, questions: noUzbek } },
        organizer.token,
      )
    ).createKnowledgeTest;
    testId = created.id;
    const refused = await t.gql(OPEN, { id: testId }, organizer.token);
    expect(problem(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'questions.0.options.1',
    });
    expect(refused.errors![0].message).toMatch(/missing in uz/);
    const updated = (
      await t.ok(UPDATE, { id: testId, input: { questions: QUESTIONS } }, organizer.token)
    ).updateKnowledgeTest;
    expect(updated.questions.map((q: { correct: number[] }) => q.correct)).toEqual([
      [0],
      [0, 1, 2],
      [0],
    ]);
    expect(updated.questions[1].versions[0]).toEqual({
      field: 'text',
      ...text('Which are elements of the offence?'),
    });
    expect((await t.ok(OPEN, { id: testId }, organizer.token)).openKnowledgeTest.opened).toBe(true);
    // The trainer of the event reads it; another trainer does not see it.
    const read = `query($id: ID!) { eventKnowledgeTest(eventId: $id) { id passMark } }`;
    expect((await t.ok(read, { id: eventId }, trainer.token)).eventKnowledgeTest).toEqual({
      id: testId,
      passMark: 70,
    });
    expect(errorCode(await t.gql(read, { id: eventId }, otherTrainer.token))).toBe('NOT_FOUND');
  });

  it('lets the trainee take the pre-test from the first day, never sending the right answers, once', async () => {
    today('2023-03-13');
    const before = (await t.ok(TO_TAKE, { eventId, kind: 'PRE' }, trainee.token)).myKnowledgeTest;
    expect(before).toMatchObject({
      open: false,
      opensOn: '2023-03-14',
      questionCount: 3,
      questions: [],
    });
    const early = await t.gql(
      SUBMIT,
      { eventId, kind: 'PRE', answers: [[0], [0, 1, 2], [0]] },
      trainee.token,
    );
    expect(problem(early)).toMatchObject({ code: 'CONFLICT', reason: 'KNOWLEDGE_TEST_NOT_OPEN' });
    expect(early.errors![0].message).toMatch(/opens on 2023-03-14/);

    today('2023-03-14');
    const res = await t.gql(TO_TAKE, { eventId, kind: 'PRE' }, trainee.token, {
      'accept-language': 'ru',
    });
    const test = res.data!.myKnowledgeTest;
    expect(test.open).toBe(true);
    expect(test.questions[0]).toEqual({
      position: 0,
      type: 'SINGLE',
      text: 'Which is an indicator of trafficking? (ru)',
      options: ['Confiscated passport (ru)', 'A paid holiday (ru)', 'A written contract (ru)'],
    });
    expect(JSON.stringify(res)).not.toMatch(/correct/i);
    const asking = await t.gql(
      `query($e: ID!) { myKnowledgeTest(eventId: $e, kind: PRE) { questions { correct } } }`,
      { e: eventId },
      trainee.token,
    );
    expect(asking.errors![0].message).toMatch(/Cannot query field "correct"/);
    // The post-test is not open yet on the first day of a two-day event.
    const post = await t.gql(
      SUBMIT,
      { eventId, kind: 'POST', answers: [[0], [0], [0]] },
      trainee.token,
    );
    expect(problem(post)).toMatchObject({ code: 'CONFLICT', reason: 'KNOWLEDGE_TEST_NOT_OPEN' });

    const wrongCount = await t.gql(SUBMIT, { eventId, kind: 'PRE', answers: [[0]] }, trainee.token);
    expect(problem(wrongCount)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    // One right of three: the MULTIPLE answer misses an option (all-or-nothing), the true/false is wrong.
    const submitted = (
      await t.ok(SUBMIT, { eventId, kind: 'PRE', answers: [[0], [0, 1], [1]] }, trainee.token)
    ).submitKnowledgeTest;
    expect(submitted).toEqual({
      kind: 'PRE',
      source: 'ONLINE',
      score: 33.33,
      passMark: 70,
      passed: false,
    });
    const again = await t.gql(
      SUBMIT,
      { eventId, kind: 'PRE', answers: [[0], [0, 1, 2], [0]] },
      trainee.token,
    );
    expect(problem(again)).toMatchObject({
      code: 'CONFLICT',
      reason: 'KNOWLEDGE_TEST_ALREADY_TAKEN',
    });
    const after = (await t.ok(TO_TAKE, { eventId, kind: 'PRE' }, trainee.token)).myKnowledgeTest;
    expect(after).toMatchObject({
      open: false,
      questions: [],
      attempt: { score: 33.33, source: 'ONLINE' },
    });
  });

  it('refuses changing the test once attempts exist', async () => {
    const res = await t.gql(UPDATE, { id: testId, input: { passMark: 50 } }, organizer.token);
    expect(problem(res)).toMatchObject({ code: 'CONFLICT', reason: 'KNOWLEDGE_TEST_HAS_ATTEMPTS' });
    expect(res.errors![0].message).toMatch(/cannot be changed: 1 trainee attempt/);
  });

  it('stores the post-test once even when sent twice at the same time', async () => {
    today('2023-03-15');
    const mine = `{ myEnrollments { id knowledge { pre post gain openTests } } }`;
    expect((await t.ok(mine, {}, trainee.token)).myEnrollments[0].knowledge.openTests).toEqual([
      'POST',
    ]);
    const answers = [[0], [2, 1, 0], [0]];
    const results = await Promise.all(
      [1, 2, 3].map(() => t.gql(SUBMIT, { eventId, kind: 'POST', answers }, trainee.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions!.reason).toBe('KNOWLEDGE_TEST_ALREADY_TAKEN');
    expect((await t.ok(mine, {}, trainee.token)).myEnrollments[0].knowledge).toEqual({
      pre: 33.33,
      post: 100,
      gain: 66.67,
      openTests: [],
    });
  });

  it('takes paper scores for many trainees and computes the figures as computed here', async () => {
    const people = await Promise.all([
      aPerson().officer().male().create(t),
      aPerson().officer().male().create(t),
      aPerson().judge().female().create(t),
      aPerson().judge().female().create(t),
      aPerson().judge().male().create(t),
    ]);
    const ids: string[] = [];
    for (const p of people) ids.push((await enroll(t, eventId, p.id, trainer.token)).id);
    const pre = [40, 55.5, 60, 80, 50];
    const post = [75, 50, 90, 80, undefined];
    const paperPre = ids.map((enrollmentId, i) => ({ enrollmentId, score: pre[i] }));
    const outOfRange = await t.gql(
      PAPER,
      { eventId, kind: 'PRE', scores: [{ enrollmentId: ids[0], score: 101 }] },
      trainer.token,
    );
    expect(problem(outOfRange)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores.0.score' });
    const stranger = await t.gql(
      PAPER,
      { eventId, kind: 'PRE', scores: paperPre },
      otherTrainer.token,
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    await t.ok(PAPER, { eventId, kind: 'PRE', scores: paperPre }, trainer.token);
    const twice = await t.gql(
      PAPER,
      { eventId, kind: 'PRE', scores: [paperPre[0]] },
      trainer.token,
    );
    expect(problem(twice)).toMatchObject({
      code: 'CONFLICT',
      reason: 'KNOWLEDGE_TEST_ALREADY_TAKEN',
    });
    const paperPost = ids.flatMap((enrollmentId, i) =>
      post[i] == null ? [] : [{ enrollmentId, score: post[i] }],
    );
    await t.ok(PAPER, { eventId, kind: 'POST', scores: paperPost }, trainer.token);
    // The online trainee already has a post-test: a paper one is refused, naming them.
    const online = await t.gql(
      PAPER,
      { eventId, kind: 'POST', scores: [{ enrollmentId: trainee.enrollmentId, score: 10 }] },
      trainer.token,
    );
    expect(problem(online)).toMatchObject({ code: 'CONFLICT' });

    const scores = (await t.ok(SCORES, { eventId }, trainer.token)).eventKnowledgeScores;
    expect(scores).toHaveLength(6);
    const paper = scores.find((s: { enrollment: { id: string } }) => s.enrollment.id === ids[0]);
    expect(paper).toMatchObject({
      pre: 40,
      preSource: 'PAPER',
      post: 75,
      postSource: 'PAPER',
      gain: 35,
      mastered: true,
    });

    // Independently: every trainee's raw scores, with their category and sex.
    const raw = [
      { category: 'OPERATIONAL_OFFICER', sex: 'FEMALE', pre: 33.33, post: 100, passMark: 70 },
      ...people.map((_, i) => ({
        category: i < 2 ? 'OPERATIONAL_OFFICER' : 'JUDGE',
        sex: i < 2 || i === 4 ? 'MALE' : 'FEMALE',
        pre: pre[i],
        post: post[i],
        passMark: 70,
      })),
    ];
    const result = (
      await t.ok(RESULTS, { scope: { programmeId }, groupBy: ['CATEGORY', 'SEX'] }, organizer.token)
    ).knowledgeResults;
    expect(result.totals).toMatchObject({
      ...expected(raw),
      testedPeople: 5,
      preTests: 6,
      postTests: 5,
    });
    expect(result.totals.meanGain).toBe(mean([66.67, 35, -5.5, 30, 0]));
    expect(result.totals.improvedShare).toBe(0.6);
    expect(result.totals.masteredShare).toBe(0.8);
    const groups = new Map<string, typeof raw>();
    for (const r of raw)
      groups.set(`${r.category}|${r.sex}`, [...(groups.get(`${r.category}|${r.sex}`) ?? []), r]);
    expect(result.rows).toHaveLength(groups.size);
    for (const row of result.rows) {
      const key = row.keys.map((k: { value: string }) => k.value).join('|');
      expect({ key, ...row }).toMatchObject({ key, ...expected(groups.get(key)!) });
    }
    expect(result.csv.split('\n')[0]).toMatch(/^Category,Sex,People tested/);
    // The same figures through the KnowledgeSource that targets and the donor report read.
    const em = t.app.get(EntityManager).fork();
    const figures = await t.app
      .get(OutcomeSources)
      .knowledge(em, { programmeId, eventIds: [eventId] });
    expect(figures).toMatchObject({
      testedPeople: 5,
      ...(({ pairs: _, ...rest }) => rest)(expected(raw)),
    });
    // The CSV route, in Russian.
    const csv = await t.download(
      `/trainings/knowledge.csv?programmeId=${programmeId}&groupBy=SEX&lang=ru`,
      organizer.token,
    );
    expect(csv.status).toBe(200);
    expect(csv.body.toString('utf8')).toMatch(/Пол,Протестировано людей/);
  });

  it('prints pre, post and gain and the event’s figures in the attendance report', async () => {
    const pdf = await t.download(
      `/documents/training-events/${eventId}/attendance-report.pdf?lang=ru`,
      trainer.token,
    );
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toMatch(/До %/);
    expect(text).toMatch(/Тест знаний \(до и после\) этого семинара/);
    // The online trainee: 33.33 → 100, gain +66.67, printed with one decimal in Russian.
    expect(text).toMatch(/33,3 100 \+66,7/);
    expect(text).toMatch(/Достигли проходного балла 80%/);
  });

  it('keeps figures and scores to those who may see them', async () => {
    const participantResults = await t.gql(RESULTS, { groupBy: [] }, trainee.token);
    expect(errorCode(participantResults)).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SCORES, { eventId }, trainee.token))).toBe('FORBIDDEN');
    const other = (await t.ok(RESULTS, { groupBy: [] }, otherTrainer.token)).knowledgeResults;
    expect(other.totals.preTests).toBe(0);
    const outsider = await anAccount(t, 'PARTICIPANT', (await aPerson().create(t)).id);
    expect(errorCode(await t.gql(TO_TAKE, { eventId, kind: 'PRE' }, outsider.token))).toBe(
      'NOT_FOUND',
    );
    const csv = await t.download(`/trainings/knowledge.csv`, trainee.token);
    expect(csv.status).toBe(403);
  });

  it('lets an event have its own test, which wins over its programme’s', async () => {
    const second = await aTrainingEvent(programmeId)
      .on('2023-04-04', '2023-04-05')
      .ledBy(trainer.id)
      .create(t, organizer.token);
    const own = (
      await t.ok(
        CREATE,
        { input: { eventId: second.id, passMark: 60, questions: QUESTIONS.slice(0, 1) } },
        organizer.token,
      )
    ).createKnowledgeTest;
    const read = `query($id: ID!) { eventKnowledgeTest(eventId: $id) { id passMark } }`;
    expect((await t.ok(read, { id: second.id }, trainer.token)).eventKnowledgeTest).toEqual({
      id: own.id,
      passMark: 60,
    });
    expect((await t.ok(read, { id: eventId }, trainer.token)).eventKnowledgeTest.id).toBe(testId);
  });
});
