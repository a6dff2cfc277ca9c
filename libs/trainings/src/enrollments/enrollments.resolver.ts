import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, IdArg } from '@platform/core';
import { Person } from '@platform/directory';
import { TrainingEvent } from '../events/training-event.entity';
import { ImportRosterArgs, RosterImportReport } from './dto/roster-import';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsService } from './enrollments.service';
import { RosterImportService } from './roster-import.service';

/** Enrollments and roster imports; an enrollment's marks are AttendanceResolver's. */
@Resolver(() => Enrollment)
export class EnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
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

  @ResolveField(() => Person)
  person(@Parent() enrollment: Enrollment): Promise<Person> {
    return enrollment.person.loadOrFail();
  }

  @ResolveField(() => TrainingEvent)
  event(@Parent() enrollment: Enrollment): Promise<TrainingEvent> {
    return enrollment.event.loadOrFail();
  }
}
