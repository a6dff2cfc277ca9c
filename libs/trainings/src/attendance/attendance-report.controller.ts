import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam, LanguageCode, ReaderLanguage } from '@platform/core';
import { sendPdf } from '@platform/documents';
import { AttendanceReport } from './attendance-report';

/** The attendance report as a PDF, for those who run the event. */
@Controller('documents/training-events')
export class AttendanceReportController {
  constructor(private readonly report: AttendanceReport) {}

  @Get(':id/attendance-report.pdf')
  async attendanceReport(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const pdf = await this.report.render(actor, id, language);
    sendPdf(res, pdf, `attendance-report-${id}.pdf`);
  }
}
