import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Clock } from '@platform/core';
import { OutboxMessage } from '@platform/mail';
import { anEdition, aProgramme, aSeries, attendanceOn, aTrainingEvent, enroll } from '../factories';
import { TestApp } from './test-app';

/** The people the access matrix asks as: one of each role, two where a role has two scopes. */
export const ACTORS = [
  'anonymous',
  'P1',
  'P2',
  'T1',
  'T2',
  'PO',
  'OA',
  'OB',
  'F1',
  'F2',
  'admin',
] as const;
export type ActorName = (typeof ACTORS)[number];
export type AccountRole = 'ADMIN' | 'ORGANIZER' | 'TRAINER' | 'FOCAL_POINT' | 'PARTICIPANT';

export const ROLE_OF: Record<ActorName, AccountRole | null> = {
  anonymous: null,
  P1: 'PARTICIPANT',
  P2: 'PARTICIPANT',
  T1: 'TRAINER',
  T2: 'TRAINER',
  PO: 'ORGANIZER',
  OA: 'ORGANIZER',
  OB: 'ORGANIZER',
  F1: 'FOCAL_POINT',
  F2: 'FOCAL_POINT',
  admin: 'ADMIN',
};

/**
 * Two of everything, through the API as its users would make them:
 * - edition A (2022, published, organized by OA), where P1's person is registered,
 *   checked in, in a working group and certified; edition B (2023, unpublished,
 *   organized by OB) the same for P2; B follows up A's recommendation;
 * - programme G (organized by PO) with event E1 (trainer T1, P1 enrolled, marked,
 *   certified) and E2 (trainer T2, the same for P2);
 * - delegations D1 (focal point F1) and D2 (focal point F2) at edition B, each with a
 *   draft nomination N1, N2 that has its letter.
 */
export interface AccessWorld {
  tokens: Record<ActorName, string | undefined>;
  userIds: Record<Exclude<ActorName, 'anonymous'>, string>;
  seriesId: string;
  organizations: { host: string; addedByOA: string };
  people: { p1: string; p2: string; speakerA: string; speakerB: string };
  A: EditionSide;
  B: EditionSide;
  programmeId: string;
  /** Programme G's knowledge test, open to trainees (one true/false question). */
  knowledgeTestId: string;
  E1: EventSide;
  E2: EventSide;
  D1: DelegationSide;
  D2: DelegationSide;
}

export interface DelegationSide {
  delegationId: string;
  nominationId: string;
}

/** The smallest file that is a PDF by its first bytes: a nomination letter. */
export const LETTER = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

export interface EditionSide {
  editionId: string;
  partnerId: string;
  sessionId: string;
  workingGroupId: string;
  registrationId: string;
  recommendationId: string;
  templateOverrideId: string;
  certificateId: string;
  messageId: string;
  /** The registrant's invitation letter, requested by them (status REQUESTED). */
  letterId: string;
}

export interface EventSide {
  eventId: string;
  enrollmentId: string;
  certificateId: string;
  jobId: string;
  messageId: string;
  /** A sent, anonymous END evaluation: its trainee's invitation, mailed link token, a question. */
  evaluation: { formId: string; invitationId: string; token: string; questionId: string };
}

const PASSWORD = 'a-long-password-1';

/** A 1×1 PNG, as the badge photos of the world's registrations (and the matrix's uploads). */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const admin = t.adminToken;
  const run = (query: string, variables: Record<string, unknown>, token: string = admin) =>
    t.ok(query, variables, token);
  const tag = randomUUID().slice(0, 8);

  const account = async (role: AccountRole, name: string, personId?: string, email?: string) => {
    const address = email ?? `${name.toLowerCase()}-${tag}@access.test`;
    const data = await run(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: address, password: PASSWORD, role, personId } },
    );
    return { id: data.createUser.id as string, token: await t.login(address, PASSWORD) };
  };
  const OA = await account('ORGANIZER', 'OA');
  const OB = await account('ORGANIZER', 'OB');
  const PO = await account('ORGANIZER', 'PO');
  const T1 = await account('TRAINER', 'T1');
  const T2 = await account('TRAINER', 'T2');

  const organization = async (name: string, token: string) =>
    (
      await run(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        { input: { name: `${name} ${tag}`, type: 'GOVERNMENT', country: 'UZ' } },
        token,
      )
    ).createOrganization.id as string;
  const host = await organization('National Commission', admin);
  const addedByOA = await organization('Ministry of Justice', OA.token);

  const person = async (name: string, email?: string) =>
    (
      await run(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
        input: {
          fullName: `${name} ${tag}`,
          country: 'UZ',
          email,
          organizationId: host,
          category: 'JUDGE',
        },
      })
    ).createPerson.id as string;
  const p1Email = `p1-${tag}@access.test`;
  const p2Email = `p2-${tag}@access.test`;
  const people = {
    p1: await person('Dilnoza Karimova', p1Email),
    p2: await person('Aibek Seitkali', p2Email),
    speakerA: await person('Speaker A'),
    speakerB: await person('Speaker B'),
  };
  const P1 = await account('PARTICIPANT', 'P1', people.p1, p1Email);
  const P2 = await account('PARTICIPANT', 'P2', people.p2, p2Email);

  const seriesId = (await aSeries(t)).id;
  const A = await editionSide(2022, true, OA.token, people.p1, people.speakerA);
  const B = await editionSide(2023, false, OB.token, people.p2, people.speakerB);
  await run(
    `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { status } }`,
    {
      input: {
        editionId: B.editionId,
        recommendationId: A.recommendationId,
        status: 'IN_PROGRESS',
      },
    },
    OB.token,
  );

  async function editionSide(
    year: number,
    published: boolean,
    token: string,
    personId: string,
    speakerId: string,
  ): Promise<EditionSide> {
    const builder = anEdition(seriesId).inYear(year);
    const { id: editionId } = await (published ? builder.openForRegistration() : builder).create(
      t,
      token,
    );
    const partner = await run(
      `mutation($e: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $e, input: $input) { id } }`,
      { e: editionId, input: { organizationId: host, role: 'HOST' } },
      token,
    );
    const session = await run(
      `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
      {
        e: editionId,
        input: {
          day: 1,
          startTime: '10:00',
          endTime: '11:00',
          kind: 'PANEL',
          title: 'Technology and trafficking',
          moderatorId: speakerId,
          speakers: [{ personId: speakerId, titleOnAgenda: 'Judge' }],
        },
      },
      token,
    );
    const group = await run(
      `mutation($e: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $e, input: $input) { id } }`,
      { e: editionId, input: { name: 'Prevention', facilitatorIds: [speakerId] } },
      token,
    );
    const registration = await run(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      { input: { editionId, personId } },
      token,
    );
    const registrationId = registration.registerParticipant.id as string;
    await run(
      `mutation($r: ID!, $photo: String!) { uploadBadgePhoto(registrationId: $r, photo: $photo) { role } }`,
      { r: registrationId, photo: TINY_PNG_BASE64 },
      token,
    );
    await run(
      `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`,
      { input: { registrationId, day: `${year}-07-28` } },
      token,
    );
    await run(
      `mutation($g: ID!, $r: ID!) { addWorkingGroupMember(workingGroupId: $g, registrationId: $r) { id } }`,
      { g: group.createWorkingGroup.id, r: registrationId },
      token,
    );
    const recommendation = await run(
      `mutation($e: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $e, input: $input) { id } }`,
      { e: editionId, input: { text: 'Set up a national referral mechanism.' } },
      token,
    );
    const recommendationId = recommendation.addRecommendation.id as string;
    await run(
      `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`,
      { id: recommendationId },
      token,
    );
    const override = await run(
      `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id } }`,
      {
        input: {
          editionId,
          template: 'REMINDER',
          language: 'en',
          subject: 'See you soon',
          body: 'Dear {{name}}, see you at {{editionTitle}}.',
        },
      },
      token,
    );
    await run(
      `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
      {
        input: {
          editionId,
          serialPrefix: `A${year}`,
          signatories: [{ name: 'Chair', position: 'Chair of the Commission' }],
        },
      },
      token,
    );
    const certificate = await run(
      `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`,
      { input: { kind: 'CONFERENCE_ATTENDANCE', editionId, personId } },
      token,
    );
    // The registrant asks for a visa letter while the edition is still to come.
    const clock = t.app.get(Clock);
    const now = clock.now.bind(clock);
    clock.now = () => new Date(`${year}-07-01T09:00:00Z`);
    let letterId: string;
    try {
      const letter = await run(
        `mutation($input: RequestInvitationLetterInput!) { requestInvitationLetter(input: $input) { id } }`,
        {
          input: {
            registrationId,
            passport: {
              nameAsInPassport: 'KARIMOVA DILNOZA',
              nationality: 'UZ',
              passportNumber: `AA${year}123`,
              dateOfBirth: '1984-03-17',
            },
          },
        },
        personId === people.p1 ? P1.token : P2.token,
      );
      letterId = letter.requestInvitationLetter.id;
    } finally {
      clock.now = now;
    }
    return {
      letterId,
      editionId,
      partnerId: partner.addEditionPartner.id,
      sessionId: session.addAgendaSession.id,
      workingGroupId: group.createWorkingGroup.id,
      registrationId,
      recommendationId,
      templateOverrideId: override.setTemplateOverride.id,
      certificateId: certificate.issueCertificate.id,
      messageId: await firstMessage({ editionId }),
    };
  }

  const programmeId = (await aProgramme(host).titled(`Seminars ${tag}`).create(t, PO.token)).id;
  const E1 = await eventSide('Fergana', T1, people.p1, P1.token);
  const E2 = await eventSide('Namangan', T2, people.p2, P2.token);

  async function eventSide(
    region: string,
    trainer: { id: string; token: string },
    personId: string,
    traineeToken: string,
  ): Promise<EventSide> {
    const { id: eventId } = await aTrainingEvent(programmeId)
      .titled(`Seminar in ${region}`)
      .in(region, region)
      .on('2023-03-14', '2023-03-15')
      .ledBy(trainer.id)
      .create(t, PO.token);
    const { id: enrollmentId } = await enroll(t, eventId, personId, trainer.token);
    for (const day of ['2023-03-14', '2023-03-15']) {
      await attendanceOn(eventId, day)
        .present(enrollmentId, 'Sat in the front row')
        .record(t, trainer.token);
    }
    await run(
      `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
      {
        input: {
          trainingEventId: eventId,
          serialPrefix: `T${region.slice(0, 3).toUpperCase()}`,
          signatories: [{ name: 'Head', position: 'Head of the Academy' }],
        },
      },
      trainer.token,
    );
    const certificate = await run(
      `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`,
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId, personId } },
      trainer.token,
    );
    const job = await run(
      `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id } }`,
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: eventId } },
      trainer.token,
    );
    return {
      eventId,
      enrollmentId,
      certificateId: certificate.issueCertificate.id,
      jobId: job.issueCertificates.id,
      messageId: await firstMessage({ trainingEventId: eventId }),
      evaluation: await evaluationOf(eventId, trainer.token, personId, traineeToken),
    };
  }

  /** An anonymous END evaluation of the event, sent: the trainee's mail carries the token. */
  async function evaluationOf(
    eventId: string,
    trainerToken: string,
    personId: string,
    traineeToken: string,
  ): Promise<EventSide['evaluation']> {
    const words = { en: 'Satisfied?', ru: 'Довольны?', uz: 'Mamnunmisiz?' };
    const saved = await run(
      `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { id questions { id } } }`,
      {
        input: {
          trainingEventId: eventId,
          kind: 'END',
          anonymous: true,
          reminderDays: 7,
          questions: [{ type: 'RATING', text: words, lowLabel: words, highLabel: words }],
        },
      },
      trainerToken,
    );
    const formId = saved.saveEvaluationForm.id as string;
    await run(
      `mutation($id: ID!) { sendEvaluation(formId: $id) { id } }`,
      { id: formId },
      trainerToken,
    );
    const mail = await t.app
      .get(MikroORM)
      .em.fork()
      .findOneOrFail(OutboxMessage, { template: 'EVALUATION_INVITATION', personId });
    const token = /\/evaluate\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
    const mine = await run(`{ myEvaluations { id } }`, {}, traineeToken);
    return {
      formId,
      invitationId: mine.myEvaluations[0].id as string,
      token,
      questionId: saved.saveEvaluationForm.questions[0].id as string,
    };
  }

  const knowledgeTestId = (
    await run(
      `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
      {
        input: {
          programmeId,
          passMark: 70,
          questions: [
            {
              type: 'TRUE_FALSE',
              text: {
                en: 'Consent is irrelevant.',
                ru: 'Согласие не важно.',
                uz: 'Rozilik ahamiyatsiz.',
              },
              correct: [0],
            },
          ],
        },
      },
      PO.token,
    )
  ).createKnowledgeTest.id as string;
  await run(
    `mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`,
    { id: knowledgeTestId },
    PO.token,
  );

  const F1 = await account('FOCAL_POINT', 'F1');
  const F2 = await account('FOCAL_POINT', 'F2');
  const D1 = await delegationSide('KZ', `f1-${tag}@access.test`);
  const D2 = await delegationSide('KG', `f2-${tag}@access.test`);

  async function delegationSide(country: string, focalEmail: string): Promise<DelegationSide> {
    const created = await run(
      `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`,
      { input: { editionId: B.editionId, kind: 'COUNTRY', country, seats: 50 } },
      OB.token,
    );
    const delegationId = created.createDelegation.id as string;
    await run(
      `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { id } }`,
      { input: { delegationId, email: focalEmail, fullName: `Focal ${country}`, language: 'EN' } },
      OB.token,
    );
    const nominationId = await aNomination(t, delegationId);
    return { delegationId, nominationId };
  }

  async function firstMessage(filter: Record<string, string>): Promise<string> {
    const data = await run(
      `query($filter: OutboxFilter) { outbox(filter: $filter, first: 1) { nodes { id } } }`,
      { filter },
    );
    const [message] = data.outbox.nodes;
    if (!message) throw new Error(`No mail queued for ${JSON.stringify(filter)}`);
    return message.id;
  }

  return {
    tokens: {
      anonymous: undefined,
      P1: P1.token,
      P2: P2.token,
      T1: T1.token,
      T2: T2.token,
      PO: PO.token,
      OA: OA.token,
      OB: OB.token,
      F1: F1.token,
      F2: F2.token,
      admin,
    },
    userIds: {
      P1: P1.id,
      P2: P2.id,
      T1: T1.id,
      T2: T2.id,
      PO: PO.id,
      OA: OA.id,
      OB: OB.id,
      F1: F1.id,
      F2: F2.id,
      admin: (await t.ok(`{ me { id } }`, {}, admin)).me.id,
    },
    seriesId,
    organizations: { host, addedByOA },
    people,
    A,
    B,
    programmeId,
    knowledgeTestId,
    E1,
    E2,
    D1,
    D2,
  };
}

let nominees = 0;

/** A draft nomination of a new person (by an admin), with its letter; `submitted` sends it. */
export async function aNomination(
  t: TestApp,
  delegationId: string,
  submitted = false,
): Promise<string> {
  const n = ++nominees;
  const made = await t.ok(
    `mutation($input: NominateInput!) { nominate(input: $input) { id } }`,
    {
      input: {
        delegationId,
        nameLatin: `Nominee ${randomUUID().slice(0, 6)} ${n}`,
        nameCyrillic: `Кандидат ${n}`,
        category: 'INVESTIGATOR',
        listed: true,
      },
    },
    t.adminToken,
  );
  const id = made.nominate.id as string;
  await t.ok(
    `mutation($input: NominationLetterInput!) { uploadNominationLetter(input: $input) { id } }`,
    { input: { nominationId: id, letter: LETTER } },
    t.adminToken,
  );
  if (submitted)
    await t.ok(`mutation($id: ID!) { submitNomination(id: $id) { id } }`, { id }, t.adminToken);
  return id;
}
