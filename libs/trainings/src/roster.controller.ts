import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam } from '@platform/core';
import { AttendanceService } from './attendance/attendance.service';

/** The roster as a CSV download, for spreadsheets (bearer token required). */
@Controller('trainings/events')
export class RosterController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get(':id/roster.csv')
  async roster(@IdParam('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const csv = await this.attendance.rosterCsv(actor, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="roster-${id}.csv"`);
    // The byte-order mark makes spreadsheet programs read Cyrillic and Uzbek correctly.
    res.send(`\uFEFF${csv}`);
  }
}
