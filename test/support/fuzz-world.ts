import { MikroORM } from '@mikro-orm/core';
import { Clock } from '@platform/core';
import { anAccount, anEdition, anOrganization, aPerson, aSeries, register } from '../factories';
import { decodeQr } from './pdf';
import { TestApp } from './test-app';

/**
 * A small world made through the API, whose ids make the fuzzed requests valid: an
 * edition with agenda, partners, a working group, registrations and check-ins,
 * recommendations, certificates and a mail override; a later edition; a training
 * programme with an event, enrollments, marks and certificates. Things that a mutation
 * removes or ends (a session, a partner, a registration, an enrollment, a certificate)
 * have a spare of their own, so that removing one leaves the rest usable.
 */
export interface FuzzWorld {
  /** One id per object type name: ids.Edition, ids.Registration… */
  ids: Record<string, string>;
  /** Spares for mutations that end what they touch. */
  spare: Record<string, string>;
  organizer: { id: string; token: string; email: string };
  trainer: { id: string; token: string; email: string };
  participant: { id: string; token: string; email: string };
  /** A person with no account, enrollment or registration yet, from a pool made in advance. */
  newcomer: () => string;
  /** After a request that succeeded: the newcomer it named is one no longer. */
  usedUp(variables: unknown): void;
  /** The token of a login link mailed to a person without an account. */
  loginLinkToken: string;
  /** The token of the link that confirms the participant's new email address. */
  emailChangeToken: string;
  /** The check-in token on the badge of ids.Registration (its QR code). */
  badgeToken: string;
  /** The mailed link token of the training event's sent evaluation, and its first question. */
  evaluation: { token: string; questionId: string };
  /** More series, so that every createEdition can have a year of its own. */
  series: string[];
  edition: { startDate: string; endDate: string };
  event: { startDate: string; endDate: string };
}

const id = (data: Record<string, { id: string }>) => Object.values(data)[0].id;

export async function seedWorld(t: TestApp): Promise<FuzzWorld> {
  const ok = (query: string, variables?: Record<string, unknown>) =>
    t.ok(query, variables, t.adminToken);
  const ids: Record<string, string> = {};
  const spare: Record<string, string> = {};

  const organizer = await anAccount(t, 'ORGANIZER');
  const trainer = await anAccount(t, 'TRAINER');
  ids.User = organizer.id;
  const ministry = await anOrganization().named('Ministry of Internal Affairs', 'MIA').create(t);
  const donor = await anOrganization().named('Donor Agency', 'DA').ofType('DONOR').create(t);
  ids.Organization = ministry.id;
  spare.donor = donor.id;
  const people = [];
  for (let i = 0; i < 6; i++) {
    people.push(
      await aPerson()
        .named(`Trainee ${i} Qodirova`, `Слушатель ${i}`)
        .withEmail(`person-${i}@fuzz.test`)
        .in(ministry.id)
        .officer()
        .create(t),
    );
  }
  const [holder, attendee, speaker, trainee, secondTrainee, invited] = people;
  ids.Person = speaker.id;
  const participant = await anAccount(t, 'PARTICIPANT', holder.id);

  // The conference: a 2022 edition and the 2023 one that follows it up.
  const series = await aSeries(t);
  ids.ConferenceSeries = series.id;
  const editionDates = { startDate: '2022-07-28', endDate: '2022-07-29' };
  const edition = await anEdition(series.id).seats(50).openForRegistration().create(t);
  ids.Edition = edition.id;
  spare.laterEdition = (await anEdition(series.id).inYear(2023).openForRegistration().create(t)).id;
  await ok(
    `mutation($e: ID!, $u: ID!) { assignEditionOrganizer(editionId: $e, userId: $u) { id } }`,
    { e: edition.id, u: organizer.id },
  );
  const partner = `mutation($e: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $e, input: $input) { id } }`;
  ids.EditionPartner = id(
    await ok(partner, { e: edition.id, input: { organizationId: ministry.id, role: 'HOST' } }),
  );
  spare.partner = id(
    await ok(partner, { e: edition.id, input: { organizationId: donor.id, role: 'FUNDER' } }),
  );
  const session = `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`;
  const sessionInput = {
    day: 1,
    startTime: '09:00',
    endTime: '10:00',
    kind: 'PANEL',
    title: 'Use and abuse of technology',
    speakers: [{ personId: speaker.id, titleOnAgenda: 'Expert' }],
  };
  ids.AgendaSession = id(await ok(session, { e: edition.id, input: sessionInput }));
  spare.session = id(await ok(session, { e: edition.id, input: sessionInput }));
  // A later session, so that moving the first one later succeeds.
  await ok(session, {
    e: edition.id,
    input: { ...sessionInput, startTime: '10:00', endTime: '11:00', speakers: [] },
  });

  const registrations = [];
  for (const person of [holder, attendee, speaker]) {
    registrations.push((await register(t, edition.id, person.id)).data.registerParticipant.id);
  }
  ids.Registration = registrations[0];
  spare.notAMember = registrations[1];
  spare.registration = registrations[2];
  spare.holder = holder.id;
  const checkIn = `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`;
  for (const registrationId of registrations.slice(0, 2)) {
    await ok(checkIn, { input: { registrationId, day: editionDates.startDate } });
  }
  // Invitation letters, asked for while the 2022 edition had not ended yet.
  const clock = t.app.get(Clock);
  const now = clock.now.bind(clock);
  clock.now = () => new Date('2022-07-01T09:00:00Z');
  try {
    const requestLetter = async (registrationId: string, token: string) =>
      id(
        await t.ok(
          `mutation($input: RequestInvitationLetterInput!) { requestInvitationLetter(input: $input) { id } }`,
          {
            input: {
              registrationId,
              passport: {
                nameAsInPassport: 'QODIROVA MALIKA',
                nationality: 'UZ',
                passportNumber: 'FA1234567',
                dateOfBirth: '1986-05-04',
              },
            },
          },
          token,
        ),
      );
    ids.InvitationLetter = await requestLetter(registrations[0], participant.token);
    const attendeeAccount = await anAccount(t, 'PARTICIPANT', attendee.id);
    spare.letter = await requestLetter(registrations[1], attendeeAccount.token);
  } finally {
    clock.now = now;
  }
  spare.invitation = id(
    await ok(
      `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id } }`,
      { input: { editionId: edition.id, personId: invited.id } },
    ),
  );
  ids.WorkingGroup = id(
    await ok(
      `mutation($e: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $e, input: $input) { id } }`,
      { e: edition.id, input: { name: 'Prevention', facilitatorIds: [speaker.id] } },
    ),
  );
  await ok(
    `mutation($w: ID!, $r: ID!) { addWorkingGroupMember(workingGroupId: $w, registrationId: $r) { id } }`,
    { w: ids.WorkingGroup, r: registrations[0] },
  );
  ids.Recommendation = id(
    await ok(
      `mutation($e: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $e, input: $input) { id } }`,
      {
        e: edition.id,
        input: {
          text: 'Strengthen cooperation between agencies.',
          workingGroupId: ids.WorkingGroup,
        },
      },
    ),
  );
  await ok(`mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { id } }`, {
    id: ids.Recommendation,
  });
  await ok(
    `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
    {
      input: {
        editionId: edition.id,
        serialPrefix: 'TIP',
        signatories: [{ name: 'Alisher Rahimov', position: 'Chair' }],
      },
    },
  );
  const issue = `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`;
  const certificateOf = async (personId: string) =>
    id(
      await ok(issue, {
        input: { kind: 'CONFERENCE_ATTENDANCE', editionId: edition.id, personId },
      }),
    );
  ids.Certificate = await certificateOf(holder.id);
  spare.certificate = await certificateOf(attendee.id);
  ids.TemplateOverride = id(
    await ok(
      `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id } }`,
      {
        input: {
          editionId: edition.id,
          template: 'REMINDER',
          language: 'en',
          subject: 'See you soon',
          body: 'Dear {{name}},\n\nsee you in {{place}}.',
        },
      },
    ),
  );
  await ok(`mutation($input: MailingInput!) { sendMailing(input: $input) { queued } }`, {
    input: { template: 'REMINDER', audience: { editionId: edition.id } },
  });

  // Delegations: one with a focal point and nominations in every state, one to remove.
  const delegation = `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`;
  ids.Delegation = id(
    await ok(delegation, {
      input: { editionId: edition.id, kind: 'COUNTRY', country: 'UZ', seats: 200 },
    }),
  );
  spare.delegation = id(
    await ok(delegation, {
      input: { editionId: edition.id, kind: 'COUNTRY', country: 'AF', seats: 2 },
    }),
  );
  const focal = await ok(
    `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { focalPoints { userId } } }`,
    {
      input: {
        delegationId: ids.Delegation,
        email: 'focal-point@fuzz.test',
        fullName: 'Focal Point',
        language: 'RU',
      },
    },
  );
  spare.focalPointUser = focal.inviteFocalPoint.focalPoints[0].userId;
  const letter = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
  spare.letter = letter;
  let nominees = 0;
  const nomination = async (submit: boolean) => {
    const made = await ok(`mutation($input: NominateInput!) { nominate(input: $input) { id } }`, {
      input: {
        delegationId: ids.Delegation,
        nameLatin: `Nominee ${++nominees} Rahimov`,
        nameCyrillic: `Кандидат ${nominees} Рахимов`,
        category: 'INVESTIGATOR',
        listed: true,
      },
    });
    const nominationId = made.nominate.id as string;
    await ok(
      `mutation($input: NominationLetterInput!) { uploadNominationLetter(input: $input) { id } }`,
      { input: { nominationId, letter } },
    );
    if (submit)
      await ok(`mutation($id: ID!) { submitNomination(id: $id) { id } }`, { id: nominationId });
    return nominationId;
  };
  ids.Nomination = await nomination(false);
  spare.draftNomination = await nomination(false);
  spare.submittable = await nomination(false);
  spare.toApprove = await nomination(true);
  spare.toDecline = await nomination(true);

  // The training: a programme, an event with two trainees marked on both days.
  ids.TrainingProgramme = id(
    await ok(
      `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
      {
        input: {
          title: 'Investigating trafficking in persons',
          ownerId: ministry.id,
          funderIds: [donor.id],
        },
      },
    ),
  );
  const eventDates = { startDate: '2023-03-14', endDate: '2023-03-15' };
  ids.TrainingEvent = id(
    await ok(
      `mutation($p: ID!, $input: CreateTrainingEventInput!) { createTrainingEvent(programmeId: $p, input: $input) { id } }`,
      {
        p: ids.TrainingProgramme,
        input: {
          title: 'Identification of victims',
          country: 'UZ',
          region: 'Samarkand region',
          city: 'Samarkand',
          ...eventDates,
          trainerIds: [trainer.id],
        },
      },
    ),
  );
  // The programme's knowledge test (one true/false question, in three languages), open.
  ids.KnowledgeTest = id(
    await ok(
      `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
      {
        input: {
          programmeId: ids.TrainingProgramme,
          passMark: 70,
          questions: [
            {
              type: 'TRUE_FALSE',
              text: {
                en: 'Consent of a child is irrelevant.',
                ru: 'Согласие ребёнка не имеет значения.',
                uz: 'Bolaning roziligi ahamiyatsiz.',
              },
              correct: [0],
            },
          ],
        },
      },
    ),
  );
  await ok(`mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`, {
    id: ids.KnowledgeTest,
  });
  const enroll = `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`;
  ids.Enrollment = id(await ok(enroll, { e: ids.TrainingEvent, p: trainee.id }));
  spare.enrollment = id(await ok(enroll, { e: ids.TrainingEvent, p: secondTrainee.id }));
  for (const day of [eventDates.startDate, eventDates.endDate]) {
    await ok(`mutation($input: MarkDayInput!) { markAttendance(input: $input) { day } }`, {
      input: {
        eventId: ids.TrainingEvent,
        day,
        marks: [{ enrollmentId: ids.Enrollment, status: 'PRESENT' }],
      },
    });
  }
  await ok(
    `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
    {
      input: {
        trainingEventId: ids.TrainingEvent,
        serialPrefix: 'TRN',
        signatories: [{ name: 'Malika Yusupova', position: 'Trainer' }],
      },
    },
  );
  ids.DocumentJob = id(
    await ok(
      `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id } }`,
      { input: { kind: 'TRAINING_COMPLETION', trainingEventId: ids.TrainingEvent } },
    ),
  );
  // A message the SMTP server refused for good, for retryMail: no API makes one.
  const outbox = await ok(`{ outbox(first: 1) { nodes { id } } }`);
  ids.OutboxMessage = outbox.outbox.nodes[0].id;
  const connection = t.app.get(MikroORM).em.getConnection();
  await connection.execute(`update outbox_message set state = 'FAILED' where id = ?`, [
    ids.OutboxMessage,
  ]);
  await t.ok(`mutation { requestLoginLink(input: { email: "person-4@fuzz.test" }) }`);
  const [mail] = await connection.execute<{ text: string }[]>(
    `select text from outbox_message where template = 'LOGIN_LINK'`,
  );
  const loginLinkToken = /login-link\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  await t.ok(
    `mutation { requestEmailChange(input: { newEmail: "renamed@fuzz.test" }) }`,
    undefined,
    participant.token,
  );
  const [change] = await connection.execute<{ text: string }[]>(
    `select text from outbox_message where template = 'EMAIL_CHANGE'`,
  );
  const emailChangeToken = /email-change\/([A-Za-z0-9_-]+)/.exec(change.text)![1];

  // An anonymous END evaluation of the event, sent (its trainee's mail has the link), and
  // an unsent one at the edition for deleteEvaluationForm.
  const words = { en: 'Satisfied?', ru: 'Довольны?', uz: 'Mamnunmisiz?' };
  const evaluationInput = {
    kind: 'END',
    anonymous: true,
    reminderDays: 7,
    questions: [{ type: 'RATING', text: words, lowLabel: words, highLabel: words }],
  };
  const saveEvaluation = `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { id questions { id } } }`;
  const evaluation = (
    await ok(saveEvaluation, { input: { ...evaluationInput, trainingEventId: ids.TrainingEvent } })
  ).saveEvaluationForm;
  ids.EvaluationForm = evaluation.id;
  await ok(`mutation($id: ID!) { sendEvaluation(formId: $id) { id } }`, { id: evaluation.id });
  spare.evaluationForm = id(
    await ok(saveEvaluation, { input: { ...evaluationInput, editionId: ids.Edition } }),
  );
  const [invitation] = await connection.execute<{ text: string }[]>(
    `select text from outbox_message where template = 'EVALUATION_INVITATION'`,
  );
  const evaluationToken = /evaluate\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1];

  const badge = await t.download(`/documents/badges/${ids.Registration}.pdf`, t.adminToken);
  const badgeToken = await decodeQr(badge.body);

  const newcomers: string[] = [];
  for (let i = 0; i < 30; i++) {
    newcomers.push(
      (await aPerson().named(`Newcomer ${i}`).withEmail(`new-${i}@fuzz.test`).create(t)).id,
    );
  }
  const moreSeries = [series.id];
  for (let i = 0; i < 4; i++) moreSeries.push((await aSeries(t)).id);
  let next = 0;
  return {
    ids,
    spare,
    organizer,
    trainer,
    participant,
    loginLinkToken,
    emailChangeToken,
    badgeToken,
    evaluation: { token: evaluationToken, questionId: evaluation.questions[0].id },
    // When the pool runs out, the same person again: refused as a duplicate, still fuzzed.
    newcomer: () => newcomers[Math.min(next, newcomers.length - 1)],
    usedUp: (variables) => {
      if (JSON.stringify(variables).includes(newcomers[next])) next++;
    },
    series: moreSeries,
    edition: editionDates,
    event: eventDates,
  };
}
