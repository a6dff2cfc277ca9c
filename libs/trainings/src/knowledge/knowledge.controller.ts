import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  CurrentActor,
  DomainError,
  isCountryCode,
  isId,
  isLocalDate,
  languageFromAcceptLanguage,
  requestedLanguage,
  requestedSeparator,
  sendCsv,
} from '@platform/core';
import { DIMENSIONS, IndicatorDimension } from '../indicators/indicators.types';
import { KnowledgeResultsService } from './knowledge-results';

const isDimension = (name: string): name is IndicatorDimension =>
  (DIMENSIONS as string[]).includes(name);

/** The knowledge results as a CSV download (bearer token required). */
@Controller('trainings')
export class KnowledgeController {
  constructor(private readonly results: KnowledgeResultsService) {}

  /**
   * e.g. /trainings/knowledge.csv?groupBy=CATEGORY,SEX&programmeId=…&eventId=…&from=…&to=…;
   * ?lang=en|ru|uz (else Accept-Language), ?separator=comma|semicolon
   */
  @Get('knowledge.csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, string | string[] | undefined>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ) {
    const single = (name: string) => {
      const value = query[name];
      if (value !== undefined && typeof value !== 'string')
        throw DomainError.invalid(name, `give it once`);
      return value || undefined;
    };
    const id = (name: string) => {
      const value = single(name);
      if (value !== undefined && !isId(value)) throw DomainError.invalid(name, 'is not an id');
      return value?.toLowerCase();
    };
    const date = (name: string) => {
      const value = single(name);
      if (value !== undefined && !isLocalDate(value))
        throw DomainError.invalid(name, 'expected YYYY-MM-DD');
      return value;
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
    const country = single('country');
    if (country !== undefined && !isCountryCode(country))
      throw DomainError.invalid('country', 'not an ISO 3166 country code');
    const region = single('region');
    if (region !== undefined && region.length > 100)
      throw DomainError.invalid('region', 'at most 100 characters');
    const result = await this.results.results(
      actor,
      {
        programmeId: id('programmeId'),
        eventId: id('eventId'),
        country,
        region,
        from: date('from'),
        to: date('to'),
      },
      groupBy,
    );
    sendCsv(res, KnowledgeResultsService.csv(result, language, separator), 'knowledge-results.csv');
  }
}
