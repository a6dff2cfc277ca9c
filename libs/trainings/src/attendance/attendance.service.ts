import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  Actor,
  Clock,
  CsvSeparatorChar,
  DEFAULT_LANGUAGE,
  DomainError,
  LanguageCode,
  toCsv,
} from '@platform/core';
import { categoryLabel, Person, sexLabel } from '@platform/directory';
import { countryName, textsFor } from '@platform/documents';
import { CSV_TEXTS } from '../csv-texts';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { Enrollment, EnrollmentStatus } from '../enrollments/enrollment.entity';
import { TrainingEvent } from '../events/training-event.entity';
import { TrainingAccess } from '../training-access';
import { TrainingErrorCode } from '../training-error-code';
import { AttendanceChange, AttendanceMark, AttendanceStatus } from './attendance-mark.entity';
import { completionOf } from './completion';
import { CorrectMarkInput, MarkDayInput } from './dto/attendance.input';

@ObjectType()
export class DayMark {
  @Field() day!: string;
  @Field(() => AttendanceStatus, {
    nullable: true,
    description: 'Null while the day is not marked.',
  })
  status?: AttendanceStatus;
}

@ObjectType({ description: "One trainee's line of the roster." })
export class RosterEntry {
  @Field(() => Enrollment) enrollment!: Enrollment;
  @Field(() => Person) person!: Person;
  @Field(() => [DayMark]) marks!: DayMark[];
  @Field(() => Int) attendedDays!: number;
  @Field(() => Float, { description: 'Percentage of the days attended.' }) attendanceRate!: number;
  @Field({ description: 'Derived from the marks and the completion rule.' }) completed!: boolean;
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TrainingAccess,
    private readonly enrollments: EnrollmentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Marks a whole day in one transaction. The event row is locked first, so two
   * trainers marking the same day at once are applied one after the other: each
   * mark is replaced, never doubled, and every change is kept in the history.
   */
  markDay(actor: Actor, input: MarkDayInput): Promise<AttendanceMark[]> {
    return this.em.transactional(async (em) => {
      const event = await this.access.event(actor, input.eventId, em, true);
      this.assertMarkable(event, input.day);
      const ids = input.marks.map((mark) => mark.enrollmentId);
      const enrollments = await em.find(Enrollment, { id: { $in: ids }, event });
      const current = await em.find(AttendanceMark, { enrollment: { $in: ids }, day: input.day });
      const marks: AttendanceMark[] = [];
      for (const [i, mark] of input.marks.entries()) {
        const field = `marks.${i}.enrollmentId`;
        if (ids.indexOf(mark.enrollmentId) !== i)
          throw DomainError.invalid(field, `listed twice for the same day`);
        const enrollment = enrollments.find((e) => e.id === mark.enrollmentId);
        if (!enrollment || enrollment.status !== EnrollmentStatus.ENROLLED) {
          throw DomainError.invalid(
            field,
            `not a trainee enrolled in this event`,
            TrainingErrorCode.NOT_ENROLLED,
          );
        }
        const existing = current.find((m) => m.enrollment.id === enrollment.id);
        marks.push(
          this.apply(em, actor, enrollment, input.day, mark.status, mark.remark, existing),
        );
      }
      return marks;
    });
  }

  /** Corrects one mark; the previous one stays in the history. */
  correctMark(actor: Actor, input: CorrectMarkInput): Promise<AttendanceMark> {
    return this.em.transactional(async (em) => {
      const enrollment = await this.enrollments.forRunner(actor, input.enrollmentId, em);
      const event = await this.access.event(actor, enrollment.event.id, em, true);
      this.assertMarkable(event, input.day);
      if (enrollment.status !== EnrollmentStatus.ENROLLED) {
        throw DomainError.invalid(
          'enrollmentId',
          'the trainee has withdrawn',
          TrainingErrorCode.NOT_ENROLLED,
        );
      }
      const existing = await em.findOne(AttendanceMark, { enrollment, day: input.day });
      return this.apply(
        em,
        actor,
        enrollment,
        input.day,
        input.status,
        input.remark,
        existing ?? undefined,
      );
    });
  }

  async history(actor: Actor, enrollmentId: string): Promise<AttendanceChange[]> {
    const enrollment = await this.enrollments.forRunner(actor, enrollmentId);
    return this.em.find(
      AttendanceChange,
      { enrollment },
      {
        orderBy: [{ day: 'asc' }, { changedAt: 'asc' }, { id: 'asc' }],
        populate: ['changedBy.person'],
      },
    );
  }

  /** Every enrolled trainee with their marks per day, attendance rate and completion. */
  async roster(
    actor: Actor,
    eventId: string,
  ): Promise<{ event: TrainingEvent; entries: RosterEntry[] }> {
    const event = await this.access.event(actor, eventId);
    const enrollments = await this.em.find(
      Enrollment,
      { event, status: EnrollmentStatus.ENROLLED },
      {
        populate: ['person.organization'],
        orderBy: [{ person: { fullName: 'asc' } }, { id: 'asc' }],
      },
    );
    const marks = await this.em.find(AttendanceMark, { enrollment: { event } });
    const byEnrollment = new Map<string, Map<string, AttendanceStatus>>();
    for (const mark of marks) {
      const days = byEnrollment.get(mark.enrollment.id) ?? new Map<string, AttendanceStatus>();
      days.set(mark.day, mark.status);
      byEnrollment.set(mark.enrollment.id, days);
    }
    const entries = enrollments.map((enrollment) => {
      const days = byEnrollment.get(enrollment.id) ?? new Map<string, AttendanceStatus>();
      return {
        enrollment,
        person: enrollment.person.getEntity(),
        marks: event.days.map((day) => ({ day, status: days.get(day) })),
        ...completionOf(event, [...days.values()]),
      };
    });
    return { event, entries };
  }

  /**
   * The roster as CSV (UTF-8), one column per day, in `language`: its headers, marks,
   * sexes, categories, countries and yes/no; names and dates as they are.
   */
  async rosterCsv(
    actor: Actor,
    eventId: string,
    language: LanguageCode = DEFAULT_LANGUAGE,
    separator: CsvSeparatorChar = ',',
  ): Promise<string> {
    const { event, entries } = await this.roster(actor, eventId);
    const texts = textsFor(language);
    const words = CSV_TEXTS[language];
    const header = [
      texts.attendance.name,
      words.nameAlt,
      words.dimension.SEX,
      texts.attendance.category,
      texts.attendance.organization,
      words.dimension.COUNTRY,
      ...event.days,
      texts.attendance.attendedDays,
      words.attendanceRate,
      texts.attendance.completed,
    ];
    const rows = entries.map((entry) => [
      entry.person.fullName,
      entry.person.fullNameAlt,
      entry.person.sex && sexLabel(entry.person.sex, language),
      categoryLabel(entry.person.category, language),
      entry.person.organization?.getEntity().name,
      countryName(language, entry.person.country),
      ...entry.marks.map((mark) => mark.status && texts.mark[mark.status].label),
      entry.attendedDays,
      entry.attendanceRate,
      entry.completed ? texts.yes : texts.no,
    ]);
    return toCsv([header, ...rows], separator);
  }

  private apply(
    em: EntityManager,
    actor: Actor,
    enrollment: Enrollment,
    day: string,
    status: AttendanceStatus,
    remark: string | undefined,
    existing: AttendanceMark | undefined,
  ): AttendanceMark {
    const changedBy = actor.requireUserId();
    if (existing && existing.status === status && existing.remark === remark) return existing;
    em.create(AttendanceChange, {
      enrollment,
      day,
      previousStatus: existing?.status,
      status,
      remark,
      changedBy,
    });
    const mark =
      existing ??
      em.create(AttendanceMark, { enrollment, day, status, remark, markedBy: changedBy });
    em.assign(mark, { status, remark, markedBy: changedBy, markedAt: new Date() });
    return mark;
  }

  /** A day of the event that has come: nobody is marked present in advance. */
  private assertMarkable(event: TrainingEvent, day: string): void {
    if (!event.days.includes(day)) {
      throw DomainError.invalid(
        'day',
        `${day} is not a day of this event (${event.startDate} to ${event.endDate})`,
        TrainingErrorCode.DAY_OUTSIDE_EVENT,
      );
    }
    this.clock.assertDayHasCome(day);
  }
}
