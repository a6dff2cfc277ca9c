import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam, LanguageCode, ReaderLanguage } from '@platform/core';
import { AgendaCalendar } from './agenda-calendar';

/** The agenda for people's calendars (the session cookie or a bearer token, or none). */
@Controller('editions')
export class AgendaCalendarController {
  constructor(private readonly calendar: AgendaCalendar) {}

  @Get(':id/agenda.ics')
  async agenda(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const ics = await this.calendar.ics(actor, id, language);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="agenda-${id}.ics"`);
    res.send(ics);
  }
}
