import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  AgendaSession,
  Edition,
  EditionAccess,
  EditionPartner,
  Recommendation,
  RecommendationFollowUp,
  RecommendationsService,
  RecommendationStatus,
} from '@platform/conferences';
import { Actor, LanguageCode } from '@platform/core';
import {
  AttendanceService,
  EventTrainer,
  IndicatorDimension,
  IndicatorsService,
} from '@platform/trainings';
import {
  AgendaContent,
  AttendanceReportContent,
  EditionHeader,
  RecommendationsContent,
  renderAgenda,
  renderAttendanceReport,
  renderRecommendations,
} from '../rendering';

/**
 * The outcome documents of an edition (recommendations, agenda) and a training event's
 * attendance report: gathered with the caller's rights, then rendered.
 */
@Injectable()
export class OutcomeDocuments {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly recommendationsService: RecommendationsService,
    private readonly attendance: AttendanceService,
    private readonly indicators: IndicatorsService,
  ) {}

  /** Adopted recommendations by working group, with follow-up recorded at later editions. */
  async recommendations(actor: Actor, editionId: string, language: LanguageCode): Promise<Buffer> {
    return this.recommendationsOf(await this.editions.viewable(actor, editionId), language, actor);
  }

  /** The same document for an edition already allowed; follow-ups as `actor` may see them. */
  async recommendationsOf(edition: Edition, language: LanguageCode, actor: Actor): Promise<Buffer> {
    const recommendations = await this.em.find(
      Recommendation,
      { edition, status: RecommendationStatus.ADOPTED },
      { populate: ['workingGroup'], orderBy: [{ number: 'asc' }, { id: 'asc' }] },
    );
    const followUps = await this.recommendationsService.visibleFollowUps(
      actor,
      await this.em.find(
        RecommendationFollowUp,
        { recommendation: { $in: recommendations } },
        { populate: ['edition'], orderBy: [{ edition: { year: 'asc' } }, { recordedAt: 'asc' }] },
      ),
    );
    const groups = new Map<string, RecommendationsContent['groups'][number]>();
    for (const recommendation of recommendations) {
      const workingGroup = recommendation.workingGroup?.getEntity().name;
      const key = recommendation.workingGroup?.id ?? '';
      const group = groups.get(key) ?? { workingGroup, recommendations: [] };
      group.recommendations.push({
        number: recommendation.number,
        text: recommendation.text,
        addressedTo: recommendation.addressedTo,
        followUps: followUps
          .filter((followUp) => followUp.recommendation.id === recommendation.id)
          .map((followUp) => ({
            year: followUp.edition.getEntity().year,
            status: followUp.status,
            note: followUp.note,
          })),
      });
      groups.set(key, group);
    }
    // Plenary recommendations first, then working groups by name.
    const ordered = [...groups.values()].sort((a, b) =>
      (a.workingGroup ?? '').localeCompare(b.workingGroup ?? ''),
    );
    return renderRecommendations({
      language,
      edition: await this.header(edition),
      groups: ordered,
    });
  }

  /** Days, times, sessions and speakers with their titles. */
  async agenda(actor: Actor, editionId: string, language: LanguageCode): Promise<Buffer> {
    const edition = await this.editions.viewable(actor, editionId);
    const sessions = await this.em.find(
      AgendaSession,
      { edition },
      {
        populate: ['moderator', 'speakers.person'],
        orderBy: [{ day: 'asc' }, { startTime: 'asc' }, { endTime: 'asc' }, { id: 'asc' }],
      },
    );
    const days: AgendaContent['days'] = edition.days.map(({ number, date }) => ({
      number,
      date,
      sessions: sessions
        .filter((session) => session.day === number)
        .map((session) => ({
          startTime: session.startTime,
          endTime: session.endTime,
          kind: session.kind,
          title: session.title,
          room: session.room,
          moderator: session.moderator?.getEntity().fullName,
          speakers: session.speakers
            .getItems()
            .sort((a, b) => a.position - b.position)
            .map((speaker) => ({
              name: speaker.person.getEntity().fullName,
              title: speaker.titleOnAgenda ?? speaker.person.getEntity().position,
            })),
        })),
    }));
    return renderAgenda({ language, edition: await this.header(edition), days });
  }

  /** The roster with per-day marks and completion, and the programme's figures by category. */
  async attendanceReport(actor: Actor, eventId: string, language: LanguageCode): Promise<Buffer> {
    const { event, entries } = await this.attendance.roster(actor, eventId);
    const programme = await event.programme.loadOrFail();
    const trainers = await this.em.find(EventTrainer, { event }, { populate: ['user.person'] });
    const figures = await this.indicators.indicators(actor, [IndicatorDimension.CATEGORY], {
      programmeId: programme.id,
    });
    const content: AttendanceReportContent = {
      language,
      programmeTitle: programme.title,
      eventTitle: event.title,
      startDate: event.startDate,
      endDate: event.endDate,
      city: event.city,
      region: event.region,
      countryCode: event.country,
      trainers: trainers.map(({ user }) => {
        const account = user.getEntity();
        return account.person?.getEntity().fullName ?? account.email;
      }),
      completionRule: {
        minDays: event.completionMinDays,
        minPercent: event.completionMinPercent,
        excusedCounts: event.excusedCounts,
      },
      days: event.days,
      rows: entries.map((entry) => ({
        name: entry.person.fullName,
        organization: entry.person.organization?.getEntity().name,
        category: entry.person.category,
        marks: event.days.map((day) => entry.marks.find((mark) => mark.day === day)?.status),
        attendedDays: entry.attendedDays,
        completed: entry.completed,
      })),
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
    return renderAttendanceReport(content);
  }

  private async header(edition: Edition): Promise<EditionHeader> {
    const partners = await this.em.find(
      EditionPartner,
      { edition },
      { populate: ['organization'], orderBy: [{ role: 'asc' }, { organization: { name: 'asc' } }] },
    );
    return {
      title: edition.title,
      theme: edition.theme,
      startDate: edition.startDate,
      endDate: edition.endDate,
      city: edition.city,
      countryCode: edition.hostCountry,
      venue: edition.venue,
      partners: partners.map((partner) => ({
        name: partner.organization.getEntity().name,
        role: partner.role,
      })),
    };
  }
}
