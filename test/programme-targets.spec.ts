import { parseCsv } from '@platform/core';
import {
  anAccount,
  aPerson,
  aProgramme,
  aTrainingEvent,
  attendanceOn,
  enroll,
  theInlBureau,
  theInteriorMinistry,
} from './factories';
import { pdfText } from './support/pdf';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const PERIODS = `query($p: ID!) { programmeTargets(programmeId: $p) {
  from to label lines { measure key label target actual percent } } }`;
const SET = `mutation($input: SetProgrammeTargetsInput!) { setProgrammeTargets(input: $input) {
  from to label lines { measure key label target actual percent } } }`;
const REMOVE = `mutation($p: ID!, $from: String!, $to: String!) {
  removeProgrammeTargets(programmeId: $p, from: $from, to: $to) { label } }`;

const rating = (en: string) => ({
  type: 'RATING',
  text: { en, ru: `${en} (ru)`, uz: `${en} (uz)` },
  lowLabel: { en: 'Poor', ru: 'Плохо', uz: 'Yomon' },
  highLabel: { en: 'Excellent', ru: 'Отлично', uz: 'Aʼlo' },
});
const option = (en: string) => ({ en, ru: `${en} (ru)`, uz: `${en} (uz)` });

/**
 * Who was where, and what they scored: the figures below are computed from this table
 * alone, never by asking the API for its own arithmetic.
 */
interface Trainee {
  name: string;
  sex: 'FEMALE' | 'MALE';
  category: 'JUDGE' | 'OPERATIONAL_OFFICER' | 'PROSECUTOR' | 'INVESTIGATOR';
  /** Event key -> attended both days (completed) or not, with paper scores and a rating. */
  at: Partial<Record<'E1' | 'E2' | 'OLD', { completed: boolean; pre?: number; post?: number }>>;
  /** Overall satisfaction given in E1's end-of-training evaluation. */
  rates?: number;
}
const TRAINEES: Trainee[] = [
  {
    name: 'Aziza Karimova',
    sex: 'FEMALE',
    category: 'JUDGE',
    at: { E1: { completed: true, pre: 40, post: 80 }, E2: { completed: true } },
    rates: 5,
  },
  {
    name: 'Bekzod Tursunov',
    sex: 'MALE',
    category: 'JUDGE',
    at: { E1: { completed: true, pre: 50, post: 60 } },
    rates: 4,
  },
  {
    name: 'Dilnoza Rashidova',
    sex: 'FEMALE',
    category: 'OPERATIONAL_OFFICER',
    at: { E1: { completed: true, pre: 60, post: 55 } },
  },
  {
    name: 'Farid Absent',
    sex: 'MALE',
    category: 'OPERATIONAL_OFFICER',
    at: { E1: { completed: false } },
  },
  {
    name: 'Erkin Prosecutor',
    sex: 'FEMALE',
    category: 'PROSECUTOR',
    at: { E2: { completed: true, pre: 30, post: 90 } },
  },
  {
    name: 'Ivan Investigator',
    sex: 'MALE',
    category: 'INVESTIGATOR',
    at: { E2: { completed: false } },
  },
  // 2022: outside the period, a perfect score that must not count.
  {
    name: 'Gulnora Old',
    sex: 'FEMALE',
    category: 'JUDGE',
    at: { OLD: { completed: true, pre: 10, post: 100 } },
  },
];
const IN_PERIOD = ['E1', 'E2'] as const;
const PASS_MARK = 70;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const percent = (actual: number | null, target: number | null) =>
  actual == null || target == null ? null : round((100 * actual) / target, 1);

/** The figures of 2023, from the table. */
function expectedFigures() {
  const inPeriod = TRAINEES.filter((p) => IN_PERIOD.some((e) => p.at[e]));
  const trained = inPeriod.filter((p) => IN_PERIOD.some((e) => p.at[e]?.completed));
  const pairs = inPeriod.flatMap((p) =>
    IN_PERIOD.flatMap((e) => {
      const at = p.at[e];
      return at?.pre != null && at.post != null ? [{ pre: at.pre, post: at.post }] : [];
    }),
  );
  const ratings = TRAINEES.flatMap((p) => (p.rates ? [p.rates] : []));
  const invited = TRAINEES.filter((p) => p.at.E1?.completed).length;
  return {
    enrolled: inPeriod.length,
    trained: trained.length,
    bySex: (sex: string) => trained.filter((p) => p.sex === sex).length,
    byCategory: (category: string) => trained.filter((p) => p.category === category).length,
    shareOfWomen: round(
      (100 * trained.filter((p) => p.sex === 'FEMALE').length) / trained.length,
      2,
    ),
    meanPre: round(mean(pairs.map((p) => p.pre)), 2),
    meanPost: round(mean(pairs.map((p) => p.post)), 2),
    meanGain: round(mean(pairs.map((p) => p.post - p.pre)), 2),
    improved: pairs.filter((p) => p.post > p.pre).length / pairs.length,
    mastered: pairs.filter((p) => p.post >= PASS_MARK).length / pairs.length,
    tested: pairs.length,
    invited,
    answered: ratings.length,
    satisfaction: round(mean(ratings), 2),
  };
}

const TARGETS = {
  peopleTrained: 10,
  peopleTrainedBySex: [
    { sex: 'FEMALE', people: 6 },
    { sex: 'MALE', people: 4 },
  ],
  peopleTrainedByCategory: [
    { category: 'JUDGE', people: 4 },
    { category: 'OPERATIONAL_OFFICER', people: 2 },
  ],
  shareOfWomen: 60,
  meanKnowledgeGain: 25,
  satisfaction: 4,
};

describe('programme targets per period and the donor report', () => {
  let t: TestApp;
  let organizer: { id: string; token: string };
  let otherOrganizer: { id: string; token: string };
  let trainer: { id: string; token: string };
  let participant: { token: string };
  let programmeId: string;
  const events: Record<string, { id: string; title: string }> = {};

  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');
    const owner = await theInteriorMinistry().create(t);
    const donor = await theInlBureau().create(t);
    programmeId = (
      await aProgramme(owner.id)
        .titled('Countering trafficking in persons 2023')
        .fundedBy(donor.id)
        .create(t, organizer.token)
    ).id;
    await aProgramme(owner.id).titled('Another programme').create(t, otherOrganizer.token);
    const made = [
      [
        'E1',
        'Identification of victims',
        'Samarkand region',
        'Samarkand',
        '2023-03-14',
        '2023-03-15',
      ],
      ['E2', 'Joint investigations', 'Bukhara region', 'Bukhara', '2023-06-01', '2023-06-02'],
      [
        'OLD',
        'Introduction seminar of 2022',
        'Khorezm region',
        'Urgench',
        '2022-11-01',
        '2022-11-02',
      ],
    ] as const;
    for (const [key, title, region, city, start, end] of made) {
      const event = await aTrainingEvent(programmeId)
        .titled(title)
        .in(region, city)
        .on(start, end)
        .ledBy(trainer.id)
        .create(t, organizer.token);
      events[key] = { id: event.id, title };
    }
    // A knowledge test for the programme, opened, for the paper scores.
    const test = (
      await t.ok(
        `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
        {
          input: {
            programmeId,
            passMark: PASS_MARK,
            questions: [
              {
                type: 'SINGLE',
                text: option('Which is an indicator of trafficking?'),
                options: [option('Confiscated passport'), option('A paid holiday')],
                correct: [0],
              },
            ],
          },
        },
        organizer.token,
      )
    ).createKnowledgeTest;
    await t.ok(
      `mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`,
      { id: test.id },
      organizer.token,
    );
    const accounts = new Map<string, string>();
    for (const [i, trainee] of TRAINEES.entries()) {
      const person = aPerson()
        .named(trainee.name)
        .withEmail(`trainee-${i}@targets.test`)
        .inCategory(trainee.category);
      const { id: personId } = await (
        trainee.sex === 'FEMALE' ? person.female() : person.male()
      ).create(t);
      if (trainee.rates || i === 0)
        accounts.set(trainee.name, (await anAccount(t, 'PARTICIPANT', personId)).token);
      for (const [key, at] of Object.entries(trainee.at)) {
        const event = events[key];
        const { id: enrollmentId } = await enroll(t, event.id, personId, trainer.token);
        const days =
          key === 'E1'
            ? ['2023-03-14', '2023-03-15']
            : key === 'E2'
              ? ['2023-06-01', '2023-06-02']
              : ['2022-11-01', '2022-11-02'];
        for (const day of days) {
          const marks = attendanceOn(event.id, day);
          if (at.completed) marks.present(enrollmentId);
          else marks.absent(enrollmentId);
          await marks.record(t, trainer.token);
        }
        for (const kind of ['PRE', 'POST'] as const) {
          const score = kind === 'PRE' ? at.pre : at.post;
          if (score == null) continue;
          await t.ok(
            `mutation($e: ID!, $kind: KnowledgeTestKind!, $scores: [PaperScoreInput!]!) {
              enterKnowledgeScores(eventId: $e, kind: $kind, scores: $scores) { pre } }`,
            { e: event.id, kind, scores: [{ enrollmentId, score }] },
            trainer.token,
          );
        }
      }
    }
    participant = { token: accounts.get(TRAINEES[0].name)! };
    // E1's end-of-training evaluation, answered by those who rate it from their own pages.
    const form = (
      await t.ok(
        `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { id } }`,
        {
          input: {
            trainingEventId: events.E1.id,
            kind: 'END',
            anonymous: true,
            reminderDays: 7,
            questions: [rating('Overall, how satisfied are you?'), rating('How useful was it?')],
          },
        },
        trainer.token,
      )
    ).saveEvaluationForm;
    await t.ok(
      `mutation($id: ID!) { sendEvaluation(formId: $id) { id } }`,
      { id: form.id },
      trainer.token,
    );
    for (const trainee of TRAINEES.filter((p) => p.rates)) {
      const token = accounts.get(trainee.name)!;
      const [mine] = (await t.ok(`{ myEvaluations { id questions { id } } }`, {}, token))
        .myEvaluations;
      await t.ok(
        `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { id } }`,
        {
          input: {
            invitationId: mine.id,
            answers: mine.questions.map((q: { id: string }) => ({
              questionId: q.id,
              rating: trainee.rates,
            })),
          },
        },
        token,
      );
    }
  });
  afterAll(() => t?.close());

  it('refuses bad targets, naming the field', async () => {
    const base = { programmeId, from: '2023-01-01', to: '2023-12-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ peopleTrained: -1 }, 'peopleTrained'],
      [{ shareOfWomen: 100.5 }, 'shareOfWomen'],
      [{ satisfaction: 0.5 }, 'satisfaction'],
      [{ satisfaction: 5.5 }, 'satisfaction'],
      [{ meanKnowledgeGain: -3 }, 'meanKnowledgeGain'],
      [{ from: '2023-12-31', to: '2023-01-01' }, 'to'],
      [{ from: '2023-02-30' }, 'from'],
      [
        {
          peopleTrainedBySex: [
            { sex: 'FEMALE', people: 1 },
            { sex: 'FEMALE', people: 2 },
          ],
        },
        'peopleTrainedBySex.1',
      ],
      [
        { peopleTrainedByCategory: [{ category: 'JUDGE', people: -2 }] },
        'peopleTrainedByCategory.0.people',
      ],
    ];
    for (const [change, field] of cases) {
      const res = await t.gql(SET, { input: { ...base, ...change } }, organizer.token);
      expect({ change, ...problem(res) }).toMatchObject({ change, code: 'BAD_USER_INPUT', field });
    }
    const unknown = await t.gql(
      SET,
      { input: { ...base, peopleTrainedByCategory: [{ category: 'ASTRONAUT', people: 1 }] } },
      organizer.token,
    );
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect((await t.ok(PERIODS, { p: programmeId }, organizer.token)).programmeTargets).toEqual([]);
  });

  it('shows target, actual and percent of a period, as computed here from the table', async () => {
    const periods = (
      await t.ok(
        SET,
        { input: { programmeId, from: '2023-01-01', to: '2023-12-31', ...TARGETS } },
        organizer.token,
      )
    ).setProgrammeTargets;
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ from: '2023-01-01', to: '2023-12-31', label: '2023' });
    const f = expectedFigures();
    const line = (measure: string, key: string | null, target: number | null, actual: number) => ({
      measure,
      key,
      target,
      actual,
      percent: percent(actual, target),
    });
    const target = (list: { people: number; [k: string]: unknown }[], key: string, value: string) =>
      list.find((x) => x[key] === value)?.people ?? null;
    expect(periods[0].lines.map(({ label: _label, ...rest }: { label: string }) => rest)).toEqual([
      line('PEOPLE_TRAINED', null, TARGETS.peopleTrained, f.trained),
      ...['FEMALE', 'MALE'].map((sex) =>
        line(
          'PEOPLE_TRAINED_BY_SEX',
          sex,
          target(TARGETS.peopleTrainedBySex, 'sex', sex),
          f.bySex(sex),
        ),
      ),
      // Categories with a target or someone trained, in the directory's order.
      ...['OPERATIONAL_OFFICER', 'JUDGE', 'PROSECUTOR'].map((category) =>
        line(
          'PEOPLE_TRAINED_BY_CATEGORY',
          category,
          target(TARGETS.peopleTrainedByCategory, 'category', category),
          f.byCategory(category),
        ),
      ),
      line('SHARE_OF_WOMEN', null, TARGETS.shareOfWomen, f.shareOfWomen),
      line('MEAN_KNOWLEDGE_GAIN', null, TARGETS.meanKnowledgeGain, f.meanGain),
      line('SATISFACTION', null, TARGETS.satisfaction, f.satisfaction),
    ]);
    // The figures this table gives, written out once as a reader checks them.
    expect(f).toMatchObject({ trained: 4, shareOfWomen: 75, meanGain: 26.25, satisfaction: 4.5 });
    expect(
      periods[0].lines.find((l: { measure: string }) => l.measure === 'SATISFACTION').percent,
    ).toBe(112.5);

    // In Russian, by the reader's language.
    const ru = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${organizer.token}`)
      .set('accept-language', 'ru')
      .send({ query: PERIODS, variables: { p: programmeId } });
    expect(ru.body.data.programmeTargets[0].lines[1].label).toBe('Обучено людей: Женский');

    // A second period overlapping the first; the same period set again replaces its targets.
    await t.ok(
      SET,
      { input: { programmeId, from: '2023-01-01', to: '2023-06-30', peopleTrained: 3 } },
      organizer.token,
    );
    const again = (
      await t.ok(
        SET,
        { input: { programmeId, from: '2023-01-01', to: '2023-06-30', peopleTrained: 4 } },
        organizer.token,
      )
    ).setProgrammeTargets;
    expect(again.map((p: { label: string }) => p.label)).toEqual([
      '2023-01-01 – 2023-06-30',
      '2023',
    ]);
    const half = again[0].lines;
    expect(half[0]).toMatchObject({ target: 4, actual: f.trained, percent: percent(f.trained, 4) });
    expect(half.filter((l: { target: number | null }) => l.target != null)).toHaveLength(1);
    const removed = (
      await t.ok(REMOVE, { p: programmeId, from: '2023-01-01', to: '2023-06-30' }, organizer.token)
    ).removeProgrammeTargets;
    expect(removed.map((p: { label: string }) => p.label)).toEqual(['2023']);
    // The removal checks its period as the setting does, naming the field.
    const bad = await t.gql(
      REMOVE,
      { p: programmeId, from: '2023-02-30', to: '2023-06-30' },
      organizer.token,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('lets only the programme’s organizers and admins see or set targets', async () => {
    expect(errorCode(await t.gql(PERIODS, { p: programmeId }, otherOrganizer.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(PERIODS, { p: programmeId }, trainer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PERIODS, { p: programmeId }, participant.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(PERIODS, { p: programmeId }))).toBe('UNAUTHENTICATED');
    const input = { programmeId, from: '2023-01-01', to: '2023-12-31', peopleTrained: 1 };
    expect(errorCode(await t.gql(SET, { input }, otherOrganizer.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SET, { input }, trainer.token))).toBe('FORBIDDEN');
    expect(
      (await t.ok(PERIODS, { p: programmeId }, t.adminToken)).programmeTargets[0].lines[0].target,
    ).toBe(TARGETS.peopleTrained);
    const path = `/trainings/programmes/${programmeId}/donor-report`;
    const query = '?from=2023-01-01&to=2023-12-31';
    for (const kind of ['pdf', 'csv']) {
      expect((await t.download(`${path}.${kind}${query}`, otherOrganizer.token)).status).toBe(404);
      expect((await t.download(`${path}.${kind}${query}`, trainer.token)).status).toBe(403);
      expect((await t.download(`${path}.${kind}${query}`, participant.token)).status).toBe(403);
    }
    const bad = await t.download(`${path}.pdf?from=2023-12-31&to=2023-01-01`, organizer.token);
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain('to');
  });

  it('writes the donor report PDF in English and Russian with the figures computed here', async () => {
    const f = expectedFigures();
    const path = `/trainings/programmes/${programmeId}/donor-report.pdf?from=2023-01-01&to=2023-12-31`;
    const en = await t.download(`${path}&lang=en`, organizer.token);
    expect(en.status).toBe(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(en.body)).replace(/\s+/g, ' ');
    for (const expected of [
      'DONOR REPORT',
      'Countering trafficking in persons 2023',
      'Period: 2023',
      'Funded by: Bureau of International Narcotics and Law Enforcement Affairs',
      'Identification of victims',
      'Joint investigations',
      'Bukhara region',
      `Share of women, % 60 ${f.shareOfWomen} 125%`,
      `Mean knowledge gain, points 25 ${round(f.meanGain, 1)} ${percent(f.meanGain, 25)}%`,
      `Satisfaction (1–5) 4 ${f.satisfaction} ${percent(f.satisfaction, 4)}%`,
      `People trained 10 ${f.trained} ${percent(f.trained, 10)}%`,
      `Mean pre-test ${f.meanPre}%`,
      `Reached the pass mark ${f.mastered * 100}%`,
      `Response rate ${round((100 * f.answered) / f.invited, 1)}%`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Introduction seminar of 2022');

    const ru = await t.download(`${path}&lang=ru`, organizer.token);
    const russian = (await pdfText(ru.body)).replace(/\s+/g, ' ');
    for (const expected of [
      'ОТЧЁТ ДЛЯ ДОНОРА',
      'Целевые и фактические показатели',
      `Доля женщин, % 60 ${f.shareOfWomen} 125%`,
      `Средний прирост знаний, п.п. 25 ${String(round(f.meanGain, 1)).replace('.', ',')}`,
      `Удовлетворённость (1–5) 4 ${String(f.satisfaction).replace('.', ',')}`,
      'По регионам',
      'Samarkand region',
    ])
      expect(russian).toContain(expected);
  });

  it('gives the same figures as CSV', async () => {
    const f = expectedFigures();
    const res = await t.download(
      `/trainings/programmes/${programmeId}/donor-report.csv?from=2023-01-01&to=2023-12-31&lang=en&separator=semicolon`,
      organizer.token,
    );
    expect(res.status).toBe(200);
    const rows = parseCsv(res.body.toString('utf8').replace(/^\uFEFF/, ''));
    // A file for spreadsheets that want ';' has decimal commas.
    const num = (value: number | null) => String(value).replace('.', ',');
    const find = (section: string, item: string) =>
      rows.find((r) => r[0] === section && r[1] === item)?.slice(2);
    expect(rows[0]).toEqual(['Section', 'Item', 'Value', 'Target', '% of target']);
    expect(find('People trained', 'Trained')).toEqual([num(f.trained), '', '']);
    expect(find('People trained', 'Enrolled')).toEqual([num(f.enrolled), '', '']);
    expect(find('People trained: By sex', 'Female: Trained')).toEqual([
      num(f.bySex('FEMALE')),
      '',
      '',
    ]);
    expect(find('Targets and actuals', 'Share of women, %')).toEqual([
      num(f.shareOfWomen),
      '60',
      num(percent(f.shareOfWomen, 60)),
    ]);
    expect(find('Knowledge (pre- and post-tests)', 'Mean gain (points)')).toEqual([
      num(f.meanGain),
      '',
      '',
    ]);
    expect(find('Satisfaction (end-of-training evaluations)', 'Trainees asked')).toEqual([
      num(f.invited),
      '',
      '',
    ]);
    expect(rows.filter((r) => r[0] === 'Events held')).toHaveLength(4);
  });
});
