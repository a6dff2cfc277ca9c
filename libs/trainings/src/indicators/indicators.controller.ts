import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, sendCsv } from '@platform/core';
import { FiguresQuery } from './figures-query';
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
    const read = new FiguresQuery(query, acceptLanguage);
    const [language, separator] = [read.language(), read.separator()];
    const result = await this.indicators.indicators(actor, read.groupBy(), read.filter());
    const csv = IndicatorsService.csv(result, language, separator);
    sendCsv(res, csv, 'training-indicators.csv');
  }
}
