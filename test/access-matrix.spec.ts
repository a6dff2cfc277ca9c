import { MikroORM } from '@mikro-orm/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLField,
  GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isScalarType,
} from 'graphql';
import { aPerson } from './factories';
import {
  TINY_PNG_BASE64,
  AccessWorld,
  AccountRole,
  ACTORS,
  ActorName,
  aNomination,
  buildAccessWorld,
  LETTER,
  ROLE_OF,
} from './support/access-world';
import { DatabaseSnapshots } from './support/db-snapshot';
import { decodeQr } from './support/pdf';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

/**
 * Who may do what, checked from the schema: every root query and mutation is classified
 * below, and each one that names an object (an id argument, or an id inside its input)
 * is run by every kind of user against their own and others' objects. A refusal must
 * follow the one rule (UNAUTHENTICATED for anonymous callers; NOT_FOUND for what the
 * caller may not see; FORBIDDEN for what they may see but not do, or for a role that may
 * never do it), return no data and change nothing in the database. A field or download
 * route that is not classified here fails the test: classify it in the same commit.
 */

type Vars = Record<string, unknown>;
type Roles = readonly AccountRole[] | 'anyone';

interface Target {
  label: string;
  variables: Vars;
  /** Who may do it (the first one runs it, for mutations). */
  allowed: readonly ActorName[];
  /** Who may see the object named (refused with FORBIDDEN rather than NOT_FOUND). */
  visible: readonly ActorName[];
}

/** An operation on an object named by id. */
interface ObjectRule {
  kind: 'object';
  query: string;
  /** The roles that may ever do it; any other role may be refused before any lookup. */
  roles: Roles;
  targets(w: AccessWorld, t: TestApp): Target[] | Promise<Target[]>;
}

/** An operation on no particular object (lists of one's own, creating, templates). */
interface OpenRule {
  kind: 'open';
  query: string;
  variables?(w: AccessWorld): Vars;
  allowed: readonly ActorName[];
}

/** Logging in and out: who may is decided by credentials, tested in the accounts tests. */
interface CredentialsRule {
  kind: 'credentials';
}

type Rule = ObjectRule | OpenRule | CredentialsRule;

const everyone = ACTORS;
const loggedIn = ACTORS.filter((a) => a !== 'anonymous');
const staff: ActorName[] = ['T1', 'T2', 'PO', 'OA', 'OB', 'admin'];
const STAFF_ROLES: AccountRole[] = ['ADMIN', 'ORGANIZER', 'TRAINER'];
const ORGANIZING: AccountRole[] = ['ADMIN', 'ORGANIZER'];

// Who sees and runs each side of the world (see access-world.ts).
const A = { manage: ['OA', 'admin'], see: everyone } as const;
// Edition B is unpublished: its delegations' focal points (F1, F2) see it all the same.
const B = { manage: ['OB', 'admin'], see: ['OB', 'admin', 'P2', 'F1', 'F2'] } as const;
const E1 = { run: ['T1', 'PO', 'admin'], see: ['T1', 'PO', 'admin', 'P1'] } as const;
const E2 = { run: ['T2', 'PO', 'admin'], see: ['T2', 'PO', 'admin', 'P2'] } as const;
const G = { manage: ['PO', 'admin'], see: ['PO', 'T1', 'T2', 'admin', 'P1', 'P2'] } as const;

/** The edition sides A and B, for an operation on an edition. */
function onEditions(variables: (side: 'A' | 'B', w: AccessWorld) => Vars) {
  return (w: AccessWorld): Target[] => [
    { label: 'edition A', variables: variables('A', w), allowed: A.manage, visible: A.see },
    { label: 'edition B', variables: variables('B', w), allowed: B.manage, visible: B.see },
  ];
}

/** The registration of each edition: its registrant (P1, P2) and the edition's staff. */
function onRegistrations(w: AccessWorld): Target[] {
  return [
    {
      label: 'A',
      variables: { id: w.A.registrationId },
      allowed: ['P1', ...A.manage],
      visible: ['P1', ...A.manage],
    },
    {
      label: 'B',
      variables: { id: w.B.registrationId },
      allowed: ['P2', ...B.manage],
      visible: ['P2', ...B.manage],
    },
  ];
}

// The delegations at edition B: their focal point and B's organizers manage each.
const D1 = { manage: ['F1', ...B.manage], organize: B.manage } as const;
const D2 = { manage: ['F2', ...B.manage], organize: B.manage } as const;

/**
 * The delegations D1 and D2 (or what `variables` names of each): managed by their focal
 * point and the edition's organizers; `organizers` for what only the latter may do.
 */
function onDelegations(
  variables: (side: 'D1' | 'D2', w: AccessWorld, t: TestApp) => Vars | Promise<Vars>,
  who: 'manage' | 'organize' = 'manage',
) {
  return async (w: AccessWorld, t: TestApp): Promise<Target[]> => [
    {
      label: 'D1',
      variables: await variables('D1', w, t),
      allowed: D1[who],
      visible: D1.manage,
    },
    {
      label: 'D2',
      variables: await variables('D2', w, t),
      allowed: D2[who],
      visible: D2.manage,
    },
  ];
}

/** The invitation letter of each edition: its person (P1, P2) and the edition's organizers. */
function onLetters(variables: (id: string) => Vars = (id) => ({ id })) {
  return (w: AccessWorld): Target[] => [
    {
      label: 'letter A',
      variables: variables(w.A.letterId),
      allowed: ['P1', ...A.manage],
      visible: ['P1', ...A.manage],
    },
    {
      label: 'letter B',
      variables: variables(w.B.letterId),
      allowed: ['P2', ...B.manage],
      visible: ['P2', ...B.manage],
    },
  ];
}

/** The list of participants: public once published (A), else its organizers'; internal: organizers. */
function participantLists(variables: (id: string, internal: boolean) => Vars) {
  return (w: AccessWorld): Target[] => [
    {
      label: 'A public',
      variables: variables(w.A.editionId, false),
      allowed: A.see,
      visible: A.see,
    },
    {
      label: 'B public',
      variables: variables(w.B.editionId, false),
      allowed: B.manage,
      visible: B.see,
    },
    {
      label: 'A internal',
      variables: variables(w.A.editionId, true),
      allowed: A.manage,
      visible: A.see,
    },
    {
      label: 'B internal',
      variables: variables(w.B.editionId, true),
      allowed: B.manage,
      visible: B.see,
    },
  ];
}

/** The event sides E1 and E2, for an operation on a training event. */
function onEvents(variables: (side: 'E1' | 'E2', w: AccessWorld) => Vars) {
  return (w: AccessWorld): Target[] => [
    { label: 'event E1', variables: variables('E1', w), allowed: E1.run, visible: E1.see },
    { label: 'event E2', variables: variables('E2', w), allowed: E2.run, visible: E2.see },
  ];
}

const object = (query: string, roles: Roles, targets: ObjectRule['targets']): ObjectRule => ({
  kind: 'object',
  query,
  roles,
  targets,
});
const open = (query: string, allowed: readonly ActorName[], variables?: OpenRule['variables']) =>
  ({ kind: 'open', query, allowed, variables }) as OpenRule;
const credentials: CredentialsRule = { kind: 'credentials' };

const signatories = [{ name: 'Chair', position: 'Chair of the Commission' }];
const fresh = () => Math.random().toString(36).slice(2, 8);

/** A person only the admin added and nobody's event has: for operations that need a new one. */
const newPerson = async (t: TestApp) => (await aPerson().create(t)).id;

const RULES: Record<string, Rule> = {
  // --- queries -----------------------------------------------------------------
  agendaDay: object(`query($e: ID!) { agendaDay(editionId: $e, day: 1) { id } }`, 'anyone', (w) => [
    { label: 'edition A', variables: { e: w.A.editionId }, allowed: A.see, visible: A.see },
    { label: 'edition B', variables: { e: w.B.editionId }, allowed: B.see, visible: B.see },
  ]),
  attendanceHistory: object(
    `query($id: ID!) { attendanceHistory(enrollmentId: $id) { day status } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ id: w[side].enrollmentId })),
  ),
  badge: object(
    `query($r: ID!) { badge(registrationId: $r) { role } }`,
    'anyone',
    badgesOf((id) => ({ r: id }), 'see'),
  ),
  badgeCheckInCount: object(
    `query($e: ID!) { badgeCheckInCount(editionId: $e) { checkedIn } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  badges: object(
    `query($e: ID!) { badges(editionId: $e) { role } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  certificate: object(`query($id: ID!) { certificate(id: $id) { serial } }`, 'anyone', (w) => [
    {
      label: 'A',
      variables: { id: w.A.certificateId },
      allowed: ['P1', ...A.manage],
      visible: ['P1', ...A.manage],
    },
    {
      label: 'B',
      variables: { id: w.B.certificateId },
      allowed: ['P2', ...B.manage],
      visible: ['P2', ...B.manage],
    },
    { label: 'E1', variables: { id: w.E1.certificateId }, allowed: E1.see, visible: E1.see },
    { label: 'E2', variables: { id: w.E2.certificateId }, allowed: E2.see, visible: E2.see },
  ]),
  certificateSettings: object(
    `query($event: CertificateEventInput!) { certificateSettings(event: $event) { serialPrefix } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({ event: { editionId: w[side].editionId } }))(w),
      ...onEvents((side) => ({ event: { trainingEventId: w[side].eventId } }))(w),
    ],
  ),
  certificates: object(
    `query($filter: CertificateFilter!) { certificates(filter: $filter) { totalCount } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({ filter: { editionId: w[side].editionId } }))(w),
      ...onEvents((side) => ({ filter: { trainingEventId: w[side].eventId } }))(w),
    ],
  ),
  conferenceSeries: open(`{ conferenceSeries { id } }`, everyone),
  documentJob: object(`query($id: ID!) { documentJob(id: $id) { status } }`, STAFF_ROLES, (w) => [
    { label: 'E1', variables: { id: w.E1.jobId }, allowed: E1.run, visible: E1.run },
    { label: 'E2', variables: { id: w.E2.jobId }, allowed: E2.run, visible: E2.run },
  ]),
  edition: object(`query($id: ID!) { edition(id: $id) { title } }`, 'anyone', (w) => [
    { label: 'edition A', variables: { id: w.A.editionId }, allowed: A.see, visible: A.see },
    { label: 'edition B', variables: { id: w.B.editionId }, allowed: B.see, visible: B.see },
  ]),
  editions: object(
    `query($s: ID!) { editions(filter: { seriesId: $s }) { nodes { id } } }`,
    'anyone',
    (w) => [
      { label: 'series', variables: { s: w.seriesId }, allowed: everyone, visible: everyone },
    ],
  ),
  evaluationByToken: open(
    `query($token: String!) { evaluationByToken(token: $token) { id answered } }`,
    everyone,
    (w) => ({ token: w.E1.evaluation.token }),
  ),
  evaluationForms: object(
    `query($e: ID, $t: ID) { evaluationForms(editionId: $e, trainingEventId: $t) { id } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({ e: w[side].editionId }))(w),
      ...onEvents((side) => ({ t: w[side].eventId }))(w),
    ],
  ),
  evaluationResults: object(
    `query($id: ID!) { evaluationResults(formId: $id) { answered } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ id: w[side].evaluation.formId })),
  ),
  invitationLetter: object(
    `query($id: ID!) { invitationLetter(id: $id) { status } }`,
    'anyone',
    onLetters(),
  ),
  invitationLetterPassport: object(
    `query($id: ID!) { invitationLetterPassport(id: $id) { passportNumber } }`,
    'anyone',
    onLetters(),
  ),
  invitationLetters: object(
    `query($e: ID!) { invitationLetters(editionId: $e) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  mailTemplates: open(`{ mailTemplates { template } }`, loggedIn),
  me: open(`{ me { id } }`, loggedIn),
  myCertificates: open(`{ myCertificates { id } }`, loggedIn),
  myEnrollments: open(`{ myEnrollments { id } }`, loggedIn),
  myEvaluations: open(`{ myEvaluations { id } }`, loggedIn),
  myInvitationLetters: open(`{ myInvitationLetters { id } }`, loggedIn),
  myRegistrations: open(`{ myRegistrations { id } }`, loggedIn),
  organization: object(`query($id: ID!) { organization(id: $id) { name } }`, STAFF_ROLES, (w) => [
    { label: 'host', variables: { id: w.organizations.host }, allowed: staff, visible: staff },
  ]),
  organizations: open(`{ organizations { totalCount } }`, staff),
  outbox: object(
    `query($filter: OutboxFilter) { outbox(filter: $filter) { totalCount } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({ filter: { editionId: w[side].editionId } }))(w),
      ...onEvents((side) => ({ filter: { trainingEventId: w[side].eventId } }))(w),
    ],
  ),
  participantList: object(
    `query($e: ID!, $scope: ParticipantListScope) { participantList(editionId: $e, scope: $scope) { name } }`,
    'anyone',
    participantLists((e, internal) => ({ e, scope: internal ? 'INTERNAL' : 'PUBLIC' })),
  ),
  people: object(
    `query($o: ID) { people(filter: { organizationId: $o }) { totalCount } }`,
    STAFF_ROLES,
    (w) => [
      { label: 'host', variables: { o: w.organizations.host }, allowed: staff, visible: staff },
    ],
  ),
  person: object(`query($id: ID!) { person(id: $id) { fullName } }`, 'anyone', (w) => [
    {
      label: 'p1',
      variables: { id: w.people.p1 },
      allowed: [...staff, 'P1'],
      visible: [...staff, 'P1'],
    },
    {
      label: 'p2',
      variables: { id: w.people.p2 },
      allowed: [...staff, 'P2'],
      visible: [...staff, 'P2'],
    },
  ]),
  openKnowledgeTest: object(
    `mutation($id: ID!) { openKnowledgeTest(testId: $id) { opened } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'G',
        variables: { id: w.knowledgeTestId },
        allowed: G.manage,
        visible: ['PO', 'admin', 'T1', 'T2'],
      },
    ],
  ),
  previewMailing: object(
    `query($input: MailingInput!) { previewMailing(input: $input) { recipients } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({
        input: { template: 'REMINDER', audience: { editionId: w[side].editionId } },
      }))(w),
      ...onEditions((side) => ({
        input: { template: 'REMINDER', audience: { workingGroupId: w[side].workingGroupId } },
      }))(w).map((target) => ({ ...target, label: `working group of ${target.label}` })),
      ...onEvents((side) => ({
        input: { template: 'ENROLLMENT_CONFIRMED', audience: { trainingEventId: w[side].eventId } },
      }))(w),
    ],
  ),
  registration: object(
    `query($id: ID!) { registration(id: $id) { status } }`,
    'anyone',
    onRegistrations,
  ),
  registrations: object(
    `query($e: ID!) { registrations(editionId: $e) { totalCount } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  series: object(`query($id: ID!) { series(id: $id) { name } }`, 'anyone', (w) => [
    { label: 'series', variables: { id: w.seriesId }, allowed: everyone, visible: everyone },
  ]),
  delegation: object(
    `query($id: ID!) { delegation(id: $id) { seatsLeft nominations { id } focalPoints { email } } }`,
    'anyone',
    onDelegations((side, w) => ({ id: w[side].delegationId })),
  ),
  myDelegations: open(`{ myDelegations { id } }`, loggedIn),
  nomination: object(
    `query($id: ID!) { nomination(id: $id) { status hasLetter } }`,
    'anyone',
    onDelegations((side, w) => ({ id: w[side].nominationId })),
  ),
  eventKnowledgeScores: object(
    `query($e: ID!) { eventKnowledgeScores(eventId: $e) { pre post } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ e: w[side].eventId })),
  ),
  eventKnowledgeTest: object(
    `query($e: ID!) { eventKnowledgeTest(eventId: $e) { id passMark } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ e: w[side].eventId })),
  ),
  knowledgeResults: object(
    `query($p: ID) { knowledgeResults(scope: { programmeId: $p }) { totals { pairs } } }`,
    STAFF_ROLES,
    (w) => [
      { label: 'programme', variables: { p: w.programmeId }, allowed: staff, visible: staff },
    ],
  ),
  // The trainee's own test: to everyone else the event does not exist.
  myKnowledgeTest: object(
    `query($e: ID!) { myKnowledgeTest(eventId: $e, kind: PRE) { open questions { text } } }`,
    'anyone',
    (w) => [
      { label: 'E1', variables: { e: w.E1.eventId }, allowed: ['P1'], visible: ['P1'] },
      { label: 'E2', variables: { e: w.E2.eventId }, allowed: ['P2'], visible: ['P2'] },
    ],
  ),
  // A programme's targets and actual figures: its organizers and admins, not its trainers.
  programmeTargets: object(
    `query($p: ID!) { programmeTargets(programmeId: $p) { label lines { measure target actual percent } } }`,
    ORGANIZING,
    (w) => [{ label: 'G', variables: { p: w.programmeId }, allowed: G.manage, visible: G.see }],
  ),
  programmeKnowledgeTest: object(
    `query($p: ID!) { programmeKnowledgeTest(programmeId: $p) { id } }`,
    ORGANIZING,
    (w) => [{ label: 'G', variables: { p: w.programmeId }, allowed: G.manage, visible: G.see }],
  ),
  // The trainer pool and the cascade: the programme's organizers; those who see it, FORBIDDEN.
  trainerPool: object(
    `query($p: ID!) { trainerPool(programmeId: $p) { trainer { id fullName } } }`,
    ORGANIZING,
    (w) => [{ label: 'G', variables: { p: w.programmeId }, allowed: G.manage, visible: G.see }],
  ),
  programmeCascade: object(
    `query($p: ID!) { programmeCascade(programmeId: $p) { reach { total } } }`,
    ORGANIZING,
    (w) => [{ label: 'G', variables: { p: w.programmeId }, allowed: G.manage, visible: G.see }],
  ),
  templateOverrides: object(
    `query($e: ID!) { templateOverrides(editionId: $e) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  trainingEvent: object(
    `query($id: ID!) { trainingEvent(id: $id) { title } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ id: w[side].eventId })),
  ),
  trainingEvents: object(
    `query($p: ID) { trainingEvents(filter: { programmeId: $p }) { totalCount } }`,
    STAFF_ROLES,
    (w) => [
      { label: 'programme', variables: { p: w.programmeId }, allowed: staff, visible: staff },
    ],
  ),
  trainingIndicators: object(
    `query($p: ID) { trainingIndicators(filter: { programmeId: $p }) { totals { enrollments } } }`,
    STAFF_ROLES,
    (w) => [
      { label: 'programme', variables: { p: w.programmeId }, allowed: staff, visible: staff },
    ],
  ),
  trainingProgrammes: open(`{ trainingProgrammes { id } }`, staff),
  users: open(`{ users { id } }`, ['admin']),

  // --- mutations ---------------------------------------------------------------
  approveInvitationLetter: object(
    `mutation($id: ID!, $input: ApproveInvitationLetterInput!) { approveInvitationLetter(id: $id, input: $input) { id } }`,
    ORGANIZING,
    (w) =>
      onLetters((id) => ({ id, input: { signatoryName: 'Chair', signatoryPosition: 'Chair' } }))(
        w,
      ).map((target) => ({
        ...target,
        allowed: target.allowed.filter((a) => a !== 'P1' && a !== 'P2'),
      })),
  ),
  declineInvitationLetter: object(
    `mutation($id: ID!) { declineInvitationLetter(id: $id, reason: "Incomplete") { id } }`,
    ORGANIZING,
    (w) =>
      onLetters()(w).map((target) => ({
        ...target,
        allowed: target.allowed.filter((a) => a !== 'P1' && a !== 'P2'),
      })),
  ),
  requestInvitationLetter: object(
    `mutation($input: RequestInvitationLetterInput!) { requestInvitationLetter(input: $input) { id } }`,
    ['PARTICIPANT'],
    (w) =>
      onRegistrations(w).map((target) => ({
        ...target,
        variables: {
          input: {
            registrationId: target.variables.id,
            passport: {
              nameAsInPassport: 'KARIMOVA DILNOZA',
              nationality: 'UZ',
              passportNumber: 'AB1234567',
              dateOfBirth: '1984-03-17',
            },
          },
        },
        // The registrant asks (the edition has ended: a CONFLICT, not a refusal).
        allowed: target.allowed.filter((a) => a === 'P1' || a === 'P2'),
      })),
  ),
  setListedConsent: object(
    `mutation($id: ID!) { setListedConsent(registrationId: $id, listed: true) { id } }`,
    'anyone',
    (w) =>
      onRegistrations(w).map((target) => ({
        ...target,
        allowed: target.allowed.filter((a) => a === 'P1' || a === 'P2'),
      })),
  ),
  addAgendaSession: object(
    `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      e: w[side].editionId,
      input: {
        day: 2,
        startTime: '09:00',
        endTime: '09:30',
        kind: 'OPENING',
        title: `Opening ${fresh()}`,
      },
    })),
  ),
  addEditionPartner: object(
    `mutation($e: ID!, $input: PartnerInput!) { addEditionPartner(editionId: $e, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      e: w[side].editionId,
      input: { organizationId: w.organizations.host, role: 'FUNDER' },
    })),
  ),
  addRecommendation: object(
    `mutation($e: ID!, $input: AddRecommendationInput!) { addRecommendation(editionId: $e, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId, input: { text: 'Train border guards.' } })),
  ),
  addSessionSpeaker: object(
    `mutation($s: ID!, $input: SpeakerInput!) { addSessionSpeaker(sessionId: $s, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ s: w[side].sessionId, input: { personId: w.people.speakerA } })),
  ),
  addWorkingGroupFacilitator: object(
    `mutation($g: ID!, $p: ID!) { addWorkingGroupFacilitator(workingGroupId: $g, personId: $p) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ g: w[side].workingGroupId, p: w.people.speakerA })),
  ),
  addWorkingGroupMember: object(
    `mutation($g: ID!, $r: ID!) { addWorkingGroupMember(workingGroupId: $g, registrationId: $r) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ g: w[side].workingGroupId, r: w[side].registrationId })),
  ),
  assignEditionOrganizer: object(
    `mutation($e: ID!, $u: ID!) { assignEditionOrganizer(editionId: $e, userId: $u) { id } }`,
    ORGANIZING,
    async (w, t) => {
      // A new organizer account: assigning one of the world's would change who manages what.
      const user = await newAccount(t, 'ORGANIZER');
      return onEditions((side) => ({ e: w[side].editionId, u: user }))(w);
    },
  ),
  assignProgrammeOrganizer: object(
    `mutation($p: ID!, $u: ID!) { assignProgrammeOrganizer(programmeId: $p, userId: $u) { id } }`,
    ORGANIZING,
    async (w, t) => [
      {
        label: 'programme',
        variables: { p: w.programmeId, u: await newAccount(t, 'ORGANIZER') },
        allowed: G.manage,
        visible: G.see,
      },
    ],
  ),
  assignTrainer: object(
    `mutation($e: ID!, $u: ID!) { assignTrainer(eventId: $e, userId: $u) { id } }`,
    ORGANIZING,
    async (w, t) => {
      const user = await newAccount(t, 'TRAINER');
      return onEvents((side) => ({ e: w[side].eventId, u: user }))(w).map((target) => ({
        ...target,
        allowed: G.manage,
      }));
    },
  ),
  cancelRegistration: object(
    `mutation($id: ID!) { cancelRegistration(id: $id) { status } }`,
    'anyone',
    (w, t) => freshRegistrations(w, t),
  ),
  changeEditionStatus: object(
    `mutation($id: ID!, $s: EditionStatus!) { changeEditionStatus(id: $id, status: $s) { status } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      id: w[side].editionId,
      s: side === 'A' ? 'REGISTRATION_OPEN' : 'PLANNING',
    })),
  ),
  checkInByBadge: object(
    `mutation($e: ID!, $token: String!, $at: String) { checkInByBadge(editionId: $e, token: $token, scannedAt: $at) { day } }`,
    ORGANIZING,
    async (w, t) => {
      // The token each side's badge QR code carries (printed by the admin), scanned on day 2.
      const tokens: Record<'A' | 'B', string> = { A: '', B: '' };
      for (const side of ['A', 'B'] as const) {
        const pdf = await t.download(
          `/documents/badges/${w[side].registrationId}.pdf`,
          t.adminToken,
        );
        tokens[side] = await decodeQr(pdf.body);
      }
      return onEditions((side) => ({
        e: w[side].editionId,
        token: tokens[side],
        at: `${side === 'A' ? 2022 : 2023}-07-29T10:00:00+05:00`,
      }))(w);
    },
  ),
  checkIn: object(
    `mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`,
    ORGANIZING,
    (w) =>
      registrationsOf(w, (side) => ({
        input: {
          registrationId: w[side].registrationId,
          day: side === 'A' ? '2022-07-28' : '2023-07-28',
        },
      })),
  ),
  configureCertificates: object(
    `mutation($input: CertificateSettingsInput!) { configureCertificates(input: $input) { serialPrefix } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({
        input: { editionId: w[side].editionId, serialPrefix: `C${side}`, signatories },
      }))(w),
      ...onEvents((side) => ({
        input: { trainingEventId: w[side].eventId, serialPrefix: `C${side}`, signatories },
      }))(w),
    ],
  ),
  confirmRegistration: object(
    `mutation($id: ID!) { confirmRegistration(id: $id) { status } }`,
    ORGANIZING,
    (w) => registrationsOf(w, (side) => ({ id: w[side].registrationId })),
  ),
  correctAttendance: object(
    `mutation($input: CorrectMarkInput!) { correctAttendance(input: $input) { status } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({
      input: { enrollmentId: w[side].enrollmentId, day: '2023-03-14', status: 'PRESENT' },
    })),
  ),
  createConferenceSeries: open(
    `mutation { createConferenceSeries(input: { name: "Series ${fresh()}" }) { id } }`,
    ['admin'],
  ),
  createEdition: object(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'series',
        variables: {
          input: {
            seriesId: w.seriesId,
            year: 2031,
            title: 'Regional conference 2031',
            hostCountry: 'KZ',
            city: 'Astana',
            startDate: '2031-07-28',
            endDate: '2031-07-29',
          },
        },
        // Admins, and the organizers of an edition of the series.
        allowed: ['admin', 'OA', 'OB'],
        visible: everyone,
      },
    ],
  ),
  createOrganization: open(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    staff,
    () => ({
      input: { name: `Prosecutor's Office ${fresh()}`, type: 'GOVERNMENT', country: 'KG' },
    }),
  ),
  createPerson: object(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    STAFF_ROLES,
    (w) => [
      {
        label: 'in an organization',
        variables: {
          input: {
            fullName: `Aziz Rakhimov ${fresh()}`,
            country: 'UZ',
            organizationId: w.organizations.host,
          },
        },
        allowed: staff,
        visible: staff,
      },
    ],
  ),
  // Tests are written by the programme's organizers; its trainers read them.
  createKnowledgeTest: object(
    `mutation($input: CreateKnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
    ORGANIZING,
    (w) =>
      (['E1', 'E2'] as const).map((side) => ({
        label: `event ${side}`,
        variables: { input: { eventId: w[side].eventId, passMark: 60 } },
        allowed: G.manage,
        visible: side === 'E1' ? E1.see : E2.see,
      })),
  ),
  createTrainingEvent: object(
    `mutation($p: ID!, $input: CreateTrainingEventInput!) { createTrainingEvent(programmeId: $p, input: $input) { id } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'programme',
        variables: {
          p: w.programmeId,
          input: {
            title: 'Seminar in Andijan',
            country: 'UZ',
            region: 'Andijan',
            city: 'Andijan',
            startDate: '2023-04-11',
            endDate: '2023-04-12',
          },
        },
        allowed: G.manage,
        visible: G.see,
      },
    ],
  ),
  createTrainingProgramme: object(
    `mutation($input: CreateProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'owned by the host',
        variables: { input: { title: `Programme ${fresh()}`, ownerId: w.organizations.host } },
        allowed: ['admin', 'PO', 'OA', 'OB'],
        visible: staff,
      },
    ],
  ),
  createUser: object(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    ['ADMIN'],
    async (w, t) => {
      // Whoever sets an account's password can become its person: only admins create accounts.
      const email = `new-${fresh()}@access.test`;
      const person = await aPerson().withEmail(email).create(t);
      const input = (fields: Vars) => ({ input: { password: 'a-long-password-2', ...fields } });
      return [
        {
          label: 'a trainer',
          variables: input({ email: `trainer-${email}`, role: 'TRAINER' }),
          allowed: ['admin'],
          visible: [],
        },
        {
          // A person has at most one account: a CONFLICT even for the admin.
          label: "a participant for P1's person, who has an account",
          variables: input({ email: `again-${email}`, role: 'PARTICIPANT', personId: w.people.p1 }),
          allowed: ['admin'],
          visible: [],
        },
        {
          label: 'a participant for a person without one',
          variables: input({ email, role: 'PARTICIPANT', personId: person.id }),
          allowed: ['admin'],
          visible: [],
        },
      ];
    },
  ),
  createWorkingGroup: object(
    `mutation($e: ID!, $input: CreateWorkingGroupInput!) { createWorkingGroup(editionId: $e, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId, input: { name: `Group ${fresh()}` } })),
  ),
  declineInvitation: object(
    `mutation($id: ID!) { declineInvitation(id: $id) { status } }`,
    'anyone',
    onRegistrations,
  ),
  enrollTrainee: object(
    `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`,
    STAFF_ROLES,
    async (w, t) => {
      const person = await newPerson(t);
      return onEvents((side) => ({ e: w[side].eventId, p: person }))(w);
    },
  ),
  enterKnowledgeScores: object(
    `mutation($e: ID!, $s: [PaperScoreInput!]!) { enterKnowledgeScores(eventId: $e, kind: POST, scores: $s) { post } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({
      e: w[side].eventId,
      s: [{ enrollmentId: w[side].enrollmentId, score: 80 }],
    })),
  ),
  exchangeLoginLink: credentials,
  importRoster: object(
    `mutation($e: ID!, $csv: String!) { importRoster(eventId: $e, csv: $csv) { stored } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ e: w[side].eventId, csv: `full_name\nRustam Aliyev ${fresh()}\n` })),
  ),
  inviteParticipant: object(
    `mutation($input: RegisterParticipantInput!) { inviteParticipant(input: $input) { id } }`,
    ORGANIZING,
    async (w, t) => {
      const person = await newPerson(t);
      return onEditions((side) => ({ input: { editionId: w[side].editionId, personId: person } }))(
        w,
      );
    },
  ),
  issueCertificate: object(
    `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({
        input: {
          kind: 'CONFERENCE_ATTENDANCE',
          editionId: w[side].editionId,
          personId: side === 'A' ? w.people.p1 : w.people.p2,
        },
      }))(w),
      ...onEvents((side) => ({
        input: {
          kind: 'TRAINING_COMPLETION',
          trainingEventId: w[side].eventId,
          personId: side === 'E1' ? w.people.p1 : w.people.p2,
        },
      }))(w),
    ],
  ),
  issueCertificates: object(
    `mutation($input: IssueCertificatesInput!) { issueCertificates(input: $input) { id } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({
        input: { kind: 'CONFERENCE_ATTENDANCE', editionId: w[side].editionId },
      }))(w),
      ...onEvents((side) => ({
        input: { kind: 'TRAINING_COMPLETION', trainingEventId: w[side].eventId },
      }))(w),
    ],
  ),
  changePassword: credentials,
  confirmEmailChange: credentials,
  login: credentials,
  logout: credentials,
  logoutEverywhere: credentials,
  requestEmailChange: credentials,
  saveEvaluationForm: object(
    `mutation($input: SaveEvaluationFormInput!) { saveEvaluationForm(input: $input) { id } }`,
    STAFF_ROLES,
    (w) => {
      const words = { en: 'Applied?', ru: 'Применяете?', uz: 'Qoʻllayapsizmi?' };
      const form = {
        anonymous: true,
        reminderDays: 7,
        questions: [{ type: 'TEXT', text: words }],
      };
      return [
        ...onEditions((side) => ({
          input: { ...form, editionId: w[side].editionId, kind: 'END' },
        }))(w),
        ...onEvents((side) => ({
          input: { ...form, trainingEventId: w[side].eventId, kind: 'FOLLOW_UP', monthsAfter: 6 },
        }))(w),
      ];
    },
  ),
  sendEvaluation: object(
    `mutation($id: ID!) { sendEvaluation(formId: $id) { id } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ id: w[side].evaluation.formId })),
  ),
  // A sent form is never deleted: those who run the event get CONFLICT, others a refusal.
  deleteEvaluationForm: object(
    `mutation($id: ID!) { deleteEvaluationForm(formId: $id) }`,
    STAFF_ROLES,
    onEvents((side, w) => ({ id: w[side].evaluation.formId })),
  ),
  submitEvaluation: object(
    `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { answered } }`,
    'anyone',
    (w) =>
      (['E1', 'E2'] as const).map((side) => {
        const owner = side === 'E1' ? 'P1' : 'P2';
        const { invitationId, questionId } = w[side].evaluation;
        return {
          label: `invitation of ${owner}`,
          variables: { input: { invitationId, answers: [{ questionId, rating: 4 }] } },
          allowed: [owner],
          visible: [owner],
        };
      }),
  ),
  setMyLanguage: open(`mutation { setMyLanguage(language: RU) { id } }`, loggedIn),
  markAttendance: object(
    `mutation($input: MarkDayInput!) { markAttendance(input: $input) { status } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({
      input: {
        eventId: w[side].eventId,
        day: '2023-03-15',
        marks: [{ enrollmentId: w[side].enrollmentId, status: 'PRESENT' }],
      },
    })),
  ),
  // The event's place in the cascade is the programme's: its trainers see it, FORBIDDEN.
  markEventCascade: object(
    `mutation($e: ID!) { markEventCascade(eventId: $e, input: { trainingOfTrainers: false }) { id } }`,
    ORGANIZING,
    (w) =>
      onEvents((side) => ({ e: w[side].eventId }))(w).map((t) => ({ ...t, allowed: G.manage })),
  ),
  moveAgendaSession: object(
    `mutation($id: ID!) { moveAgendaSession(id: $id, direction: LATER) { id } }`,
    ORGANIZING,
    async (w, t) => {
      // Two new sessions on each side, so that the first one has a later neighbour.
      const ids: Record<string, string> = {};
      for (const side of ['A', 'B'] as const) {
        for (const [startTime, endTime] of [
          ['17:00', '17:30'],
          ['17:30', '18:00'],
        ]) {
          const data = await t.ok(
            `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
            {
              e: w[side].editionId,
              input: { day: 2, startTime, endTime, kind: 'SPEECH', title: 'Speech' },
            },
            t.adminToken,
          );
          ids[side] ??= data.addAgendaSession.id;
        }
      }
      return onEditions((side) => ({ id: ids[side] }))(w);
    },
  ),
  recordFollowUp: object(
    `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { status } }`,
    ORGANIZING,
    (w) => [
      {
        label: "at B, on A's recommendation",
        variables: {
          input: {
            editionId: w.B.editionId,
            recommendationId: w.A.recommendationId,
            status: 'IMPLEMENTED',
          },
        },
        allowed: B.manage,
        visible: B.see,
      },
    ],
  ),
  registerForEdition: object(
    `mutation($e: ID!) { registerForEdition(editionId: $e) { id } }`,
    ['PARTICIPANT'],
    (w) => [
      // P1 and P2 may (P1 is already registered: a CONFLICT, not a refusal).
      {
        label: 'edition A',
        variables: { e: w.A.editionId },
        allowed: ['P1', 'P2'],
        visible: A.see,
      },
      // P2 is registered for B and sees it; it is not open for registration.
      { label: 'edition B', variables: { e: w.B.editionId }, allowed: ['P2'], visible: B.see },
    ],
  ),
  registerParticipant: object(
    `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
    ORGANIZING,
    async (w, t) => {
      const person = await newPerson(t);
      return onEditions((side) => ({ input: { editionId: w[side].editionId, personId: person } }))(
        w,
      );
    },
  ),
  reissueCertificate: object(
    `mutation($input: ReissueCertificateInput!) { reissueCertificate(input: $input) { id } }`,
    STAFF_ROLES,
    (w) => certificatesOf(w, (id) => ({ input: { certificateId: id } })),
  ),
  removeBadgePhoto: object(
    `mutation($r: ID!) { removeBadgePhoto(registrationId: $r) { role } }`,
    'anyone',
    badgesOf((id) => ({ r: id }), 'see'),
  ),
  removeAgendaSession: object(
    `mutation($id: ID!) { removeAgendaSession(id: $id) }`,
    ORGANIZING,
    async (w, t) => {
      // New sessions: removing the world's would leave later operations nothing to act on.
      const ids: Record<string, string> = {};
      for (const side of ['A', 'B'] as const) {
        const data = await t.ok(
          `mutation($e: ID!, $input: AgendaSessionInput!) { addAgendaSession(editionId: $e, input: $input) { id } }`,
          {
            e: w[side].editionId,
            input: {
              day: 2,
              startTime: '16:00',
              endTime: '16:30',
              kind: 'CLOSING',
              title: 'Closing',
            },
          },
          t.adminToken,
        );
        ids[side] = data.addAgendaSession.id;
      }
      return onEditions((side) => ({ id: ids[side] }))(w);
    },
  ),
  removeEditionPartner: object(
    `mutation($id: ID!) { removeEditionPartner(partnerId: $id) }`,
    ORGANIZING,
    onEditions((side, w) => ({ id: w[side].partnerId })),
  ),
  removeSessionSpeaker: object(
    `mutation($s: ID!, $p: ID!) { removeSessionSpeaker(sessionId: $s, personId: $p) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ s: w[side].sessionId, p: w.people.speakerA })),
  ),
  removeTemplateOverride: object(
    `mutation($id: ID!) { removeTemplateOverride(id: $id) }`,
    ORGANIZING,
    onEditions((side, w) => ({ id: w[side].templateOverrideId })),
  ),
  removeWorkingGroupFacilitator: object(
    `mutation($g: ID!, $p: ID!) { removeWorkingGroupFacilitator(workingGroupId: $g, personId: $p) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ g: w[side].workingGroupId, p: w.people.speakerA })),
  ),
  removeWorkingGroupMember: object(
    `mutation($g: ID!, $r: ID!) { removeWorkingGroupMember(workingGroupId: $g, registrationId: $r) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ g: w[side].workingGroupId, r: w[side].registrationId })),
  ),
  requestLoginLink: credentials,
  retryMail: object(`mutation($id: ID!) { retryMail(id: $id) { state } }`, STAFF_ROLES, (w) => [
    { label: 'mail of A', variables: { id: w.A.messageId }, allowed: A.manage, visible: A.manage },
    { label: 'mail of B', variables: { id: w.B.messageId }, allowed: B.manage, visible: B.manage },
    { label: 'mail of E1', variables: { id: w.E1.messageId }, allowed: E1.run, visible: E1.run },
  ]),
  revokeBadge: object(
    `mutation($r: ID!) { revokeBadge(registrationId: $r) { revocations } }`,
    ORGANIZING,
    badgesOf((id) => ({ r: id }), 'manage'),
  ),
  revokeCertificate: object(
    `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { status } }`,
    STAFF_ROLES,
    (w) =>
      certificatesOf(w, (id) => ({ input: { certificateId: id, reason: 'Issued by mistake' } })),
  ),
  sendBadges: object(
    `mutation($e: ID!) { sendBadges(editionId: $e) }`,
    ORGANIZING,
    onEditions((side, w) => ({ e: w[side].editionId })),
  ),
  sendMailing: object(
    `mutation($input: MailingInput!) { sendMailing(input: $input) { queued } }`,
    STAFF_ROLES,
    (w) => [
      ...onEditions((side) => ({
        input: { template: 'REMINDER', audience: { editionId: w[side].editionId } },
      }))(w),
      ...onEvents((side) => ({
        input: { template: 'ENROLLMENT_CONFIRMED', audience: { trainingEventId: w[side].eventId } },
      }))(w),
    ],
  ),
  setBadgeRole: object(
    `mutation($r: ID!) { setBadgeRole(registrationId: $r, role: PRESS) { role } }`,
    ORGANIZING,
    badgesOf((id) => ({ r: id }), 'manage'),
  ),
  setRecommendationStatus: object(
    `mutation($id: ID!) { setRecommendationStatus(id: $id, status: ADOPTED) { status } }`,
    ORGANIZING,
    onEditions((side, w) => ({ id: w[side].recommendationId })),
  ),
  setRotation: object(
    `mutation($s: ID!, $input: SetRotationInput!) { setRotation(seriesId: $s, input: $input) { id } }`,
    ['ADMIN'],
    (w) => [
      {
        label: 'series',
        variables: { s: w.seriesId, input: { slots: [{ year: 2032, hostCountry: 'TJ' }] } },
        allowed: ['admin'],
        visible: everyone,
      },
    ],
  ),
  setTemplateOverride: object(
    `mutation($input: TemplateOverrideInput!) { setTemplateOverride(input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      input: {
        editionId: w[side].editionId,
        template: 'REMINDER',
        language: 'ru',
        subject: 'До встречи',
        body: 'Уважаемый(ая) {{name}}!',
      },
    })),
  ),
  translateTrainingEvent: object(
    `mutation($e: ID!, $input: TrainingTranslationsInput!) { translateTrainingEvent(eventId: $e, input: $input) { id } }`,
    STAFF_ROLES,
    onEvents((side, w) => ({
      e: w[side].eventId,
      input: { translations: [{ field: 'title', ru: 'Семинар' }] },
    })),
  ),
  // The recommendations a programme or one event implements: its programme's organizers.
  setProgrammeRecommendations: object(
    `mutation($p: ID!, $r: [ID!]!) { setProgrammeRecommendations(programmeId: $p, recommendationIds: $r) { implementsRecommendations { number } } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'programme',
        variables: { p: w.programmeId, r: [w.A.recommendationId] },
        allowed: G.manage,
        visible: G.see,
      },
    ],
  ),
  setEventRecommendations: object(
    `mutation($e: ID!, $r: [ID!]!) { setEventRecommendations(eventId: $e, recommendationIds: $r) { implementsRecommendations { number } } }`,
    ORGANIZING,
    (w) =>
      (['E1', 'E2'] as const).map((side) => ({
        label: `event ${side}`,
        variables: { e: w[side].eventId, r: [w.A.recommendationId] },
        allowed: G.manage,
        visible: side === 'E1' ? E1.see : E2.see,
      })),
  ),
  setProgrammeTargets: object(
    `mutation($input: SetProgrammeTargetsInput!) { setProgrammeTargets(input: $input) { label } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'G',
        variables: {
          input: {
            programmeId: w.programmeId,
            from: '2023-01-01',
            to: '2023-12-31',
            peopleTrained: 9,
          },
        },
        allowed: G.manage,
        visible: G.see,
      },
    ],
  ),
  removeProgrammeTargets: object(
    `mutation($p: ID!) { removeProgrammeTargets(programmeId: $p, from: "2023-01-01", to: "2023-12-31") { label } }`,
    ORGANIZING,
    (w) => [{ label: 'G', variables: { p: w.programmeId }, allowed: G.manage, visible: G.see }],
  ),
  translateTrainingProgramme: object(
    `mutation($p: ID!, $input: TrainingTranslationsInput!) { translateTrainingProgramme(programmeId: $p, input: $input) { id } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'programme',
        variables: {
          p: w.programmeId,
          input: { translations: [{ field: 'title', uz: 'Dastur' }] },
        },
        allowed: G.manage,
        visible: G.see,
      },
    ],
  ),
  undoCheckIn: object(
    `mutation($input: CheckInInput!) { undoCheckIn(input: $input) { id } }`,
    ORGANIZING,
    (w) =>
      registrationsOf(w, (side) => ({
        input: {
          registrationId: w[side].registrationId,
          day: side === 'A' ? '2022-07-29' : '2023-07-29',
        },
      })),
  ),
  updateAgendaSession: object(
    `mutation($id: ID!, $input: UpdateAgendaSessionInput!) { updateAgendaSession(id: $id, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ id: w[side].sessionId, input: { room: 'Hall 2' } })),
  ),
  updateEdition: object(
    `mutation($id: ID!, $input: UpdateEditionInput!) { updateEdition(id: $id, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({ id: w[side].editionId, input: { venue: 'Congress Hall' } })),
  ),
  updateOrganization: object(
    `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
    STAFF_ROLES,
    (w) => [
      {
        label: 'added by the admin',
        variables: { id: w.organizations.host, input: { acronym: 'NC' } },
        allowed: ['admin'],
        visible: staff,
      },
      {
        label: 'added by OA',
        variables: { id: w.organizations.addedByOA, input: { acronym: 'MoJ' } },
        allowed: ['OA', 'admin'],
        visible: staff,
      },
    ],
  ),
  uploadBadgePhoto: object(
    `mutation($r: ID!, $photo: String!) { uploadBadgePhoto(registrationId: $r, photo: $photo) { role } }`,
    'anyone',
    badgesOf((id) => ({ r: id, photo: TINY_PNG_BASE64 }), 'see'),
  ),
  updatePerson: object(
    `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }`,
    STAFF_ROLES,
    (w) => [
      {
        label: 'p1',
        variables: { id: w.people.p1, input: { position: 'Judge' } },
        allowed: ['OA', 'T1', 'PO', 'admin'],
        visible: [...staff, 'P1'],
      },
      {
        label: 'p2',
        variables: { id: w.people.p2, input: { position: 'Judge' } },
        allowed: ['OB', 'T2', 'PO', 'admin'],
        visible: [...staff, 'P2'],
      },
    ],
  ),
  updateRecommendation: object(
    `mutation($id: ID!, $input: UpdateRecommendationInput!) { updateRecommendation(id: $id, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      id: w[side].recommendationId,
      input: { translations: [{ field: 'text', ru: 'Рекомендация' }] },
    })),
  ),
  updateSessionSpeaker: object(
    `mutation($s: ID!, $p: ID!, $input: UpdateSpeakerInput!) { updateSessionSpeaker(sessionId: $s, personId: $p, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      s: w[side].sessionId,
      p: side === 'A' ? w.people.speakerA : w.people.speakerB,
      input: { translations: [{ field: 'titleOnAgenda', ru: 'Судья', uz: 'Sudya' }] },
    })),
  ),
  updateWorkingGroup: object(
    `mutation($id: ID!, $input: UpdateWorkingGroupInput!) { updateWorkingGroup(id: $id, input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      id: w[side].workingGroupId,
      input: { topic: 'Prevention online' },
    })),
  ),
  // --- delegations (edition B) -------------------------------------------------
  createDelegation: object(
    `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`,
    ORGANIZING,
    onEditions((side, w) => ({
      input: { editionId: w[side].editionId, kind: 'COUNTRY', country: 'TJ', seats: 3 },
    })),
  ),
  setDelegationSeats: object(
    `mutation($input: DelegationSeatsInput!) { setDelegationSeats(input: $input) { seats } }`,
    ORGANIZING,
    onDelegations(
      (side, w) => ({
        input: {
          delegationId: w[side].delegationId,
          seats: 40,
          categorySeats: [{ category: 'JUDGE', seats: 2 }],
        },
      }),
      'organize',
    ),
  ),
  setDelegationHead: object(
    `mutation($input: DelegationHeadInput!) { setDelegationHead(input: $input) { id } }`,
    ORGANIZING,
    onDelegations((side, w) => ({ input: { delegationId: w[side].delegationId } }), 'organize'),
  ),
  removeDelegation: object(
    `mutation($id: ID!) { removeDelegation(id: $id) }`,
    ORGANIZING,
    async (w, t) => {
      const targets: Target[] = [];
      for (const side of ['A', 'B'] as const) {
        const data = await t.ok(
          `mutation($input: CreateDelegationInput!) { createDelegation(input: $input) { id } }`,
          {
            input: { editionId: w[side].editionId, kind: 'COUNTRY', country: 'AF', seats: 2 },
          },
          t.adminToken,
        );
        const scope = side === 'A' ? A : B;
        targets.push({
          label: `new in ${side}`,
          variables: { id: data.createDelegation.id },
          allowed: scope.manage,
          visible: scope.manage,
        });
      }
      return targets;
    },
  ),
  inviteFocalPoint: object(
    `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { id } }`,
    ORGANIZING,
    onDelegations(
      (side, w) => ({
        input: {
          delegationId: w[side].delegationId,
          email: `focal-${fresh()}@access.test`,
          fullName: 'Second Focal Point',
          language: 'RU',
        },
      }),
      'organize',
    ),
  ),
  removeFocalPoint: object(
    `mutation($d: ID!, $u: ID!) { removeFocalPoint(delegationId: $d, userId: $u) { id } }`,
    ORGANIZING,
    onDelegations(async (side, w, t) => {
      const email = `focal-${fresh()}@access.test`;
      const data = await t.ok(
        `mutation($input: InviteFocalPointInput!) { inviteFocalPoint(input: $input) { focalPoints { userId email } } }`,
        {
          input: { delegationId: w[side].delegationId, email, fullName: 'Extra', language: 'EN' },
        },
        t.adminToken,
      );
      const added = data.inviteFocalPoint.focalPoints.find(
        (f: { email: string }) => f.email === email,
      );
      return { d: w[side].delegationId, u: added.userId };
    }, 'organize'),
  ),
  nominate: object(
    `mutation($input: NominateInput!) { nominate(input: $input) { id } }`,
    'anyone',
    onDelegations((side, w) => ({
      input: {
        delegationId: w[side].delegationId,
        nameLatin: `Nominee ${fresh()}`,
        nameCyrillic: 'Кандидат Новый',
        category: 'JUDGE',
        listed: false,
      },
    })),
  ),
  uploadNominationLetter: object(
    `mutation($input: NominationLetterInput!) { uploadNominationLetter(input: $input) { id } }`,
    'anyone',
    onDelegations((side, w) => ({ input: { nominationId: w[side].nominationId, letter: LETTER } })),
  ),
  // The trainee submits their own test (P1 in E1, P2 in E2).
  submitKnowledgeTest: object(
    `mutation($e: ID!) { submitKnowledgeTest(eventId: $e, kind: PRE, answers: [[0]]) { score } }`,
    'anyone',
    (w) => [
      { label: 'E1', variables: { e: w.E1.eventId }, allowed: ['P1'], visible: ['P1'] },
      { label: 'E2', variables: { e: w.E2.eventId }, allowed: ['P2'], visible: ['P2'] },
    ],
  ),
  submitNomination: object(
    `mutation($id: ID!) { submitNomination(id: $id) { id } }`,
    'anyone',
    onDelegations(async (side, w, t) => ({ id: await aNomination(t, w[side].delegationId) })),
  ),
  submitNominations: object(
    `mutation($d: ID!) { submitNominations(delegationId: $d) { id } }`,
    'anyone',
    onDelegations(async (side, w, t) => {
      await aNomination(t, w[side].delegationId);
      return { d: w[side].delegationId };
    }),
  ),
  withdrawNomination: object(
    `mutation($id: ID!) { withdrawNomination(id: $id) { id } }`,
    'anyone',
    onDelegations(async (side, w, t) => ({ id: await aNomination(t, w[side].delegationId) })),
  ),
  approveNomination: object(
    `mutation($id: ID!) { approveNomination(id: $id) { id } }`,
    ORGANIZING,
    onDelegations(
      async (side, w, t) => ({ id: await aNomination(t, w[side].delegationId, true) }),
      'organize',
    ),
  ),
  declineNomination: object(
    `mutation($input: DeclineNominationInput!) { declineNomination(input: $input) { id } }`,
    ORGANIZING,
    onDelegations(
      async (side, w, t) => ({
        input: {
          nominationId: await aNomination(t, w[side].delegationId, true),
          reason: 'The seats are taken.',
        },
      }),
      'organize',
    ),
  ),
  updateKnowledgeTest: object(
    `mutation($id: ID!) { updateKnowledgeTest(testId: $id, input: { passMark: 70 }) { id } }`,
    ORGANIZING,
    (w) => [
      {
        label: 'G',
        variables: { id: w.knowledgeTestId },
        allowed: G.manage,
        visible: ['PO', 'admin', 'T1', 'T2'],
      },
    ],
  ),
  withdrawTrainee: object(
    `mutation($id: ID!) { withdrawTrainee(enrollmentId: $id) { status } }`,
    STAFF_ROLES,
    async (w, t) => {
      // New enrollments: withdrawing the world's would change who completed what.
      const targets: Target[] = [];
      for (const side of ['E1', 'E2'] as const) {
        const person = await newPerson(t);
        const data = await t.ok(
          `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`,
          { e: w[side].eventId, p: person },
          t.adminToken,
        );
        const scope = side === 'E1' ? E1 : E2;
        targets.push({
          label: side,
          variables: { id: data.enrollTrainee.id },
          allowed: scope.run,
          visible: scope.run,
        });
      }
      return targets;
    },
  ),
};

/** The world's registrations: seen by their own person and the edition's organizers. */
function registrationsOf(w: AccessWorld, variables: (side: 'A' | 'B') => Vars): Target[] {
  return [
    {
      label: "P1's in A",
      variables: variables('A'),
      allowed: A.manage,
      visible: ['P1', ...A.manage],
    },
    {
      label: "P2's in B",
      variables: variables('B'),
      allowed: B.manage,
      visible: ['P2', ...B.manage],
    },
  ];
}

/**
 * The badges of the world's registrations: seen (and given a photo) by their own person and
 * the edition's organizers, managed by the organizers.
 */
function badgesOf(variables: (registrationId: string) => Vars, who: 'see' | 'manage') {
  return (w: AccessWorld): Target[] =>
    (['A', 'B'] as const).map((side) => {
      const scope = side === 'A' ? A : B;
      const own: ActorName = side === 'A' ? 'P1' : 'P2';
      return {
        label: `badge of ${own} in ${side}`,
        variables: variables(w[side].registrationId),
        allowed: who === 'see' ? [own, ...scope.manage] : scope.manage,
        visible: [own, ...scope.manage],
      };
    });
}

/** The world's certificates: seen by their holder and managed by the event's staff. */
function certificatesOf(w: AccessWorld, variables: (id: string) => Vars): Target[] {
  return [
    {
      label: 'A',
      variables: variables(w.A.certificateId),
      allowed: A.manage,
      visible: ['P1', ...A.manage],
    },
    {
      label: 'B',
      variables: variables(w.B.certificateId),
      allowed: B.manage,
      visible: ['P2', ...B.manage],
    },
    { label: 'E1', variables: variables(w.E1.certificateId), allowed: E1.run, visible: E1.see },
    { label: 'E2', variables: variables(w.E2.certificateId), allowed: E2.run, visible: E2.see },
  ];
}

/** New registrations of people without accounts: cancelling the world's would change it. */
async function freshRegistrations(w: AccessWorld, t: TestApp): Promise<Target[]> {
  const targets: Target[] = [];
  for (const side of ['A', 'B'] as const) {
    const data = await t.ok(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      { input: { editionId: w[side].editionId, personId: await newPerson(t) } },
      t.adminToken,
    );
    const scope = side === 'A' ? A : B;
    targets.push({
      label: `new in ${side}`,
      variables: { id: data.registerParticipant.id },
      allowed: scope.manage,
      visible: scope.manage,
    });
  }
  return targets;
}

async function newAccount(t: TestApp, role: AccountRole): Promise<string> {
  const data = await t.ok(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        email: `${role.toLowerCase()}-${fresh()}@access.test`,
        password: 'a-long-password-3',
        role,
      },
    },
    t.adminToken,
  );
  return data.createUser.id;
}

// --- download routes -------------------------------------------------------------

interface RouteTarget {
  label: string;
  path: string;
  allowed: readonly ActorName[];
  visible: readonly ActorName[];
}
type RouteRule =
  | { kind: 'object'; targets(w: AccessWorld): RouteTarget[] }
  | { kind: 'open'; path: string; allowed: readonly ActorName[] }
  | { kind: 'credentials' };

/** A route on each edition: run by its organizers, or by everyone who sees it. */
const onEditionRoute = (path: (id: string) => string, who: 'manage' | 'see'): RouteRule => ({
  kind: 'object',
  targets: (w) => [
    { label: 'A', path: path(w.A.editionId), allowed: A[who], visible: A.see },
    { label: 'B', path: path(w.B.editionId), allowed: B[who], visible: B.see },
  ],
});

/** A route on each training event: for those who run it. */
const onEventRoute = (path: (id: string) => string): RouteRule => ({
  kind: 'object',
  targets: (w) => [
    { label: 'E1', path: path(w.E1.eventId), allowed: E1.run, visible: E1.see },
    { label: 'E2', path: path(w.E2.eventId), allowed: E2.run, visible: E2.see },
  ],
});

const ROUTES: Record<string, RouteRule> = {
  'GET /documents/badges/:registrationId.pdf': {
    kind: 'object',
    targets: (w) =>
      badgesOf(
        (id) => ({ id }),
        'see',
      )(w).map((target) => ({
        label: target.label,
        path: `/documents/badges/${String(target.variables.id)}.pdf`,
        allowed: target.allowed,
        visible: target.visible,
      })),
  },
  'GET /documents/badges/:registrationId/photo': {
    kind: 'object',
    targets: (w) =>
      badgesOf(
        (id) => ({ id }),
        'see',
      )(w).map((target) => ({
        label: target.label,
        path: `/documents/badges/${String(target.variables.id)}/photo`,
        allowed: target.allowed,
        visible: target.visible,
      })),
  },
  'GET /documents/editions/:id/badges.pdf': onEditionRoute(
    (id) => `/documents/editions/${id}/badges.pdf`,
    'manage',
  ),
  'GET /documents/certificates/:id.pdf': {
    kind: 'object',
    // The holder downloads their own, as the event's staff do.
    targets: (w) =>
      certificatesOf(w, (id) => ({ id })).map((target) => ({
        label: target.label,
        path: `/documents/certificates/${String(target.variables.id)}.pdf`,
        allowed: target.visible,
        visible: target.visible,
      })),
  },
  'GET /documents/editions/:id/certificates.zip': onEditionRoute(
    (id) => `/documents/editions/${id}/certificates.zip`,
    'manage',
  ),
  'GET /documents/training-events/:id/certificates.zip': onEventRoute(
    (id) => `/documents/training-events/${id}/certificates.zip`,
  ),
  'GET /documents/editions/:id/recommendations.pdf': onEditionRoute(
    (id) => `/documents/editions/${id}/recommendations.pdf`,
    'see',
  ),
  'GET /documents/editions/:id/agenda.pdf': onEditionRoute(
    (id) => `/documents/editions/${id}/agenda.pdf`,
    'see',
  ),
  'GET /editions/:id/agenda.ics': onEditionRoute((id) => `/editions/${id}/agenda.ics`, 'see'),
  'GET /documents/invitation-letters/:id.pdf': {
    kind: 'object',
    // The person and the organizers (and whoever requested it: here the person).
    targets: (w) =>
      onLetters()(w).map((target) => ({
        label: target.label,
        path: `/documents/invitation-letters/${String(target.variables.id)}.pdf`,
        allowed: target.allowed,
        visible: target.visible,
      })),
  },
  'GET /documents/editions/:id/participants.pdf': {
    kind: 'object',
    targets: (w) =>
      participantLists((id, internal) => ({ id, internal }))(w).map((target) => ({
        label: target.label,
        path: `/documents/editions/${String(target.variables.id)}/participants.pdf${target.variables.internal ? '?scope=internal' : ''}`,
        allowed: target.allowed,
        visible: target.visible,
      })),
  },
  'GET /documents/editions/:id/participants.csv': {
    kind: 'object',
    targets: (w) =>
      participantLists((id, internal) => ({ id, internal }))(w).map((target) => ({
        label: target.label,
        path: `/documents/editions/${String(target.variables.id)}/participants.csv${target.variables.internal ? '?scope=internal' : ''}`,
        allowed: target.allowed,
        visible: target.visible,
      })),
  },
  'GET /documents/training-events/:id/attendance-report.pdf': onEventRoute(
    (id) => `/documents/training-events/${id}/attendance-report.pdf`,
  ),
  'GET /trainings/events/:id/roster.csv': onEventRoute(
    (id) => `/trainings/events/${id}/roster.csv`,
  ),
  ...Object.fromEntries(
    (['pdf', 'csv'] as const).map((kind) => [
      `GET /trainings/programmes/:id/donor-report.${kind}`,
      {
        kind: 'object',
        targets: (w: AccessWorld): RouteTarget[] => [
          {
            label: 'G',
            path: `/trainings/programmes/${w.programmeId}/donor-report.${kind}?from=2023-01-01&to=2023-12-31`,
            allowed: G.manage,
            visible: G.see,
          },
        ],
      } satisfies RouteRule,
    ]),
  ),
  'GET /trainings/knowledge.csv': {
    kind: 'open',
    path: '/trainings/knowledge.csv',
    allowed: staff,
  },
  'GET /trainings/indicators.csv': {
    kind: 'open',
    path: '/trainings/indicators.csv',
    allowed: staff,
  },
  'GET /documents/nominations/:id/letter.pdf': {
    kind: 'object',
    targets: (w) =>
      (['D1', 'D2'] as const).map((side) => ({
        label: side,
        path: `/documents/nominations/${w[side].nominationId}/letter.pdf`,
        allowed: side === 'D1' ? D1.manage : D2.manage,
        visible: side === 'D1' ? D1.manage : D2.manage,
      })),
  },
  'GET /evaluations/:id/results.csv': {
    kind: 'object',
    targets: (w) => [
      {
        label: 'E1',
        path: `/evaluations/${w.E1.evaluation.formId}/results.csv`,
        allowed: E1.run,
        visible: E1.see,
      },
      {
        label: 'E2',
        path: `/evaluations/${w.E2.evaluation.formId}/results.csv`,
        allowed: E2.run,
        visible: E2.see,
      },
    ],
  },
  'GET /verify/:code': { kind: 'open', path: '/verify/AAAA-BBBB-CCCC-DDDD-EEEE', allowed: [] },
  'GET /health': { kind: 'open', path: '/health', allowed: everyone },
  'GET /ready': { kind: 'open', path: '/ready', allowed: everyone },
};

// --- checking ------------------------------------------------------------------

type Outcome = 'ok' | 'reached' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL';

function outcomeOf(res: GraphQLResponse): Outcome {
  if (!res.errors?.length) return 'ok';
  const code = res.errors[0].extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
  if (code === 'INTERNAL_SERVER_ERROR' || res.status >= 500) return 'INTERNAL';
  return 'reached';
}

function httpOutcome(status: number): Outcome {
  if (status < 300) return 'ok';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 500) return 'INTERNAL';
  return 'reached';
}

/** What a refusal may say to this actor, by the one rule. */
function allowedRefusals(actor: ActorName, roles: Roles, visible: readonly ActorName[]): Outcome[] {
  const sees = visible.includes(actor);
  if (actor === 'anonymous')
    return sees ? ['UNAUTHENTICATED', 'FORBIDDEN'] : ['UNAUTHENTICATED', 'NOT_FOUND'];
  if (sees) return ['FORBIDDEN'];
  const role = ROLE_OF[actor] as AccountRole;
  return roles === 'anyone' || roles.includes(role) ? ['NOT_FOUND'] : ['FORBIDDEN', 'NOT_FOUND'];
}

/** Whether a root field names an object: an ID argument, or an ID somewhere in its input. */
function takesAnId(field: GraphQLField<unknown, unknown>): boolean {
  const seen = new Set<string>();
  const hasId = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (isScalarType(named)) return named.name === 'ID';
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => hasId(f.type));
  };
  return field.args.some((arg) => hasId(arg.type));
}

// Each test sends hundreds of requests; on a loaded machine that can take minutes.
jest.setTimeout(300_000);

describe('the access matrix: every operation, every kind of user, own and others’ objects', () => {
  let t: TestApp;
  let w: AccessWorld;
  let snapshots: DatabaseSnapshots;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ MAIL_WORKER: 'off' });
    w = await buildAccessWorld(t);
    // A refused login counts against its client (rate_limit_counter): meant to change.
    snapshots = await DatabaseSnapshots.for(t, { ignore: ['rate_limit_counter'] });
    await settle();
  });
  afterAll(() => t.close());

  /** Waits until background certificate jobs have finished writing. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const rows = await t.app
        .get(MikroORM)
        .em.fork()
        .getConnection()
        .execute(`select count(*) as n from document_job where status not in ('DONE', 'FAILED')`);
      if (Number(rows[0].n) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const as = (actor: ActorName) => w.tokens[actor];
  const send = (query: string, variables: Vars, actor: ActorName) =>
    t.gql(query, variables, as(actor));

  function judge(
    where: string,
    actor: ActorName,
    outcome: Outcome,
    allowed: readonly ActorName[],
    refusals: Outcome[],
    res?: GraphQLResponse,
  ): void {
    if (outcome === 'INTERNAL') {
      problems.push(`${where} as ${actor}: INTERNAL error ${JSON.stringify(res?.errors?.[0])}`);
    } else if (allowed.includes(actor)) {
      if (outcome !== 'ok' && outcome !== 'reached')
        problems.push(`${where} as ${actor}: refused with ${outcome}, but they may`);
    } else if (!refusals.includes(outcome)) {
      problems.push(`${where} as ${actor}: ${outcome}, expected ${refusals.join(' or ')}`);
    } else if (res?.data && Object.values(res.data).some((value) => value !== null)) {
      problems.push(`${where} as ${actor}: refused but answered data ${JSON.stringify(res.data)}`);
    }
  }

  it('classifies every root query and mutation of the schema', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const unclassified: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(type!.getFields())) {
        const rule = RULES[field.name];
        if (!rule) unclassified.push(`${type!.name}.${field.name}`);
        else if (takesAnId(field) && rule.kind === 'open')
          unclassified.push(`${type!.name}.${field.name} names an object: give it targets`);
      }
    }
    const known = new Set([
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ]);
    const stale = Object.keys(RULES).filter((name) => !known.has(name));
    expect({ unclassified, stale }).toEqual({ unclassified: [], stale: [] });
  });

  it('classifies every HTTP route', () => {
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const routes = express.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
      )
      // The API itself, and middleware that runs for every path (the bearer token, the
      // request's database context): not routes of their own.
      .filter((route) => !route.endsWith(' /graphql') && !route.endsWith(' /{*all}'));
    const unclassified = routes.filter((route) => !ROUTES[route]);
    expect(unclassified).toEqual([]);
  });

  it('answers every query by the rule, for every kind of user', async () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    for (const name of Object.keys(schema.getQueryType()!.getFields())) {
      await checkRule(name, RULES[name]);
    }
    expect(problems.splice(0)).toEqual([]);
  });

  it('refuses every mutation by the rule, changing nothing, and lets those who may do it', async () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    for (const name of Object.keys(schema.getMutationType()!.getFields())) {
      await checkRule(name, RULES[name]);
    }
    expect(problems.splice(0)).toEqual([]);
  });

  // Object fields for those who run an event only, also where others reach the event
  // (trainees through their enrollments).
  it('answers the manager-only fields of an event only to those who run it', async () => {
    const fields = ['missingTranslations { field }'];
    for (const field of fields) {
      for (const side of ['E1', 'E2'] as const) {
        const rule = object(
          `query($id: ID!) { trainingEvent(id: $id) { ${field} } }`,
          STAFF_ROLES,
          onEvents(() => ({ id: w[side].eventId })),
        );
        for (const target of await rule.targets(w, t)) {
          if (target.label !== `event ${side}`) continue;
          for (const actor of ACTORS) {
            const res = await send(rule.query, target.variables, actor);
            judge(
              `${field} of ${side}`,
              actor,
              outcomeOf(res),
              E1.run === target.allowed ? E1.run : E2.run,
              allowedRefusals(actor, rule.roles, target.visible),
              res,
            );
          }
        }
      }
      // The trainee sees the event through the enrollment, not what is left to translate.
      for (const actor of ['P1', 'P2'] as const) {
        const res = await send(`{ myEnrollments { event { ${field} } } }`, {}, actor);
        judge(`${field} through myEnrollments`, actor, outcomeOf(res), [], ['FORBIDDEN'], res);
      }
    }
    expect(problems.splice(0)).toEqual([]);
  });

  it('answers every download route by the rule', async () => {
    for (const [route, rule] of Object.entries(ROUTES)) {
      if (rule.kind === 'credentials') continue;
      const targets: RouteTarget[] =
        rule.kind === 'open'
          ? [{ label: '', path: rule.path, allowed: rule.allowed, visible: everyone }]
          : rule.targets(w);
      for (const target of targets) {
        for (const actor of ACTORS) {
          const res = await t.download(target.path, as(actor));
          const outcome = httpOutcome(res.status);
          // Open routes answer their own way (the verification page: 404 for an unknown code).
          const refusals: Outcome[] =
            rule.kind === 'open'
              ? ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']
              : allowedRefusals(actor, 'anyone', target.visible);
          judge(`${route} ${target.label}`, actor, outcome, target.allowed, refusals);
        }
      }
    }
    expect(problems.splice(0)).toEqual([]);
  });

  // A field, not a root: the person's public names are everyone's who sees the person, but
  // the spelling offered for fullNameAlt only for those who may save it (updatePerson).
  it('offers the suggested spelling of a name only to those who may edit the person', async () => {
    const person = await aPerson().named('Шоҳруҳ Йўлдошев').create(t);
    await send(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      { input: { editionId: w.A.editionId, personId: person.id } },
      'OA',
    );
    await send(
      `mutation($e: ID!, $p: ID!) { enrollTrainee(eventId: $e, personId: $p) { id } }`,
      { e: w.E1.eventId, p: person.id },
      'T1',
    );
    const editors: ActorName[] = ['OA', 'T1', 'PO', 'admin'];
    const answers: Partial<Record<ActorName, unknown>> = {};
    for (const actor of ACTORS) {
      const res = await send(
        `query($id: ID!) { person(id: $id) { nameCyrillic suggestedAltName } }`,
        { id: person.id },
        actor,
      );
      answers[actor] = res.data?.person ?? outcomeOf(res);
    }
    const expected = Object.fromEntries(
      ACTORS.map((actor) => [
        actor,
        actor === 'anonymous'
          ? 'UNAUTHENTICATED'
          : ['P1', 'P2', 'F1', 'F2'].includes(actor)
            ? 'NOT_FOUND'
            : {
                nameCyrillic: 'Шоҳруҳ Йўлдошев',
                suggestedAltName: editors.includes(actor) ? 'Shohruh Yoʻldoshev' : null,
              },
      ]),
    );
    expect(answers).toEqual(expected);
  });

  async function checkRule(name: string, rule: Rule | undefined): Promise<void> {
    if (!rule || rule.kind === 'credentials') return;
    const mutation = rule.query.trimStart().startsWith('mutation');
    if (rule.kind === 'open') {
      const variables = rule.variables?.(w) ?? {};
      await run(name, rule.query, variables, rule.allowed, everyone, 'anyone', mutation);
      return;
    }
    for (const target of await rule.targets(w, t)) {
      await run(
        `${name} on ${target.label}`,
        rule.query,
        target.variables,
        target.allowed,
        target.visible,
        rule.roles,
        mutation,
      );
    }
  }

  async function run(
    where: string,
    query: string,
    variables: Vars,
    allowed: readonly ActorName[],
    visible: readonly ActorName[],
    roles: Roles,
    mutation: boolean,
  ): Promise<void> {
    if (!mutation) {
      for (const actor of ACTORS) {
        const res = await send(query, variables, actor);
        judge(where, actor, outcomeOf(res), allowed, allowedRefusals(actor, roles, visible), res);
      }
      return;
    }
    // Everyone who may not, first: together they must change nothing at all.
    const before = await snapshots.take();
    for (const actor of ACTORS.filter((a) => !allowed.includes(a))) {
      const res = await send(query, variables, actor);
      judge(where, actor, outcomeOf(res), allowed, allowedRefusals(actor, roles, visible), res);
    }
    for (const change of DatabaseSnapshots.describeChanges(before, await snapshots.take()))
      problems.push(`${where}: a refused request changed data (${change})`);
    // Then one who may, so that the refusals above are not a malformed request.
    const owner = allowed[0];
    if (owner) {
      const res = await send(query, variables, owner);
      judge(where, owner, outcomeOf(res), allowed, [], res);
      await settle();
    }
  }
});
