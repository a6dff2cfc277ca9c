import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, sendCsv } from '@platform/core';
import { CsvQuery } from '../csv-query';
import { IndicatorsService } from './indicators.service';

/** The indicators as a CSV download (bearer token required). */
@Controller('trainings')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /**
   * e.g. /trainings/indicators.csv?groupBy=CATEGORY,SEX&programmeId=…&from=2023-01-01;
   * ?lang=en|ru|uz (else the Accept-Language header's), ?separator=comma|semicolon
   */
  @Get('indicators.csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, string | string[] | undefined>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const q = new CsvQuery(query, acceptLanguage);
    const groupBy = q.groupBy();
    const language = q.language();
    const separator = q.separator();
    const result = await this.indicators.indicators(actor, groupBy, {
      programmeId: q.single('programmeId'),
      country: q.single('country'),
      region: q.single('region'),
      from: q.single('from'),
      to: q.single('to'),
    });
    sendCsv(res, IndicatorsService.csv(result, language, separator), 'training-indicators.csv');
  }
}
