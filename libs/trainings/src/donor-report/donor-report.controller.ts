import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam, sendCsv } from '@platform/core';
import { sendPdf } from '@platform/documents';
import { FiguresQuery } from '../indicators/figures-query';
import { DonorReport } from './donor-report';

type RawQuery = Record<string, string | string[] | undefined>;

/**
 * A programme's donor report for a period, as PDF and as CSV (bearer token required):
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD, ?lang=en|ru|uz (else Accept-Language); the CSV also
 * ?separator=comma|semicolon.
 */
@Controller('trainings/programmes')
export class DonorReportController {
  constructor(private readonly report: DonorReport) {}

  @Get(':id/donor-report.pdf')
  async pdf(
    @IdParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Query() query: RawQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const q = new FiguresQuery(query, acceptLanguage);
    const [language, from, to] = [q.language(), q.date('from'), q.date('to')];
    const pdf = await this.report.pdf(actor, id, from, to, language);
    sendPdf(res, pdf, `donor-report-${from}-${to}.pdf`);
  }

  @Get(':id/donor-report.csv')
  async csv(
    @IdParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Query() query: RawQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const q = new FiguresQuery(query, acceptLanguage);
    const language = q.language();
    const separator = q.separator();
    const content = await this.report.content(actor, id, q.date('from'), q.date('to'), language);
    sendCsv(
      res,
      DonorReport.csv(content, separator),
      `donor-report-${content.from}-${content.to}.csv`,
    );
  }
}
