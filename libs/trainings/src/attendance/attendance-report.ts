import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, inLanguage, LanguageCode } from '@platform/core';
import { AttendanceReportContent, PdfRenderer } from '@platform/documents';
import { EventTrainer } from '../events/training-event.entity';
import { IndicatorsService } from '../indicators/indicators.service';
import { IndicatorDimension } from '../indicators/indicators.types';
import { KnowledgeResultsService } from '../knowledge/knowledge-results';
import { KnowledgeTestsService } from '../knowledge/knowledge-tests.service';
import { AttendanceService } from './attendance.service';

/** A training event's attendance report: gathered with the caller's rights, then rendered. */
@Injectable()
export class AttendanceReport {
  constructor(
    private readonly em: EntityManager,
    private readonly attendance: AttendanceService,
    private readonly indicators: IndicatorsService,
    private readonly renderer: PdfRenderer,
    private readonly knowledgeTests: KnowledgeTestsService,
    private readonly knowledgeResults: KnowledgeResultsService,
  ) {}

  async render(actor: Actor, eventId: string, language: LanguageCode): Promise<Buffer> {
    const { event, entries } = await this.attendance.roster(actor, eventId);
    const programme = await event.programme.loadOrFail();
    const trainers = await this.em.find(EventTrainer, { event }, { populate: ['user.person'] });
    const figures = await this.indicators.indicators(actor, [IndicatorDimension.CATEGORY], {
      programmeId: programme.id,
    });
    // Pre/post/gain columns and the event's figures, when the event has a knowledge test.
    const hasTest = (await this.knowledgeTests.testFor(event)) !== null;
    const scores = hasTest
      ? new Map(
          (await this.knowledgeTests.eventScores(actor, eventId)).map((row) => [
            row.enrollment.id,
            row,
          ]),
        )
      : null;
    const knowledge = hasTest
      ? (await this.knowledgeResults.compute(this.em, [], { scope: { eventId } })).totals
      : undefined;
    // What organizers typed, in the report's language where translated.
    const eventText = (field: 'title' | 'city' | 'region') =>
      inLanguage(event[field], event.translations, field, language);
    const content: AttendanceReportContent = {
      language,
      programmeTitle: inLanguage(programme.title, programme.translations, 'title', language),
      eventTitle: eventText('title'),
      startDate: event.startDate,
      endDate: event.endDate,
      city: eventText('city'),
      region: eventText('region'),
      countryCode: event.country,
      trainers: trainers.map(({ user }) => {
        const account = user.getEntity();
        return account.person?.getEntity().nameIn(language) ?? account.email;
      }),
      completionRule: {
        minDays: event.completionMinDays,
        minPercent: event.completionMinPercent,
        excusedCounts: event.excusedCounts,
      },
      days: event.days,
      rows: entries.map((entry) => {
        const organization = entry.person.organization?.getEntity();
        return {
          name: entry.person.nameIn(language),
          organization:
            organization &&
            inLanguage(organization.name, organization.translations, 'name', language),
          category: entry.person.category,
          marks: event.days.map((day) => entry.marks.find((mark) => mark.day === day)?.status),
          attendedDays: entry.attendedDays,
          completed: entry.completed,
          ...(scores && {
            pre: scores.get(entry.enrollment.id)?.pre,
            post: scores.get(entry.enrollment.id)?.post,
            gain: scores.get(entry.enrollment.id)?.gain,
          }),
        };
      }),
      knowledge,
      indicators: {
        rows: figures.rows.map((row) => ({
          category: row.keys[0]!.value, // grouped by CATEGORY alone: one key per row
          enrolled: row.peopleEnrolled,
          trained: row.peopleTrained,
          completions: row.completions,
        })),
        total: {
          enrolled: figures.totals.peopleEnrolled,
          trained: figures.totals.peopleTrained,
          completions: figures.totals.completions,
        },
      },
    };
    return this.renderer.attendanceReport(content);
  }
}
