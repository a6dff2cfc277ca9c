import { MikroORM } from '@mikro-orm/core';
import { DEMO_ORGANIZER, DEMO_PARTICIPANT, loadDemoData } from '../apps/api/src/demo/demo-data';
import { DEMO_FOCAL_POINT } from '../apps/api/src/demo/delegations-demo';
import {
  DEMO_CASCADE,
  DEMO_PROGRAMME_TITLE,
  DEMO_TARGETS_2023,
  DEMO_TRAINER,
} from '../apps/api/src/demo/training-demo';
import { pdfText } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

describe('the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemoData(t.app.get(MikroORM).em.fork());
  });
  afterAll(() => t.close());

  it('loads once', async () => {
    expect(await loadDemoData(t.app.get(MikroORM).em.fork())).toMatch(/already loaded/);
  });

  it('shows the rotation and the 2022 Tashkent edition to anyone', async () => {
    const data = await t.ok(`{
      conferenceSeries { rotation { year hostCountryName } }
      editions(filter: { year: 2022, hostCountry: "UZ" }) {
        totalCount
        nodes { title theme city startDate endDate partners { role organization { acronym name } } agenda(day: 2) { startTime kind title } }
      }
    }`);
    expect(data.conferenceSeries[0].rotation).toEqual([
      { year: 2022, hostCountryName: 'Uzbekistan' },
      { year: 2023, hostCountryName: 'Kazakhstan' },
      { year: 2024, hostCountryName: 'Kyrgyzstan' },
      { year: 2025, hostCountryName: 'Tajikistan' },
      { year: 2026, hostCountryName: 'Turkmenistan' },
    ]);
    const [tashkent] = data.editions.nodes;
    expect(tashkent).toMatchObject({
      city: 'Tashkent',
      theme: 'Use and Abuse of Technology',
      startDate: '2022-07-28',
    });
    expect(
      tashkent.partners
        .filter((p: { role: string }) => p.role === 'FUNDER')
        .map((p: { organization: { acronym: string } }) => p.organization.acronym)
        .sort(),
    ).toEqual(['INL', 'USAID']);
    expect(tashkent.agenda.map((s: { kind: string }) => s.kind)).toEqual([
      'WORKING_GROUP_SITTING',
      'PLENARY',
      'CLOSING',
    ]);
  });

  it('gives the organizer the participation figures and the participant their own registration', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const data = await t.ok(
      `{ editions(filter: { year: 2022 }) { nodes { participation { registered attended countries summary } recommendations { number status followUps { status edition { year } } } } } }`,
      {},
      organizer,
    );
    const [tashkent] = data.editions.nodes;
    expect(tashkent.participation).toEqual({
      registered: 45,
      attended: 45,
      countries: 6,
      summary:
        '45 representatives of government, non-government, donor, international and private organizations from 6 countries attended.',
    });
    expect(tashkent.recommendations).toHaveLength(4);
    expect(tashkent.recommendations[0].followUps).toEqual([
      { status: 'IN_PROGRESS', edition: { year: 2023 } },
    ]);

    // The seminar series implements recommendation 4: its 2023 follow-up shows the seminars
    // held before the edition, counted as the indicators and knowledge results count them.
    const astana = await t.ok(
      `{ editions(filter: { year: 2023 }) { nodes { followUps { recommendation { number } trainingEvidence {
        cutOff eventsHeld peopleTrained meanKnowledgeGain items { kind title eventsHeld peopleTrained }
      } } } } }`,
      {},
      organizer,
    );
    const followUp = astana.editions.nodes[0].followUps.find(
      (f: { recommendation: { number: number } }) => f.recommendation.number === 4,
    );
    const before = { from: '2023-01-01', to: '2023-07-26' };
    const figures = await t.ok(
      `query($filter: IndicatorFilter, $scope: KnowledgeScopeInput) {
        trainingIndicators(filter: $filter) { totals { peopleTrained } }
        knowledgeResults(scope: $scope, groupBy: []) { totals { meanGain } }
        trainingEvents { nodes { startDate } }
      }`,
      { filter: before, scope: before },
      organizer,
    );
    const held = figures.trainingEvents.nodes.filter(
      (e: { startDate: string }) => e.startDate < '2023-07-27',
    ).length;
    expect(held).toBeGreaterThan(0);
    expect(followUp.trainingEvidence).toEqual({
      cutOff: '2023-07-27',
      eventsHeld: held,
      peopleTrained: figures.trainingIndicators.totals.peopleTrained,
      meanKnowledgeGain: figures.knowledgeResults.totals.meanGain,
      items: [
        {
          kind: 'PROGRAMME',
          title: DEMO_PROGRAMME_TITLE,
          eventsHeld: held,
          peopleTrained: figures.trainingIndicators.totals.peopleTrained,
        },
      ],
    });
    expect(followUp.trainingEvidence.peopleTrained).toBeGreaterThan(0);

    const participant = await t.login(DEMO_PARTICIPANT.email, DEMO_PARTICIPANT.password);
    const mine = await t.ok(
      `{ myRegistrations { status person { fullName fullNameAlt } edition { year } } }`,
      {},
      participant,
    );
    expect(mine.myRegistrations).toEqual([
      {
        status: 'REGISTERED',
        person: { fullName: 'Oʻtkir Rahimov', fullNameAlt: 'Ўткир Рахимов' },
        edition: { year: 2022 },
      },
    ]);
  });
  it('counts the 2023 seminar series: 410 trained by category', async () => {
    const data = await t.ok(
      `{ trainingIndicators(groupBy: [CATEGORY]) {
          rows { keys { value label } peopleTrained peopleEnrolled completions }
          totals { peopleEnrolled peopleTrained enrollments completions } } }`,
      {},
      t.adminToken,
    );
    const trained = Object.fromEntries(
      data.trainingIndicators.rows.map(
        (r: { keys: { value: string }[]; peopleTrained: number }) => [
          r.keys[0].value,
          r.peopleTrained,
        ],
      ),
    );
    expect(trained).toEqual({
      INVESTIGATOR: 96,
      JUDGE: 28,
      OPERATIONAL_OFFICER: 260,
      PROSECUTOR: 26,
    });
    expect(data.trainingIndicators.totals).toEqual({
      peopleEnrolled: 422,
      peopleTrained: 410,
      enrollments: 422,
      completions: 410,
    });

    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const byRegion = await t.ok(
      `{ trainingIndicators(groupBy: [REGION], filter: { country: "UZ", from: "2023-01-01", to: "2023-12-31" }) { rows { peopleTrained } totals { peopleTrained } } }`,
      {},
      organizer,
    );
    expect(byRegion.trainingIndicators.rows).toHaveLength(14);
    expect(byRegion.trainingIndicators.totals.peopleTrained).toBe(410);
  });

  it('shows the 2023 series’ cascade: one training of trainers whose trainers deliver three seminars', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const { trainingProgrammes } = await t.ok(`{ trainingProgrammes { id } }`, {}, organizer);
    const cascade = (
      await t.ok(
        `query($p: ID!) { programmeCascade(programmeId: $p) {
          branches { event { region } masterTrainers { fullName } trainers { id }
            cascadeEvents { event { region } trainers { id fullName } trainees { id } } }
          reach { direct throughCascade total } } }`,
        { p: trainingProgrammes[0].id },
        organizer,
      )
    ).programmeCascade;
    expect(cascade.branches).toHaveLength(1);
    const [branch] = cascade.branches;
    expect(branch.event.region).toBe('Tashkent city');
    expect(branch.masterTrainers).toEqual([{ fullName: 'Sherzod Ismoilov' }]);
    expect(branch.cascadeEvents).toHaveLength(DEMO_CASCADE.events.length);
    // Their trainers were trained at the ToT.
    const trainedThere = new Set(branch.trainers.map((p: { id: string }) => p.id));
    for (const c of branch.cascadeEvents) {
      expect(c.trainers).toHaveLength(1);
      expect(trainedThere.has(c.trainers[0].id)).toBe(true);
    }
    // Each trainee attended one seminar: the reach is the 410 split, nobody twice.
    const viaCascade = branch.cascadeEvents.reduce(
      (sum: number, c: { trainees: unknown[] }) => sum + c.trainees.length,
      0,
    );
    expect(cascade.reach).toEqual({
      direct: 410 - viaCascade,
      throughCascade: viaCascade,
      total: 410,
    });
  });

  it('holds the 2023 series up to its targets, on the programme page and in the donor report', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const { trainingProgrammes } = await t.ok(`{ trainingProgrammes { id title } }`, {}, organizer);
    const programme = trainingProgrammes.find(
      (p: { title: string }) => p.title === DEMO_PROGRAMME_TITLE,
    );
    const { programmeTargets } = await t.ok(
      `query($p: ID!) { programmeTargets(programmeId: $p) { label lines { measure key target actual percent } } }`,
      { p: programme.id },
      organizer,
    );
    expect(programmeTargets).toHaveLength(1);
    expect(programmeTargets[0].label).toBe('2023');
    expect(programmeTargets[0].lines[0]).toEqual({
      measure: 'PEOPLE_TRAINED',
      key: null,
      target: DEMO_TARGETS_2023.peopleTrained,
      actual: 410,
      percent: Math.round((1000 * 410) / DEMO_TARGETS_2023.peopleTrained) / 10,
    });
    // Every measure the demo sets has an actual figure to hold it against.
    for (const line of programmeTargets[0].lines.filter(
      (l: { target: number | null }) => l.target != null,
    ))
      expect(line.actual).not.toBeNull();
    const pdf = await t.download(
      `/trainings/programmes/${programme.id}/donor-report.pdf?from=2023-01-01&to=2023-12-31&lang=ru`,
      organizer,
    );
    expect(pdf.status).toBe(200);
    expect((await pdfText(pdf.body)).replace(/\s+/g, ' ')).toContain(
      'Целевые и фактические показатели',
    );
  });

  it('gives the 2023 series pre- and post-test scores whose figures match a plain recount', async () => {
    // Independently of the server's figures: every stored attempt with its trainee's sex.
    interface AttemptRow {
      enrollment: string;
      sex: string;
      kind: string;
      score: number | string;
      pass_mark: number | string;
    }
    const rows: AttemptRow[] = await t.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(
        `select e.id as enrollment, p.sex as sex, a.kind as kind, a.score as score, a.pass_mark as pass_mark
         from knowledge_attempt a join enrollment e on e.id = a.enrollment_id join person p on p.id = e.person_id`,
      );
    const byEnrollment = new Map<
      string,
      { sex: string; pre?: number; post?: number; passMark: number }
    >();
    for (const row of rows) {
      const entry = byEnrollment.get(row.enrollment) ?? {
        sex: row.sex,
        passMark: Number(row.pass_mark),
      };
      entry[row.kind === 'PRE' ? 'pre' : 'post'] = Number(row.score);
      byEnrollment.set(row.enrollment, entry);
    }
    const recount = (entries: { pre?: number; post?: number; passMark: number }[]) => {
      const pairs = entries.filter((e) => e.pre !== undefined && e.post !== undefined);
      const posts = entries.filter((e) => e.post !== undefined);
      const avg = (xs: number[]) =>
        Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
      const share = (n: number, of: number) => Math.round((10000 * n) / of) / 10000;
      return {
        testedPeople: pairs.length,
        meanPre: avg(pairs.map((e) => e.pre!)),
        meanPost: avg(pairs.map((e) => e.post!)),
        meanGain: avg(pairs.map((e) => e.post! - e.pre!)),
        improvedShare: share(pairs.filter((e) => e.post! > e.pre!).length, pairs.length),
        masteredShare: share(posts.filter((e) => e.post! >= e.passMark).length, posts.length),
      };
    };
    const all = [...byEnrollment.values()];
    expect(all).toHaveLength(422);
    const expected = recount(all);
    // Realistic: most improve, some do not, some have no post-test; pre ~50, post ~80.
    expect(expected.testedPeople).toBeGreaterThan(380);
    expect(expected.testedPeople).toBeLessThan(410);
    expect(expected.meanPre).toBeGreaterThan(45);
    expect(expected.meanPre).toBeLessThan(60);
    expect(expected.meanPost).toBeGreaterThan(70);
    expect(expected.meanPost).toBeLessThan(85);
    expect(expected.improvedShare).toBeLessThan(1);

    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const data = await t.ok(
      `{ knowledgeResults(scope: { from: "2023-01-01", to: "2023-12-31" }, groupBy: [SEX]) {
          rows { keys { value } testedPeople meanPre meanPost meanGain improvedShare masteredShare }
          totals { testedPeople meanPre meanPost meanGain improvedShare masteredShare } } }`,
      {},
      organizer,
    );
    expect(data.knowledgeResults.totals).toEqual(expected);
    for (const row of data.knowledgeResults.rows) {
      const { keys, ...figures } = row;
      expect(figures).toEqual(recount(all.filter((e) => e.sex === keys[0].value)));
    }
  });

  it('carries the 2022 Tashkent edition and the 2023 seminars in Russian and Uzbek, with nothing left to translate', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const editions = await t.ok(
      `{ editions(filter: { year: 2022 }) { nodes { title city missingTranslations { itemType field text } agenda(day: 1) { title speakers { titleOnAgenda } } workingGroups { name } recommendations { text addressedTo } partners { organization { name } } } } }`,
      {},
      organizer,
      { 'accept-language': 'ru' },
    );
    const [tashkent] = editions.editions.nodes;
    expect(tashkent.missingTranslations).toEqual([]);
    expect(tashkent).toMatchObject({
      title:
        'Укрепление национального и международного партнёрства в противодействии торговле людьми',
      city: 'Ташкент',
    });
    expect(tashkent.agenda[0]).toEqual({
      title: 'Приветственные выступления',
      speakers: [
        { titleOnAgenda: 'Секретарь Национальной комиссии' },
        { titleOnAgenda: 'Представитель Посольства США' },
      ],
    });
    expect(tashkent.workingGroups.map((g: { name: string }) => g.name)).toContain(
      'Механизмы перенаправления',
    );
    // Nothing in Latin letters is left in what the Russian reader sees of the edition, but
    // the acronyms that are the same in every language (USAID, INL, UNODC).
    const texts = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(texts)
          : [];
    const latinWords = texts({ ...tashkent, missingTranslations: [] }).flatMap(
      (text) => text.match(/\b[A-Za-z]{4,}\b/g) ?? [],
    );
    expect(latinWords.filter((w) => !['USAID', 'UNODC'].includes(w))).toEqual([]);

    const trainer = await t.login(DEMO_TRAINER.email, DEMO_TRAINER.password);
    const events = await t.ok(
      `{ trainingEvents(first: 2) { nodes { title region city missingTranslations { itemType field } } } }`,
      {},
      trainer,
      { 'accept-language': 'uz' },
    );
    for (const event of events.trainingEvents.nodes) {
      expect(event.missingTranslations).toEqual([]);
      expect(event.title).toMatch(/^Odam savdosini tergov qilish: Toshkent/);
    }
  });

  it('evaluates every 2023 seminar at the end and at 6 months, and the Tashkent edition by name', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const FORMS = `query($e: ID, $t: ID) { evaluationForms(editionId: $e, trainingEventId: $t) {
      id kind anonymous monthsAfter sentAt questions { type isSatisfaction } status { invited answered } } }`;
    const events = (await t.ok(`{ trainingEvents(first: 50) { nodes { id } } }`, {}, organizer))
      .trainingEvents.nodes;
    expect(events).toHaveLength(14);
    let invited = 0;
    let answered = 0;
    for (const event of events) {
      const forms = (await t.ok(FORMS, { t: event.id }, organizer)).evaluationForms;
      const end = forms.find((form: { kind: string }) => form.kind === 'END');
      const followUp = forms.find((form: { kind: string }) => form.kind === 'FOLLOW_UP');
      expect(end.anonymous).toBe(true);
      expect(end.questions.map((q: { type: string }) => q.type)).toEqual([
        'RATING',
        'RATING',
        'RATING',
        'RATING',
        'RATING',
        'TEXT',
        'TEXT',
      ]);
      expect(end.sentAt).not.toBeNull();
      const share = end.status.answered / end.status.invited;
      expect(share).toBeGreaterThanOrEqual(0.65);
      expect(share).toBeLessThanOrEqual(0.85);
      expect(followUp.monthsAfter).toBe(6);
      expect(followUp.status.answered).toBeLessThan(end.status.answered);
      invited += end.status.invited;
      answered += end.status.answered;
    }
    // Every trainee who attended a day was asked: 410 trained and 12 who missed day 2.
    expect(invited).toBe(422);
    const results = (
      await t.ok(
        `query($id: ID!) { evaluationResults(formId: $id) { answered withheld questions { answers mean distribution { count } texts } } }`,
        { id: (await t.ok(FORMS, { t: events[0].id }, organizer)).evaluationForms[0].id },
        organizer,
      )
    ).evaluationResults;
    expect(results.withheld).toBe(false);
    expect(results.questions[0].mean).toBeGreaterThan(3.5);
    expect(answered / invited).toBeGreaterThan(0.7);

    const tashkent = (await t.ok(`{ editions(filter: { year: 2022 }) { nodes { id } } }`)).editions
      .nodes[0];
    const [named] = (await t.ok(FORMS, { e: tashkent.id }, organizer)).evaluationForms;
    expect(named).toMatchObject({ kind: 'END', anonymous: false });
    expect(named.status.invited).toBe(45);
    expect(named.status.answered).toBe(27);
  });

  it('has the 2026 Ashgabat edition with five delegations, and the Uzbek focal point’s nominations', async () => {
    const organizer = await t.login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const data = await t.ok(
      `{ editions(filter: { year: 2026 }) { nodes { city hostCountry missingTranslations { field } delegations { name seats categorySeats { category seats } } } } }`,
      {},
      organizer,
    );
    const [ashgabat] = data.editions.nodes;
    expect(ashgabat).toMatchObject({
      city: 'Ashgabat',
      hostCountry: 'TM',
      missingTranslations: [],
    });
    expect(ashgabat.delegations.map((d: { name: string }) => d.name)).toEqual([
      'Turkmenistan',
      'Kazakhstan',
      'Kyrgyzstan',
      'Tajikistan',
      'Uzbekistan',
    ]);
    for (const delegation of ashgabat.delegations)
      expect(delegation).toMatchObject({
        seats: 8,
        categorySeats: [{ category: 'JUDGE', seats: 2 }],
      });

    const focal = await t.login(DEMO_FOCAL_POINT.email, DEMO_FOCAL_POINT.password);
    const mine = await t.ok(
      `{ myDelegations { name seatsUsed seatsLeft nominations { id status hasLetter person { fullName fullNameAlt } registration { status } } } }`,
      {},
      focal,
    );
    const [uzbekistan] = mine.myDelegations;
    expect(mine.myDelegations).toHaveLength(1);
    expect(uzbekistan).toMatchObject({ name: 'Uzbekistan', seatsUsed: 4, seatsLeft: 4 });
    const statuses = uzbekistan.nominations.map((n: { status: string }) => n.status);
    expect(statuses.sort()).toEqual(['APPROVED', 'DECLINED', 'DRAFT', 'DRAFT', 'SUBMITTED']);
    const approved = uzbekistan.nominations.find(
      (n: { status: string }) => n.status === 'APPROVED',
    );
    expect(approved).toMatchObject({
      hasLetter: true,
      person: { fullName: 'Sardor Aliyev', fullNameAlt: 'Сардор Алиев' },
      registration: { status: 'REGISTERED' },
    });
    const letter = await t.download(`/documents/nominations/${approved.id}/letter.pdf`, focal);
    expect(letter.status).toBe(200);
    expect(await pdfText(letter.body)).toContain('Nomination letter: Sardor Aliyev');
  });
});
