import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  CurrentActor,
  DomainError,
  languageFromAcceptLanguage,
  requestedLanguage,
  requestedSeparator,
  sendCsv,
} from '@platform/core';
import { IndicatorsService } from './indicators.service';
import { DIMENSIONS, IndicatorDimension } from './indicators.types';

const isDimension = (name: string): name is IndicatorDimension =>
  (DIMENSIONS as string[]).includes(name);

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
    // A name given twice arrives as a list: refused, like any value that is not one text.
    const single = (name: string) => {
      const value = query[name];
      if (value !== undefined && typeof value !== 'string')
        throw DomainError.invalid(name, `give it once`);
      return value || undefined;
    };
    const groupBy = (single('groupBy') ?? '')
      .split(',')
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean)
      .map((dimension) => {
        if (!isDimension(dimension))
          throw DomainError.invalid('groupBy', `unknown dimension ${dimension}`);
        return dimension;
      });
    const language = requestedLanguage(
      single('lang'),
      'lang',
      languageFromAcceptLanguage(acceptLanguage),
    );
    const separator = requestedSeparator(single('separator'));
    const result = await this.indicators.indicators(actor, groupBy, {
      programmeId: single('programmeId'),
      country: single('country'),
      region: single('region'),
      from: single('from'),
      to: single('to'),
    });
    sendCsv(res, IndicatorsService.csv(result, language, separator), 'training-indicators.csv');
  }
}
