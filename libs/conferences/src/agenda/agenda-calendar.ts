import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { ICalCalendar } from 'ical-generator';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  countryNameIn,
  inLanguage,
  LanguageCode,
} from '@platform/core';
import { EditionAccess } from '../editions/edition-access';
import { Edition } from '../editions/edition.entity';
import { vtimezoneOf } from '../editions/time-zone';
import { AGENDA_ORDER } from './agenda-order';
import { AgendaSession } from './agenda-session.entity';

const LABELS: Record<LanguageCode, { speakers: string; moderator: string }> = {
  en: { speakers: 'Speakers', moderator: 'Moderator' },
  ru: { speakers: 'Выступающие', moderator: 'Модератор' },
  uz: { speakers: 'Maʼruzachilar', moderator: 'Moderator' },
};

/**
 * An edition's agenda as an iCalendar file (RFC 5545) for people's calendars: one event
 * per session at the venue's local time, in the edition's time zone (with its VTIMEZONE),
 * so a calendar anywhere shows the right moment.
 */
@Injectable()
export class AgendaCalendar {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EditionAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Same access as the agenda: published editions for everyone, others to who may see them. */
  async ics(actor: Actor, editionId: string, language: LanguageCode): Promise<string> {
    const edition = await this.access.viewable(actor, editionId);
    const sessions = await this.em.find(
      AgendaSession,
      { edition },
      {
        populate: ['moderator', 'speakers.person'],
        orderBy: AGENDA_ORDER,
      },
    );
    return agendaCalendar(edition, sessions, {
      language,
      host: new URL(this.config.publicUrl).hostname,
      url: `${this.config.publicUrl}/editions/${edition.id}`,
    });
  }
}

export function agendaCalendar(
  edition: Edition,
  sessions: AgendaSession[],
  options: { language: LanguageCode; host: string; url: string },
): string {
  const { language } = options;
  const zone = edition.timeZone;
  const utc = zone === 'UTC';
  const calendar = new ICalCalendar({
    name: inLanguage(edition.title, edition.translations, 'title', language),
    prodId: {
      company: 'TIP platform',
      product: 'agenda',
      language: options.language.toUpperCase(),
    },
    url: options.url,
  });
  if (!utc) calendar.timezone({ name: zone, generator: (name) => vtimezoneOf(name) });
  const labels = LABELS[options.language];
  const dates = edition.days.map((day) => day.date);
  const location = [
    inLanguage(edition.venue, edition.translations, 'venue', language),
    inLanguage(edition.city, edition.translations, 'city', language),
    countryNameIn(language, edition.hostCountry),
  ]
    .filter(Boolean)
    .join(', ');
  for (const session of sessions) {
    const date = dates[session.day - 1];
    if (!date) continue;
    const speakers = session.speakers
      .getItems()
      .sort((a, b) => a.position - b.position)
      .map((s) =>
        [
          s.person.getEntity().nameIn(language),
          inLanguage(s.titleOnAgenda, s.translations, 'titleOnAgenda', language),
        ]
          .filter(Boolean)
          .join(', '),
      );
    const moderator = session.moderator?.getEntity().nameIn(language);
    const text = (field: 'title' | 'description' | 'room') =>
      inLanguage(session[field], session.translations, field, language);
    const description = [
      text('description'),
      moderator && `${labels.moderator}: ${moderator}`,
      speakers.length > 0 && `${labels.speakers}:\n${speakers.map((s) => `– ${s}`).join('\n')}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    calendar.createEvent({
      id: `${session.id}@${options.host}`,
      start: wallClock(date, session.startTime, utc),
      end: wallClock(date, session.endTime, utc),
      timezone: utc ? null : zone,
      summary: text('title'),
      location: [text('room'), location].filter(Boolean).join(', '),
      description: description || null,
      url: options.url,
    });
  }
  return calendar.toString();
}

/**
 * The Date ical-generator prints as the given local day and time. With a time zone it
 * prints a native Date's components in the server process's own zone (getHours() and
 * so on), so the Date is built from those components; without one (UTC) it prints the
 * UTC components. (A time that does not exist in the server's own zone, in the hour its
 * clocks skip in spring, would move by that hour: servers run in UTC, which skips none.)
 */
function wallClock(date: string, time: string, utc: boolean): Date {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const [hours = NaN, minutes = NaN] = time.split(':').map(Number);
  return utc
    ? new Date(Date.UTC(year, month - 1, day, hours, minutes))
    : new Date(year, month - 1, day, hours, minutes);
}
