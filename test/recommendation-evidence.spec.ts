import { Clock } from '@platform/core';
import {
  anAccount,
  aPerson,
  aProgramme,
  aSeries,
  attendanceOn,
  aTrainingEvent,
  anEdition,
  enroll,
  theInteriorMinistry,
} from './factories';
import { pdfText } from './support/pdf';
import { errorCode, problem, startTestApp, TestApp } from './support/test-app';

const ADD = `mutation($editionId: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $editionId, input: $input) { id } }`;
const SET_STATUS = `mutation($id: ID!, $status: RecommendationStatus!) { setRecommendationStatus(id: $id, status: $status) { id } }`;
const FOLLOW_UP = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`;
const LINK_PROGRAMME = `mutation($p: ID!, $r: [ID!]!) {
  setProgrammeRecommendations(programmeId: $p, recommendationIds: $r) {
    implementsRecommendations { id number year city text }
  }
}`;
const LINK_EVENT = `mutation($e: ID!, $r: [ID!]!) {
  setEventRecommendations(eventId: $e, recommendationIds: $r) { implementsRecommendations { number year } }
}`;
const PAPER = `mutation($eventId: ID!, $kind: KnowledgeTestKind!, $scores: [PaperScoreInput!]!) {
  enterKnowledgeScores(eventId: $eventId, kind: $kind, scores: $scores) { pre post }
}`;
const EVIDENCE = `query($id: ID!) {
  edition(id: $id) {
    followUps {
      note recommendation { number }
      trainingEvidence {
        cutOff eventsHeld peopleTrained testedPeople meanKnowledgeGain
        items { kind title eventsHeld peopleTrained testedPeople meanKnowledgeGain }
      }
    }
  }
}`;

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Trainee {
  person: string;
  completes: boolean;
  pre?: number;
  post?: number;
}

/**
 * The way from a recommendation to evidence: a programme and an event name an adopted
 * recommendation of the 2022 edition; its follow-up at the 2023 edition shows what those
 * trainings had achieved before 2023-07-28, figures computed here from the raw data.
 */
describe('from recommendation to evidence', () => {
  let t: TestApp;
  let clock: jest.SpyInstance;
  let organizer: { id: string; token: string };
  let otherOrganizer: { id: string; token: string };
  let trainer: { id: string; token: string };
  let participant: { token: string };
  let tashkent: string;
  let astana: string;
  let adopted: string;
  let draft: string;
  let withdrawn: string;
  let programmeId: string;
  let otherProgrammeId: string;
  let strangersProgrammeId: string;
  const events: Record<string, string> = {};
  // Who each event trains: A is trained twice in the programme, X in the programme and at
  // the separately linked event; D only after the cut-off.
  const plan: Record<
    string,
    { programme: 'P' | 'Q'; dates: [string, string]; trainees: Trainee[] }
  > = {
    Ea: {
      programme: 'P',
      dates: ['2023-03-14', '2023-03-15'],
      trainees: [
        { person: 'A', completes: true, pre: 40, post: 70 },
        { person: 'B', completes: false, pre: 30 },
        { person: 'X', completes: true, pre: 50, post: 60 },
      ],
    },
    Eb: {
      programme: 'P',
      dates: ['2023-05-02', '2023-05-03'],
      trainees: [
        { person: 'C', completes: true, pre: 20, post: 80 },
        { person: 'A', completes: true, pre: 60, post: 70 },
      ],
    },
    Ec: {
      programme: 'P',
      dates: ['2023-09-12', '2023-09-13'],
      trainees: [{ person: 'D', completes: true, pre: 10, post: 90 }],
    },
    Ed: {
      programme: 'Q',
      dates: ['2023-04-11', '2023-04-12'],
      trainees: [
        { person: 'X', completes: true, pre: 55, post: 65 },
        { person: 'E', completes: true, pre: 70, post: 65 },
      ],
    },
  };
  const CUT_OFF = '2023-07-28';

  /** The figures of some events, computed here: distinct people, mean gain over pairs. */
  function expected(eventNames: string[]) {
    const held = eventNames.filter((name) => plan[name].dates[0] < CUT_OFF);
    const rows = held.flatMap((name) => plan[name].trainees);
    const pairs = rows.filter((r) => r.pre != null && r.post != null);
    return {
      eventsHeld: held.length,
      peopleTrained: new Set(rows.filter((r) => r.completes).map((r) => r.person)).size,
      testedPeople: new Set(pairs.map((r) => r.person)).size,
      meanKnowledgeGain: pairs.length
        ? round2(pairs.reduce((sum, r) => sum + r.post! - r.pre!, 0) / pairs.length)
        : null,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2023-03-01T08:00:00Z'));
    organizer = await anAccount(t, 'ORGANIZER');
    otherOrganizer = await anAccount(t, 'ORGANIZER');
    trainer = await anAccount(t, 'TRAINER');

    const seriesId = (await aSeries(t)).id;
    tashkent = (await anEdition(seriesId).inYear(2022).published().create(t, organizer.token)).id;
    astana = (
      await anEdition(seriesId)
        .inYear(2023)
        .hostedBy('KZ', 'Astana')
        .published()
        .create(t, organizer.token)
    ).id;
    const add = async (text: string) =>
      (await t.ok(ADD, { editionId: tashkent, input: { text } }, organizer.token)).addRecommendation
        .id as string;
    adopted = await add('Train investigators in collecting digital evidence in trafficking cases.');
    draft = await add('A draft that was never adopted at the closing.');
    withdrawn = await add('A recommendation withdrawn before the closing.');
    await t.ok(SET_STATUS, { id: adopted, status: 'ADOPTED' }, organizer.token);
    await t.ok(SET_STATUS, { id: withdrawn, status: 'WITHDRAWN' }, organizer.token);
    await t.ok(
      FOLLOW_UP,
      {
        input: {
          recommendationId: adopted,
          editionId: astana,
          status: 'IN_PROGRESS',
          note: 'Seminars held in three regions.',
        },
      },
      organizer.token,
    );

    const owner = (await theInteriorMinistry().create(t)).id;
    programmeId = (
      await aProgramme(owner).titled('Investigating trafficking').create(t, organizer.token)
    ).id;
    otherProgrammeId = (
      await aProgramme(owner).titled('Digital evidence').create(t, organizer.token)
    ).id;
    strangersProgrammeId = (
      await aProgramme(owner).titled('Someone else’s seminars').create(t, otherOrganizer.token)
    ).id;
    const people: Record<string, string> = {};
    for (const name of ['A', 'B', 'C', 'D', 'E', 'X'])
      people[name] = (await aPerson().officer().create(t)).id;
    for (const id of [programmeId, otherProgrammeId])
      await t.ok(
        `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
        { input: { programmeId: id, passMark: 60 } },
        organizer.token,
      );

    for (const [name, { programme, dates, trainees }] of Object.entries(plan)) {
      const eventId = (
        await aTrainingEvent(programme === 'P' ? programmeId : otherProgrammeId)
          .titled(`Seminar ${name}`)
          .on(...dates)
          .ledBy(trainer.id)
          .completedAfter({ minDays: 2 })
          .create(t, organizer.token)
      ).id;
      events[name] = eventId;
      const enrollments: string[] = [];
      for (const trainee of trainees)
        enrollments.push((await enroll(t, eventId, people[trainee.person], trainer.token)).id);
      clock.mockReturnValue(new Date(`${dates[1]}T16:00:00Z`));
      await attendanceOn(eventId, dates[0]).all(enrollments, 'PRESENT').record(t, trainer.token);
      const second = attendanceOn(eventId, dates[1]);
      trainees.forEach((trainee, i) =>
        trainee.completes ? second.present(enrollments[i]) : second.absent(enrollments[i]),
      );
      await second.record(t, trainer.token);
      for (const kind of ['pre', 'post'] as const) {
        const scores = trainees.flatMap((trainee, i) =>
          trainee[kind] == null ? [] : [{ enrollmentId: enrollments[i], score: trainee[kind] }],
        );
        await t.ok(PAPER, { eventId, kind: kind.toUpperCase(), scores }, trainer.token);
      }
    }
    participant = await anAccount(t, 'PARTICIPANT', people.A);
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  it('lets the organizer name adopted recommendations only, naming the item refused', async () => {
    const draftTry = await t.gql(
      LINK_PROGRAMME,
      { p: programmeId, r: [adopted, draft] },
      organizer.token,
    );
    expect(problem(draftTry)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationIds.1',
    });
    const withdrawnTry = await t.gql(LINK_EVENT, { e: events.Ed, r: [withdrawn] }, organizer.token);
    expect(problem(withdrawnTry)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationIds.0',
    });
    const unknown = await t.gql(
      LINK_PROGRAMME,
      { p: programmeId, r: [adopted, adopted, '7d1f3c2a-0000-4000-8000-000000000000'] },
      organizer.token,
    );
    expect(problem(unknown)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationIds.1',
    });
    const notAnId = await t.gql(LINK_PROGRAMME, { p: programmeId, r: ['x'] }, organizer.token);
    expect(problem(notAnId)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationIds.0',
    });
  });

  it('refuses other organizers, trainers and participants', async () => {
    expect(
      errorCode(
        await t.gql(LINK_PROGRAMME, { p: strangersProgrammeId, r: [adopted] }, organizer.token),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await t.gql(LINK_PROGRAMME, { p: programmeId, r: [adopted] }, otherOrganizer.token),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(LINK_EVENT, { e: events.Ea, r: [adopted] }, trainer.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await t.gql(LINK_EVENT, { e: events.Ea, r: [adopted] }, participant.token)),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(LINK_PROGRAMME, { p: programmeId, r: [adopted] }, participant.token)),
    ).toBe('FORBIDDEN');
    const { edition } = await t.ok(EVIDENCE, { id: astana }, organizer.token);
    expect(edition.followUps[0].trainingEvidence).toBeNull();
  });

  it('shows at the 2023 follow-up the figures of the linked trainings, each person once', async () => {
    const linked = await t.ok(LINK_PROGRAMME, { p: programmeId, r: [adopted] }, organizer.token);
    expect(linked.setProgrammeRecommendations.implementsRecommendations).toEqual([
      {
        id: adopted,
        number: 1,
        year: 2022,
        city: 'Tashkent',
        text: 'Train investigators in collecting digital evidence in trafficking cases.',
      },
    ]);
    // An event of the linked programme, and one of another programme.
    await t.ok(LINK_EVENT, { e: events.Ea, r: [adopted] }, organizer.token);
    const event = await t.ok(LINK_EVENT, { e: events.Ed, r: [adopted] }, organizer.token);
    expect(event.setEventRecommendations.implementsRecommendations).toEqual([
      { number: 1, year: 2022 },
    ]);

    // Anyone who sees the follow-up sees the evidence: here a participant.
    const { edition } = await t.ok(EVIDENCE, { id: astana }, participant.token);
    const [followUp] = edition.followUps;
    expect(followUp.note).toBe('Seminars held in three regions.');
    const evidence = followUp.trainingEvidence;
    expect(evidence).toEqual({
      cutOff: CUT_OFF,
      ...expected(['Ea', 'Eb', 'Ec', 'Ed']),
      items: [
        { kind: 'PROGRAMME', title: 'Investigating trafficking', ...expected(['Ea', 'Eb', 'Ec']) },
        { kind: 'EVENT', title: 'Seminar Ed', ...expected(['Ed']) },
      ],
    });
    // What that means, spelled out: A twice and X at two linked trainings count once.
    expect(evidence).toMatchObject({ eventsHeld: 3, peopleTrained: 4, testedPeople: 4 });
    expect(evidence.items[0]).toMatchObject({ eventsHeld: 2, peopleTrained: 3 });
  });

  it('prints the figures beside the follow-up in the recommendations PDF, in three languages', async () => {
    const total = expected(['Ea', 'Eb', 'Ed']);
    const english = (
      await pdfText((await t.download(`/documents/editions/${tashkent}/recommendations.pdf`)).body)
    ).replace(/\s+/g, ' ');
    expect(english).toContain('Follow-up 2023: in progress — Seminars held in three regions.');
    expect(english).toContain('Trainings implementing it:');
    expect(english).toContain(
      'Investigating trafficking: 2 events held, 3 people trained, mean knowledge gain +27.5 points',
    );
    expect(english).toContain('Seminar Ed: 1 event held, 2 people trained');
    expect(english).toContain(
      `All of them (each person once): 3 events held, ${total.peopleTrained} people trained, mean knowledge gain +${total.meanKnowledgeGain!.toFixed(1)} points`,
    );
    const russian = (
      await pdfText(
        (await t.download(`/documents/editions/${tashkent}/recommendations.pdf?lang=ru`)).body,
      )
    ).replace(/\s+/g, ' ');
    expect(russian).toContain('Обучение по её выполнению:');
    expect(russian).toContain('проведено 2 мероприятия, обучено 3 человека');
    expect(russian).toContain('средний прирост знаний +27,5 п. п.');
    const uzbek = (
      await pdfText(
        (await t.download(`/documents/editions/${tashkent}/recommendations.pdf?lang=uz`)).body,
      )
    ).replace(/\s+/g, ' ');
    expect(uzbek).toContain('Uni bajarish boʻyicha oʻquvlar:');
    expect(uzbek).toContain('2 ta tadbir oʻtkazildi, 3 kishi oʻqitildi');
  });

  it('replaces the list: an empty one unlinks', async () => {
    await t.ok(LINK_EVENT, { e: events.Ed, r: [] }, organizer.token);
    const { edition } = await t.ok(EVIDENCE, { id: astana }, organizer.token);
    expect(edition.followUps[0].trainingEvidence.items).toHaveLength(1);
    expect(edition.followUps[0].trainingEvidence).toMatchObject(expected(['Ea', 'Eb', 'Ec']));
  });
});
