import { GraphQLResponse, TestApp } from '../support/test-app';

/**
 * Programmes, training events, enrollments and attendance marks, made through the API
 * as organizers and trainers make them:
 *
 *   const programmeId = (await aProgramme(mia.id).fundedBy(inl.id).create(t, organizer.token)).id;
 *   const event = await aTrainingEvent(programmeId).in('Bukhara region', 'Bukhara')
 *     .ledBy(trainer.id).completedAfter({ minDays: 2 }).create(t, organizer.token);
 *   const { id } = await enroll(t, event.id, person.id, trainer.token);
 *   await attendanceOn(event.id, '2023-03-14').present(id).record(t, trainer.token);
 */

export interface CreatedProgramme {
  id: string;
  title: string;
  owner: { name: string };
  funders: { acronym: string | null }[];
}

/** aProgramme(ownerId).titled('…').fundedBy(inl.id).targeting('JUDGE').create(t, token) */
export class ProgrammeBuilder {
  private input: Record<string, unknown>;

  constructor(ownerId: string) {
    this.input = { title: 'Investigating trafficking in persons', ownerId };
  }
  titled(title: string) {
    this.input.title = title;
    return this;
  }
  fundedBy(...funderIds: string[]) {
    this.input.funderIds = funderIds;
    return this;
  }
  /** The professional categories the programme is for (OPERATIONAL_OFFICER, JUDGE, …). */
  targeting(...categories: string[]) {
    this.input.targetCategories = categories;
    return this;
  }
  onTopics(...topics: string[]) {
    this.input.topics = topics;
    return this;
  }
  async create(t: TestApp, token = t.adminToken): Promise<CreatedProgramme> {
    const data = await t.ok(
      `mutation($input: CreateProgrammeInput!) {
        createTrainingProgramme(input: $input) { id title owner { name } funders { acronym } }
      }`,
      { input: this.input },
      token,
    );
    return data.createTrainingProgramme;
  }
}
export const aProgramme = (ownerId: string) => new ProgrammeBuilder(ownerId);

export interface CreatedTrainingEvent {
  id: string;
  days: string[];
  dayCount: number;
  completionRule: { minDays: number | null; minPercent: number | null; excusedCounts: boolean };
  trainers: { id: string }[];
}

const CREATE_TRAINING_EVENT = `mutation($programmeId: ID!, $input: CreateTrainingEventInput!) {
  createTrainingEvent(programmeId: $programmeId, input: $input) {
    id days dayCount completionRule { minDays minPercent excusedCounts } trainers { id }
  }
}`;

/**
 * A two-day seminar in Samarkand, 14–15 March 2023, unless told otherwise:
 * aTrainingEvent(programmeId).titled('…').in('Bukhara region', 'Bukhara')
 *   .on('2023-05-01', '2023-05-02').ledBy(trainer.id).seats(3).completedAfter({ minDays: 2 })
 */
export class TrainingEventBuilder {
  private input: Record<string, unknown> = {
    title: 'Identification of victims of trafficking',
    country: 'UZ',
    region: 'Samarkand region',
    city: 'Samarkand',
    startDate: '2023-03-14',
    endDate: '2023-03-15',
  };

  constructor(private readonly programmeId: string) {}

  titled(title: string) {
    this.input.title = title;
    return this;
  }
  in(region: string, city: string) {
    Object.assign(this.input, { region, city });
    return this;
  }
  on(startDate: string, endDate: string) {
    Object.assign(this.input, { startDate, endDate });
    return this;
  }
  ledBy(...trainerIds: string[]) {
    this.input.trainerIds = trainerIds;
    return this;
  }
  seats(capacity: number | undefined) {
    this.input.capacity = capacity;
    return this;
  }
  /** The completion rule: { minDays }, { minPercent }, and whether an excused absence counts. */
  completedAfter(completion: { minDays?: number; minPercent?: number; excusedCounts?: boolean }) {
    this.input.completion = completion;
    return this;
  }
  taughtIn(language: 'EN' | 'RU' | 'UZ') {
    this.input.language = language;
    return this;
  }
  /** Any other field of CreateTrainingEventInput, as given (also values the API refuses). */
  with(fields: Record<string, unknown>) {
    Object.assign(this.input, fields);
    return this;
  }
  /** Sends the mutation and returns the answer as it came, errors included. */
  attempt(t: TestApp, token = t.adminToken): Promise<GraphQLResponse> {
    return t.gql(
      CREATE_TRAINING_EVENT,
      { programmeId: this.programmeId, input: this.input },
      token,
    );
  }
  async create(t: TestApp, token = t.adminToken): Promise<CreatedTrainingEvent> {
    const data = await t.ok(
      CREATE_TRAINING_EVENT,
      { programmeId: this.programmeId, input: this.input },
      token,
    );
    return data.createTrainingEvent;
  }
}
export const aTrainingEvent = (programmeId: string) => new TrainingEventBuilder(programmeId);

/** Enrolls a person in a training event (a trainer of the event, an organizer or an admin). */
export async function enroll(
  t: TestApp,
  eventId: string,
  personId: string,
  token = t.adminToken,
): Promise<{ id: string; status: string }> {
  const data = await t.ok(
    `mutation($eventId: ID!, $personId: ID!) { enrollTrainee(eventId: $eventId, personId: $personId) { id status } }`,
    { eventId, personId },
    token,
  );
  return data.enrollTrainee;
}

/** AttendanceStatus as the GraphQL schema spells it. */
export type MarkStatus = 'PRESENT' | 'LATE' | 'EXCUSED' | 'ABSENT';

const MARK_DAY = `mutation($input: MarkDayInput!) { markAttendance(input: $input) { day status } }`;

/**
 * One day's marks of a training event, sent at once as a trainer does:
 * attendanceOn(eventId, '2023-03-14').present(a).late(b).absent(c, 'Called to duty').record(t, token)
 * The marks go in the order they are given.
 */
export class AttendanceDayBuilder {
  private marks: { enrollmentId: string; status: MarkStatus; remark?: string }[] = [];

  constructor(
    private readonly eventId: string,
    private readonly day: string,
  ) {}

  mark(enrollmentId: string, status: MarkStatus, remark?: string) {
    this.marks.push(
      remark === undefined ? { enrollmentId, status } : { enrollmentId, status, remark },
    );
    return this;
  }
  /** The same status for everyone listed. */
  all(enrollmentIds: string[], status: MarkStatus) {
    for (const enrollmentId of enrollmentIds) this.mark(enrollmentId, status);
    return this;
  }
  present(enrollmentId: string, remark?: string) {
    return this.mark(enrollmentId, 'PRESENT', remark);
  }
  late(enrollmentId: string, remark?: string) {
    return this.mark(enrollmentId, 'LATE', remark);
  }
  absent(enrollmentId: string, remark?: string) {
    return this.mark(enrollmentId, 'ABSENT', remark);
  }
  excused(enrollmentId: string, remark?: string) {
    return this.mark(enrollmentId, 'EXCUSED', remark);
  }
  private variables() {
    return { input: { eventId: this.eventId, day: this.day, marks: this.marks } };
  }
  /** Sends the marks and returns the answer as it came, errors included. */
  attempt(t: TestApp, token = t.adminToken): Promise<GraphQLResponse> {
    return t.gql(MARK_DAY, this.variables(), token);
  }
  async record(t: TestApp, token = t.adminToken): Promise<{ day: string; status: MarkStatus }[]> {
    return (await t.ok(MARK_DAY, this.variables(), token)).markAttendance;
  }
}
export const attendanceOn = (eventId: string, day: string) =>
  new AttendanceDayBuilder(eventId, day);
