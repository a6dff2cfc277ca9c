import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  CurrentActor,
  IdParam,
  LanguageCode,
  ReaderLanguage,
  requestedSeparator,
  sendCsv,
} from '@platform/core';
import { AttendanceService } from './attendance/attendance.service';

/** The roster as a CSV download, for spreadsheets (bearer token required). */
@Controller('trainings/events')
export class RosterController {
  constructor(private readonly attendance: AttendanceService) {}

  /** ?lang=en|ru|uz (else the Accept-Language header's), ?separator=comma|semicolon */
  @Get(':id/roster.csv')
  async roster(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('separator') separator: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const csv = await this.attendance.rosterCsv(actor, id, language, requestedSeparator(separator));
    sendCsv(res, csv, `roster-${id}.csv`);
  }
}
