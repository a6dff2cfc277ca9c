import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@platform/accounts';
import { Actor, Connection, CurrentActor, DomainError, IdArg, Paginated } from '@platform/core';
import { Organization, Person } from '@platform/directory';
import { AttendanceChange, AttendanceMark, MarkAuthor } from './attendance/attendance-mark.entity';
import { AttendanceService, RosterEntry } from './attendance/attendance.service';
import { completionOf } from './attendance/completion';
import { CorrectMarkInput, MarkDayInput } from './attendance/dto/attendance.input';
import { Enrollment } from './enrollments/enrollment.entity';
import { ImportRosterArgs, RosterImportReport } from './enrollments/dto/roster-import';
import { EnrollmentsService } from './enrollments/enrollments.service';
import { RosterImportService } from './enrollments/roster-import.service';
import { CreateTrainingEventInput, TrainingEventsArgs } from './events/dto/training-event.input';
import { TrainingEvent } from './events/training-event.entity';
import { TrainingEventsService } from './events/training-events.service';
import { CreateProgrammeInput } from './programmes/dto/programme.input';
import { ProgrammesService } from './programmes/programmes.service';
import { TrainingProgramme } from './programmes/training-programme.entity';
import { TrainingAccess } from './training-access';

const TrainingEventConnection = Paginated(TrainingEvent);

@Resolver(() => TrainingProgramme)
export class ProgrammesResolver {
  constructor(private readonly programmes: ProgrammesService) {}

  @Query(() => [TrainingProgramme], {
    description: 'Programmes you organize, or whose events you train; all for admins.',
  })
  trainingProgrammes(@CurrentActor() actor: Actor): Promise<TrainingProgramme[]> {
    return this.programmes.list(actor);
  }

  @Mutation(() => TrainingProgramme)
  createTrainingProgramme(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProgrammeInput,
  ) {
    return this.programmes.create(actor, input);
  }

  @Mutation(() => TrainingProgramme, {
    description: 'Lets another organizer account see and run all its events.',
  })
  assignProgrammeOrganizer(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.programmes.assignOrganizer(actor, programmeId, userId);
  }

  @ResolveField(() => Organization)
  owner(@Parent() programme: TrainingProgramme): Promise<Organization> {
    return programme.owner.loadOrFail();
  }

  @ResolveField(() => [Organization])
  funders(@Parent() programme: TrainingProgramme): Promise<Organization[]> {
    return this.programmes.funders(programme);
  }
}

@Resolver(() => TrainingEvent)
export class TrainingEventsResolver {
  constructor(
    private readonly events: TrainingEventsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Query(() => TrainingEventConnection, {
    description: 'Events you run: as trainer, as organizer of their programme, or all as admin.',
  })
  trainingEvents(
    @CurrentActor() actor: Actor,
    @Args() { filter, ...page }: TrainingEventsArgs,
  ): Promise<Connection<TrainingEvent>> {
    return this.events.list(actor, filter, page);
  }

  @Query(() => TrainingEvent)
  trainingEvent(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.events.get(actor, id);
  }

  @Mutation(() => TrainingEvent)
  createTrainingEvent(
    @CurrentActor() actor: Actor,
    @IdArg('programmeId') programmeId: string,
    @Args('input') input: CreateTrainingEventInput,
  ) {
    return this.events.create(actor, programmeId, input);
  }

  @Mutation(() => TrainingEvent)
  assignTrainer(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @IdArg('userId') userId: string,
  ) {
    return this.events.assignTrainer(actor, eventId, userId);
  }

  @Mutation(() => [AttendanceMark], {
    description:
      'Marks a whole day: one mark per enrollment; re-marking replaces and keeps history.',
  })
  markAttendance(@CurrentActor() actor: Actor, @Args('input') input: MarkDayInput) {
    return this.attendance.markDay(actor, input);
  }

  @Mutation(() => AttendanceMark, { description: 'Corrects a single mark.' })
  correctAttendance(@CurrentActor() actor: Actor, @Args('input') input: CorrectMarkInput) {
    return this.attendance.correctMark(actor, input);
  }

  @ResolveField(() => TrainingProgramme)
  programme(@Parent() event: TrainingEvent): Promise<TrainingProgramme> {
    return event.programme.loadOrFail();
  }

  @ResolveField(() => [User])
  trainers(@Parent() event: TrainingEvent): Promise<User[]> {
    return this.events.trainers(event);
  }

  @ResolveField(() => Int, {
    description: 'Trainees enrolled now (withdrawn excluded).',
  })
  enrolledCount(@Parent() event: TrainingEvent, @CurrentActor() actor: Actor): Promise<number> {
    return this.events.enrolledCount(actor, event);
  }

  @ResolveField(() => Int, {
    description: 'Days a trainee must attend to complete, under the completion rule.',
  })
  requiredDays(@Parent() event: TrainingEvent): number {
    return event.requiredDays();
  }

  @ResolveField(() => [RosterEntry], {
    description: 'Enrolled trainees with marks per day, attendance rate and completion.',
  })
  async roster(
    @Parent() event: TrainingEvent,
    @CurrentActor() actor: Actor,
  ): Promise<RosterEntry[]> {
    return (await this.attendance.roster(actor, event.id)).entries;
  }

  @ResolveField(() => String, {
    description: 'The roster with marks as CSV (also GET /trainings/events/:id/roster.csv).',
  })
  rosterCsv(@Parent() event: TrainingEvent, @CurrentActor() actor: Actor): Promise<string> {
    return this.attendance.rosterCsv(actor, event.id);
  }
}

@Resolver(() => Enrollment)
export class EnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly attendance: AttendanceService,
    private readonly access: TrainingAccess,
    private readonly rosterImport: RosterImportService,
  ) {}

  @Query(() => [Enrollment], { description: "The logged-in participant's own enrollments." })
  myEnrollments(@CurrentActor() actor: Actor): Promise<Enrollment[]> {
    return this.enrollments.mine(actor);
  }

  @Mutation(() => Enrollment)
  enrollTrainee(
    @CurrentActor() actor: Actor,
    @IdArg('eventId') eventId: string,
    @IdArg('personId') personId: string,
  ) {
    return this.enrollments.enroll(actor, eventId, personId);
  }

  @Mutation(() => RosterImportReport, {
    description:
      'Enrolls the trainees of a CSV roster file, matching people already in the directory. ' +
      'A file with bad rows stores nothing unless skipBadRows; the report lists every bad line.',
  })
  importRoster(@CurrentActor() actor: Actor, @Args() args: ImportRosterArgs) {
    return this.rosterImport.importRoster(actor, args);
  }

  @Mutation(() => Enrollment)
  withdrawTrainee(@CurrentActor() actor: Actor, @IdArg('enrollmentId') enrollmentId: string) {
    return this.enrollments.withdraw(actor, enrollmentId);
  }

  @Query(() => [AttendanceChange], { description: 'Who set or changed which mark, and when.' })
  attendanceHistory(@CurrentActor() actor: Actor, @IdArg('enrollmentId') enrollmentId: string) {
    return this.attendance.history(actor, enrollmentId);
  }

  @ResolveField(() => Person)
  person(@Parent() enrollment: Enrollment): Promise<Person> {
    return enrollment.person.loadOrFail();
  }

  @ResolveField(() => TrainingEvent)
  event(@Parent() enrollment: Enrollment): Promise<TrainingEvent> {
    return enrollment.event.loadOrFail();
  }

  @ResolveField(() => [AttendanceMark], {
    description: 'The trainee themself, the trainers and organizers.',
  })
  async marks(
    @Parent() enrollment: Enrollment,
    @CurrentActor() actor: Actor,
  ): Promise<AttendanceMark[]> {
    await this.assertMayRead(actor, enrollment);
    const marks = (await enrollment.marks.load()).getItems();
    return [...marks].sort((a, b) => a.day.localeCompare(b.day));
  }

  @ResolveField(() => Boolean, { description: 'Derived from the marks and the completion rule.' })
  async completed(
    @Parent() enrollment: Enrollment,
    @CurrentActor() actor: Actor,
  ): Promise<boolean> {
    await this.assertMayRead(actor, enrollment);
    const [event, marks] = await Promise.all([
      enrollment.event.loadOrFail(),
      enrollment.marks.load(),
    ]);
    return completionOf(
      event,
      marks.getItems().map((mark) => mark.status),
    ).completed;
  }

  private async assertMayRead(actor: Actor, enrollment: Enrollment): Promise<void> {
    if (actor.personId !== null && actor.personId === enrollment.person.id) return;
    if (!(await this.access.canRunEvent(actor, await enrollment.event.loadOrFail()))) {
      throw actor.isAuthenticated
        ? DomainError.forbidden('Not your enrollment.')
        : DomainError.unauthenticated();
    }
  }
}

@Resolver(() => AttendanceChange)
export class AttendanceChangesResolver {
  @ResolveField(() => MarkAuthor, {
    nullable: true,
    description: 'The account that set or changed the mark: its id and its person’s name.',
  })
  async changedBy(@Parent() change: AttendanceChange): Promise<MarkAuthor | null> {
    const user = await change.changedBy.load();
    if (!user) return null;
    const person = await user.person?.load();
    return { id: user.id, name: person?.fullName ?? null };
  }
}
