import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  CsvArgs,
  CsvSeparator,
  CurrentActor,
  readerLanguage,
  DomainError,
  IdArg,
} from '@platform/core';
import { Enrollment } from '../enrollments/enrollment.entity';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingAccess } from '../training-access';
import { AttendanceChange, AttendanceMark, MarkAuthor } from './attendance-mark.entity';
import { AttendanceService, RosterEntry } from './attendance.service';
import { completionOf } from './completion';
import { CorrectMarkInput, MarkDayInput } from './dto/attendance.input';

/** Marking attendance, and its history. */
@Resolver(() => AttendanceMark)
export class AttendanceResolver {
  constructor(private readonly attendance: AttendanceService) {}

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

  @Query(() => [AttendanceChange], { description: 'Who set or changed which mark, and when.' })
  attendanceHistory(@CurrentActor() actor: Actor, @IdArg('enrollmentId') enrollmentId: string) {
    return this.attendance.history(actor, enrollmentId);
  }
}

/** An event's roster: its trainees with their marks and completion. */
@Resolver(() => TrainingEvent)
export class EventRosterResolver {
  constructor(private readonly attendance: AttendanceService) {}

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
    description:
      'The roster with marks as CSV (also GET /trainings/events/:id/roster.csv): headers, marks, sexes, categories, countries and yes/no in `language` (else the reader language: Accept-Language or @inContext), fields separated by `separator`.',
  })
  rosterCsv(
    @Parent() event: TrainingEvent,
    @CurrentActor() actor: Actor,
    @Context() context: unknown,
    @Args() { language, separator }: CsvArgs,
  ): Promise<string> {
    return this.attendance.rosterCsv(
      actor,
      event.id,
      language ?? readerLanguage(context),
      separator ?? CsvSeparator.COMMA,
    );
  }
}

/** An enrollment's marks and completion: for the trainee themself, its trainers and organizers. */
@Resolver(() => Enrollment)
export class EnrollmentMarksResolver {
  constructor(private readonly access: TrainingAccess) {}

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
