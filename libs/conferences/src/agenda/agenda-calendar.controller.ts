import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, DomainError, IdParam } from '@platform/core';
import { AgendaCalendar, CalendarLanguage } from './agenda-calendar';

const LANGUAGES: CalendarLanguage[] = ['en', 'ru', 'uz'];

/** The agenda for people's calendars (the session cookie or a bearer token, or none). */
@Controller('editions')
export class AgendaCalendarController {
  constructor(private readonly calendar: AgendaCalendar) {}

  @Get(':id/agenda.ics')
  async agenda(
    @IdParam('id') id: string,
    @Query('lang') lang: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    if (lang !== undefined && !LANGUAGES.includes(lang as CalendarLanguage)) {
      throw DomainError.invalid('lang', `lang: must be one of ${LANGUAGES.join(', ')}`);
    }
    const ics = await this.calendar.ics(actor, id, (lang ?? 'en') as CalendarLanguage);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="agenda-${id}.ics"`);
    res.send(ics);
  }
}
