import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isObjectType } from 'graphql';
import { DatabaseSnapshots, Snapshot } from './support/db-snapshot';
import { FuzzWorld, seedWorld } from './support/fuzz-world';
import {
  Baselines,
  descriptionAt,
  document,
  fuzzedVariables,
  Hints,
  hostileValues,
  OMIT,
  Operation,
  operationName,
  operations,
  paths,
  valueAt,
  withValueAt,
} from './support/schema-fuzzer';
import { ADMIN, startTestApp, TestApp } from './support/test-app';

/**
 * Every argument of every query and mutation, one at a time, with hostile values while
 * the others are valid (so that the check of that one value is what answers): no answer
 * may be an internal error, a value that can never be right must be refused (naming its
 * field), and a refused request must leave every table as it was.
 */

// Mutations that end what they touch go last, so the others still find it.
const ENDING = /^(remove|cancel|withdraw|revoke|decline|reissue|undo)/;

/** Countries the fuzzed createDelegation takes in turn: each has one delegation an edition. */
const DELEGATION_COUNTRIES = [
  'KZ',
  'KG',
  'TJ',
  'TM',
  'AZ',
  'AM',
  'GE',
  'MN',
  'RU',
  'TR',
  'IN',
  'PK',
  'CN',
  'IR',
  'DE',
  'FR',
  'GB',
  'US',
  'JP',
  'KR',
];

interface Problem {
  who: string;
  operation: string;
  field: string;
  kind: string;
  error: string;
}

describe('fuzzing every argument of the API', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let snapshots: DatabaseSnapshots;
  const problems: Problem[] = [];
  const succeeded = new Set<string>();
  const lastRefusal = new Map<string, string>();
  const counts = { requests: 0, refused: 0, internal: 0 };

  beforeAll(async () => {
    t = await startTestApp({
      MAIL_WORKER: 'off',
      MAIL_REMINDER_DAYS: '0',
      VERIFY_RATE_LIMIT: '100000',
    });
    world = await seedWorld(t);
    // Refused logins and link tokens are counted there on purpose, to slow down guessing.
    snapshots = await DatabaseSnapshots.for(t, { ignore: ['rate_limit_counter'] });
    await jobsDone();
  });
  afterAll(async () => {
    if (!t) return;
    await jobsDone();
    await t.close();
  });

  /** Certificates render in the background after issueCertificates: wait for them. */
  async function jobsDone() {
    const connection = t.app.get(MikroORM).em.getConnection();
    for (let i = 0; i < 200; i++) {
      const [{ running }] = await connection.execute<{ running: number | string }[]>(
        `select count(*) as running from document_job where status in ('QUEUED', 'RUNNING')`,
      );
      if (Number(running) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  function hints(): Hints {
    const { ids, spare } = world;
    let unique = 0;
    let editionSlot = 0;
    const email = () => `fuzz-${++unique}@fuzz.test`;
    const editionDay = world.edition.startDate;
    const eventDay = world.event.startDate;
    const ID_TYPES: Record<string, string> = {
      editionId: 'Edition',
      seriesId: 'ConferenceSeries',
      personId: 'Person',
      moderatorId: 'Person',
      facilitatorIds: 'Person',
      organizationId: 'Organization',
      ownerId: 'Organization',
      userId: 'User',
      registrationId: 'Registration',
      workingGroupId: 'WorkingGroup',
      sessionId: 'AgendaSession',
      partnerId: 'EditionPartner',
      recommendationId: 'Recommendation',
      programmeId: 'TrainingProgramme',
      eventId: 'TrainingEvent',
      trainingEventId: 'TrainingEvent',
      enrollmentId: 'Enrollment',
      certificateId: 'Certificate',
      delegationId: 'Delegation',
      nominationId: 'Nomination',
      letterId: 'InvitationLetter',
      formId: 'EvaluationForm',
      testId: 'KnowledgeTest',
    };
    return {
      id: (op, field) => {
        let type = ID_TYPES[field];
        if (field === 'id') {
          // The type it returns, or the one its name ends with (removeAgendaSession).
          const returned = getNamedType(op.root.type);
          type = isObjectType(returned) ? returned.name : op.root.name.replace(/^[a-z]+/, '');
        }
        return (
          ids[type] ??
          ids[field.replace(/Ids?$/, '').replace(/^./, (c) => c.toUpperCase())] ??
          randomUUID()
        );
      },
      enums: {
        EditionStatus: 'REGISTRATION_OPEN',
        MoveDirection: 'LATER',
        SessionKind: 'PANEL',
        PartnerRole: 'PARTNER',
        CertificateKind: 'CONFERENCE_ATTENDANCE',
        MailTemplate: 'REMINDER',
        AttendanceStatus: 'PRESENT',
        RecommendationStatus: 'ADOPTED',
        FollowUpStatus: 'IN_PROGRESS',
        Role: 'ORGANIZER',
        OrganizationType: 'NGO',
        Language: 'EN',
        OutboxState: 'QUEUED',
        RegistrationStatus: 'REGISTERED',
        CertificateStatus: 'VALID',
        IndicatorDimension: 'CATEGORY',
        ProfessionalCategory: 'JUDGE',
        Sex: 'FEMALE',
        BadgeRole: 'PRESS',
        DelegationKind: 'COUNTRY',
        InvitationLetterStatus: 'REQUESTED',
        ParticipantListScope: 'INTERNAL',
        EvaluationKind: 'END',
        EvaluationQuestionType: 'TEXT',
        KnowledgeTestKind: 'POST',
        KnowledgeQuestionType: 'SINGLE',
      },
      byField: {
        email,
        newEmail: email,
        recipient: 'person-0@fuzz.test',
        country: 'UZ',
        hostCountry: 'UZ',
        delegationCountry: 'UZ',
        region: 'Samarkand region',
        city: 'Tashkent',
        startTime: '09:00',
        endTime: '10:00',
        serialPrefix: 'TIP',
        password: 'a-long-password-1',
        token: 'A'.repeat(43),
        text: 'Strengthen the referral of victims.',
        // A knowledge test question's text, in three languages.
        'text:KnowledgeTextInput': () => ({
          en: 'Is consent relevant?',
          ru: 'Важно ли согласие?',
          uz: 'Rozilik muhimmi?',
        }),
        reason: 'Issued in error',
        nameAsInPassport: 'QODIROVA MALIKA',
        nationality: 'UZ',
        passportNumber: 'FA7654321',
        dateOfBirth: '1986-05-04',
        signatoryName: 'Akmal Saidov',
        signatoryPosition: 'Chair of the National Commission',
        subject: 'See you soon',
        body: 'Dear {{name}},\n\nsee you soon.',
        search: 'Qodirova',
        // A 1×1 PNG (badge photos).
        photo:
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        // A translatable text of most content (TranslationInput.field).
        field: 'title',
        csv: () => `full_name,email\nRoster Person ${++unique},roster-${unique}@fuzz.test\n`,
        'day:Int': 1,
        year: 2022,
        capacity: 50,
        first: 10,
        after: OMIT,
        hours: 16,
        minDays: 1,
        minPercent: 50,
        from: '2023-01-01',
        to: '2023-12-31',
        startDate: world.event.startDate,
        endDate: world.event.endDate,
        trainerIds: world.trainer.id,
        funderIds: spare.donor,
        letter: spare.letter,
        nameLatin: () => `Nominee ${++unique} Karimov`,
        nameCyrillic: 'Кандидат Каримов',
        seats: 5,
      },
      byOperation: {
        'edition.agenda': { c_day: 1 },
        addSessionSpeaker: {
          'input.personId': world.newcomer,
          'input.translations.0.field': 'titleOnAgenda',
        },
        // Translations name a text of their own item (what has no title).
        addAgendaSession: { 'input.speakers.0.translations.0.field': 'titleOnAgenda' },
        updateSessionSpeaker: { 'input.translations.0.field': 'titleOnAgenda' },
        createOrganization: { 'input.translations.0.field': 'name' },
        updateOrganization: { 'input.translations.0.field': 'name' },
        createWorkingGroup: { 'input.translations.0.field': 'name' },
        updateWorkingGroup: { 'input.translations.0.field': 'name' },
        addRecommendation: { 'input.translations.0.field': 'text' },
        updateRecommendation: { 'input.translations.0.field': 'text' },
        addWorkingGroupMember: { registrationId: spare.notAMember },
        addWorkingGroupFacilitator: { personId: world.newcomer },
        assignTrainer: { userId: world.trainer.id },
        // Valid by default: the world's event delivered by no training of trainers.
        markEventCascade: { 'input.deliveredByTrainersOfId': OMIT },
        cancelRegistration: { id: spare.registration },
        certificateSettings: { 'event.trainingEventId': OMIT },
        certificates: { 'filter.trainingEventId': OMIT },
        checkIn: { 'input.day': editionDay },
        checkInByBadge: { token: world.badgeToken, scannedAt: `${editionDay}T10:00:00+05:00` },
        badgeCheckInCount: { day: editionDay },
        badges: { delegationId: OMIT },
        sendBadges: { delegationId: OMIT },
        undoCheckIn: { 'input.day': editionDay },
        configureCertificates: {
          'input.trainingEventId': OMIT,
          // Certificate settings have no title: a signatory's position is translatable.
          'input.translations.0.field': 'signatories.0.position',
        },
        correctAttendance: { 'input.day': eventDay },
        createEdition: {
          input: () => {
            const slot = editionSlot++;
            const year = 1995 + (slot % 100);
            return {
              seriesId: world.series[Math.floor(slot / 100) % world.series.length],
              title: `Edition ${slot}`,
              theme: 'Use and abuse of technology',
              year,
              hostCountry: 'KZ',
              timeZone: 'Asia/Almaty',
              city: 'Almaty',
              translations: [{ field: 'city', ru: 'Алматы', uz: 'Almati' }],
              venue: 'Congress hall',
              startDate: `${year}-07-28`,
              endDate: `${year}-07-29`,
              objectives: ['Share practice'],
              capacity: 30,
            };
          },
        },
        createUser: { 'input.personId': OMIT },
        declineInvitation: { id: spare.invitation },
        declineInvitationLetter: { id: spare.letter },
        invitationLetterPassport: { id: ids.InvitationLetter },
        enrollTrainee: { personId: world.newcomer },
        inviteParticipant: { 'input.personId': world.newcomer },
        registerParticipant: { 'input.personId': world.newcomer },
        issueCertificate: { 'input.trainingEventId': OMIT, 'input.personId': spare.holder },
        exchangeLoginLink: { 'input.token': world.loginLinkToken },
        confirmEmailChange: { 'input.token': world.emailChangeToken },
        // The same password again: the admin's token stays valid for the rest.
        changePassword: {
          'input.currentPassword': ADMIN.password,
          'input.newPassword': ADMIN.password,
        },
        registerForEdition: { editionId: spare.laterEdition },
        issueCertificates: {
          'input.editionId': OMIT,
          'input.kind': 'TRAINING_COMPLETION',
        },
        login: { 'input.email': world.trainer.email, 'input.deviceToken': OMIT },
        markAttendance: { 'input.day': eventDay },
        previewMailing: {
          'input.audience.workingGroupId': OMIT,
          'input.audience.trainingEventId': OMIT,
        },
        sendMailing: {
          'input.audience.workingGroupId': OMIT,
          'input.audience.trainingEventId': OMIT,
        },
        recordFollowUp: { 'input.editionId': spare.laterEdition },
        removeAgendaSession: { id: spare.session },
        removeEditionPartner: { partnerId: spare.partner },
        requestLoginLink: { 'input.email': 'person-5@fuzz.test' },
        revokeCertificate: { 'input.certificateId': spare.certificate },
        setRotation: { 'input.slots.0.year': 2024 },
        setTemplateOverride: { 'input.language': 'en' },
        outbox: { 'filter.trainingEventId': OMIT },
        updateEdition: {
          'input.expectedVersion': OMIT,
          'input.startDate': world.edition.startDate,
          'input.endDate': world.edition.endDate,
          'input.isPublished': true,
          'input.timeZone': 'Asia/Almaty',
        },
        withdrawTrainee: { enrollmentId: spare.enrollment },
        // Each delegation of a country once per edition.
        createDelegation: {
          'input.country': () => DELEGATION_COUNTRIES[unique++ % DELEGATION_COUNTRIES.length],
          'input.organizationId': OMIT,
          'input.categorySeats': OMIT,
        },
        nominate: {
          'input.personId': OMIT,
          'input.organizationId': OMIT,
          'input.delegationId': ids.Delegation,
        },
        removeDelegation: { id: spare.delegation },
        removeFocalPoint: { delegationId: ids.Delegation, userId: spare.focalPointUser },
        withdrawNomination: { id: spare.draftNomination },
        submitNomination: { id: spare.submittable },
        approveNomination: { id: spare.toApprove },
        declineNomination: { 'input.nominationId': spare.toDecline },
        setDelegationSeats: { 'input.seats': 200 },
        setDelegationHead: { 'input.personId': OMIT },
        evaluationForms: { editionId: OMIT },
        evaluationByToken: { token: world.evaluation.token },
        // A FOLLOW_UP of the event (its END form is sent): a text question has no labels.
        saveEvaluationForm: {
          'input.editionId': OMIT,
          'input.kind': 'FOLLOW_UP',
          'input.monthsAfter': 6,
          'input.questions.0.lowLabel': OMIT,
          'input.questions.0.highLabel': OMIT,
          'input.questions.0.isSatisfaction': OMIT,
          // `text` is the question's three languages here, not a recommendation's text.
          'input.questions.0.text': { en: 'Applied?', ru: 'Применяете?', uz: 'Qoʻllayapsizmi?' },
        },
        setProgrammeTargets: { 'input.from': '2023-01-01', 'input.to': '2023-12-31' },
        removeProgrammeTargets: { from: '2023-01-01', to: '2023-12-31' },
        deleteEvaluationForm: { formId: spare.evaluationForm },
        submitEvaluation: {
          'input.invitationId': OMIT,
          'input.token': world.evaluation.token,
          'input.answers.0.questionId': world.evaluation.questionId,
          'input.answers.0.rating': 4,
          'input.answers.0.text': OMIT,
        },
        // A test of the event (the programme has one), with one single-choice question.
        createKnowledgeTest: {
          'input.programmeId': null,
          'input.questions.0.options': [{ en: 'Yes' }, { en: 'No' }],
          'input.questions.0.correct': [0],
        },
        updateKnowledgeTest: {
          'input.questions.0.options': [{ en: 'Yes' }, { en: 'No' }],
          'input.questions.0.correct': [0],
        },
      },
    };
  }

  /** Sends one request, checks the answer, and compares the tables if it ran. */
  async function probe(
    state: { snapshot: Snapshot },
    op: Operation,
    query: string,
    vars: Record<string, unknown>,
    token: string | undefined,
    what: { who: string; field: string; kind: string; mustRefuse: boolean; names: string[] },
  ) {
    counts.requests++;
    const res = await t.gql(query, vars, token);
    const report = (error: string) =>
      problems.push({
        who: what.who,
        operation: operationName(op),
        field: what.field,
        kind: what.kind,
        error,
      });
    const internal = res.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    if (res.status >= 500 || internal) {
      counts.internal++;
      report(`HTTP ${res.status} ${internal?.message ?? ''}`);
    }
    const refused = Boolean(res.errors?.length);
    if (refused) counts.refused++;
    if (refused && what.kind === 'baseline')
      lastRefusal.set(`${what.who} ${operationName(op)}`, res.errors![0].message);
    if (what.mustRefuse && !refused) report('accepted');
    const own = res.errors?.find((e) => e.extensions?.field !== undefined);
    if (what.mustRefuse && own && !what.names.includes(String(own.extensions?.field))) {
      report(`refused, but naming "${own.extensions?.field}": ${own.message}`);
    }
    // A request refused before it ran (by GraphQL's own validation) has no data at all.
    if (res.data === undefined) return;
    const after = await snapshots.take();
    const changes = DatabaseSnapshots.describeChanges(state.snapshot, after);
    if (refused && changes.length) {
      report(`refused (${res.errors?.[0].extensions?.code}) but changed ${changes.join('; ')}`);
    }
    if (!refused) {
      succeeded.add(`${what.who} ${operationName(op)}`);
      world.usedUp(vars);
    }
    if (!refused && changes.length) {
      await jobsDone();
      state.snapshot = await snapshots.take();
    } else {
      state.snapshot = after;
    }
  }

  async function fuzz(ops: Operation[], who: string, token: string | undefined, light: boolean) {
    const baselines = new Baselines(hints());
    let seed = 0;
    const state = { snapshot: await snapshots.take() };
    for (const op of ops) {
      // Only participants register themselves.
      const caller =
        token && op.root.name === 'registerForEdition' ? world.participant.token : token;
      const query = document(op);
      for (const { name, arg } of fuzzedVariables(op)) {
        for (const { path, type, field } of paths(name, arg.type)) {
          const full = baselines.variables(op, true);
          const valid = valueAt(full, path);
          const description = descriptionAt(arg, path);
          const relative = path.slice(1).join('.');
          // class-validator names a list, not its item, for `each` checks ("trainerIds").
          const list = path
            .slice(1)
            .filter((key) => typeof key === 'string')
            .join('.');
          const names = [arg.name, relative, list, [arg.name, ...path.slice(1)].join('.')].filter(
            Boolean,
          );
          for (const hostile of hostileValues(type, field, description, valid, seed++, light)) {
            const vars = withValueAt(baselines.variables(op), full, path, hostile.value);
            await probe(state, op, query, vars, caller, {
              who,
              field: path.join('.'),
              names,
              ...hostile,
            });
          }
        }
      }
      // The baseline itself, last: it may use up what it touches.
      await probe(state, op, query, baselines.variables(op), caller, {
        who,
        field: '(all valid)',
        kind: 'baseline',
        mustRefuse: false,
        names: [],
      });
    }
  }

  it('answers every hostile value of every argument without an internal error, refusing without changing anything', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const all = operations(schema);
    const ordered = [
      ...all.filter((op) => op.kind === 'query'),
      ...all.filter((op) => op.kind === 'mutation' && !ENDING.test(op.root.name)),
      ...all.filter((op) => op.kind === 'mutation' && ENDING.test(op.root.name)),
    ];
    const args = ordered.flatMap(fuzzedVariables);
    const fields = args.flatMap(({ name, arg }) => paths(name, arg.type)).length;
    const started = Date.now();
    await fuzz(ordered, 'admin', t.adminToken, false);
    await fuzz(ordered, 'anonymous', undefined, true);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `fuzz (${t.database.kind}): ${ordered.length} operations, ${args.length} arguments, ` +
        `${fields} arguments and input fields; ${counts.requests} requests in ${seconds} s, ` +
        `${counts.refused} refused, ${counts.internal} internal errors, ${problems.length} problems\n`,
    );
    // Not a failure, but the valid values of these need a hint: their checks deeper down go untried.
    const never = ordered
      .map(operationName)
      .filter((name) => !succeeded.has(`admin ${name}`))
      .map((name) => `${name}: ${lastRefusal.get(`admin ${name}`)}`);
    if (never.length) process.stdout.write(`never succeeded as admin:\n  ${never.join('\n  ')}\n`);
    const list = problems.map(
      (p) => `${p.who} ${p.operation} ${p.field} [${p.kind}]: ${p.error.slice(0, 300)}`,
    );
    expect(list).toEqual([]);
  }, 600_000);

  it('answers hostile path parameters and query strings of the HTTP routes without a server error', async () => {
    const { ids } = world;
    const code = (
      await t.ok(
        `query($id: ID!) { certificate(id: $id) { verificationCode } }`,
        { id: ids.Certificate },
        t.adminToken,
      )
    ).certificate.verificationCode as string;
    // The object a path's :id names, by the word before it.
    const ID_OF: Record<string, string> = {
      certificates: ids.Certificate,
      badges: ids.Registration,
      editions: ids.Edition,
      'training-events': ids.TrainingEvent,
      events: ids.TrainingEvent,
      programmes: ids.TrainingProgramme,
      'invitation-letters': ids.InvitationLetter,
      evaluations: ids.EvaluationForm,
    };
    const PARAMS: Record<string, string> = { code, token: world.loginLinkToken };
    const QUERIES: Record<string, Record<string, string>> = {
      '/documents/editions/:id/certificates.zip': { kind: 'CONFERENCE_ATTENDANCE' },
      '/documents/editions/:id/recommendations.pdf': { lang: 'ru' },
      '/documents/editions/:id/agenda.pdf': { lang: 'uz' },
      '/documents/editions/:id/badges.pdf': { lang: 'ru' },
      '/documents/badges/:registrationId.pdf': { lang: 'uz' },
      '/documents/training-events/:id/attendance-report.pdf': { lang: 'en' },
      '/verify/:code': { lang: 'ru' },
      '/documents/invitation-letters/:id.pdf': { inline: '1' },
      '/documents/editions/:id/participants.pdf': { language: 'ru', scope: 'internal' },
      '/documents/editions/:id/participants.csv': {
        language: 'uz',
        scope: 'internal',
        separator: 'semicolon',
      },
      '/trainings/events/:id/roster.csv': { lang: 'ru', separator: 'semicolon' },
      '/evaluations/:id/results.csv': { lang: 'ru', separator: 'semicolon' },
      '/trainings/programmes/:id/donor-report.pdf': {
        lang: 'ru',
        from: '2023-01-01',
        to: '2023-12-31',
      },
      '/trainings/programmes/:id/donor-report.csv': {
        lang: 'uz',
        separator: 'semicolon',
        from: '2023-01-01',
        to: '2023-12-31',
      },
      '/trainings/knowledge.csv': {
        lang: 'ru',
        separator: 'semicolon',
        groupBy: 'SEX,REGION',
        programmeId: ids.TrainingProgramme,
        eventId: ids.TrainingEvent,
        country: 'UZ',
        region: 'Samarkand region',
        from: '2023-01-01',
        to: '2023-12-31',
      },
      '/trainings/indicators.csv': {
        lang: 'uz',
        separator: ';',
        groupBy: 'CATEGORY,SEX',
        programmeId: ids.TrainingProgramme,
        country: 'UZ',
        region: 'Samarkand region',
        from: '2023-01-01',
        to: '2023-12-31',
      },
    };
    // Already URL-encoded, as they travel.
    const HOSTILE = [
      'x',
      '%00',
      'a%00b',
      '%ED%A0%80', // a lone surrogate written as UTF-8 bytes: not UTF-8 at all
      '%',
      '%E2%80%AE%E2%80%8F',
      '%E2%80%8B%E2%80%8D',
      '..%2F..%2Fetc%2Fpasswd',
      "'%20or%20'1'%3D'1",
      'a'.repeat(5000),
      randomUUID(),
      '00000000-0000-0000-0000-000000000000',
    ];
    const express = t.app.getHttpAdapter().getInstance();
    const routes: { method: 'get' | 'post'; path: string }[] = (
      express.router ?? express._router
    ).stack
      .filter(
        (layer: { route?: { path: string } }) =>
          layer.route && !/[*]|^\/(health|ready|graphiql)/.test(layer.route.path),
      )
      .flatMap((layer: { route: { path: string; methods: Record<string, boolean> } }) =>
        Object.keys(layer.route.methods)
          .filter((m) => m === 'get' || m === 'post')
          .map((method) => ({ method, path: layer.route.path })),
      );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    let state = await snapshots.take();
    let requests = 0;
    const serverErrors: string[] = [];
    const send = async (method: 'get' | 'post', url: string, token?: string) => {
      requests++;
      const req = t.http()[method](url);
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req;
      if (res.status >= 500)
        serverErrors.push(
          `${method.toUpperCase()} ${url.slice(0, 120)} (${token ? 'admin' : 'anonymous'}): ${res.status} ${res.text.slice(0, 200)}`,
        );
      if (res.status >= 400) {
        const after = await snapshots.take();
        const changes = DatabaseSnapshots.describeChanges(state, after);
        if (changes.length)
          serverErrors.push(
            `${method.toUpperCase()} ${url.slice(0, 120)}: refused (${res.status}) but changed ${changes.join('; ')}`,
          );
        state = after;
      } else {
        await jobsDone();
        state = await snapshots.take();
      }
    };
    for (const token of [t.adminToken, undefined]) {
      for (const { method, path } of routes) {
        const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
        const validParam = (name: string, at: number) =>
          PARAMS[name] ??
          ID_OF[path.slice(0, at).split('/').filter(Boolean).pop() ?? ''] ??
          randomUUID();
        const fill = (hostileName?: string, hostile?: string) =>
          path.replace(/:(\w+)/g, (_, name: string, at: number) =>
            name === hostileName ? hostile! : encodeURIComponent(validParam(name, at)),
          );
        const query = QUERIES[path] ?? {};
        const qs = (entries: [string, string][]) =>
          entries.length ? `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
        const validQuery = Object.entries(query).map(
          ([k, v]) => [k, encodeURIComponent(v)] as [string, string],
        );
        for (const name of names) {
          for (const hostile of [
            ...HOSTILE,
            validParam(name, path.indexOf(`:${name}`)).toUpperCase(),
          ]) {
            await send(method, fill(name, hostile) + qs(validQuery), token);
          }
        }
        for (const name of [...Object.keys(query), 'unknown']) {
          const others = validQuery.filter(([k]) => k !== name);
          for (const hostile of ['', ...HOSTILE]) {
            await send(method, fill() + qs([...others, [name, hostile]]), token);
          }
          // Given twice, or as a nested object: Express makes a list or an object of it.
          await send(method, fill() + qs([...others, [name, 'a'], [name, 'b']]), token);
          await send(method, fill() + qs([...others, [`${name}[a]`, 'b']]), token);
        }
      }
    }
    process.stdout.write(
      `fuzz (${t.database.kind}): ${routes.length} HTTP routes, ${requests} requests\n`,
    );
    expect(serverErrors).toEqual([]);
  }, 600_000);
});
