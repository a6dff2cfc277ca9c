import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, sendCsv } from '@platform/core';
import { CsvQuery } from '../csv-query';
import { KnowledgeResultsService } from './knowledge-results';

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
    const q = new CsvQuery(query, acceptLanguage);
    const groupBy = q.groupBy();
    const language = q.language();
    const separator = q.separator();
    const result = await this.results.results(
      actor,
      {
        programmeId: q.id('programmeId'),
        eventId: q.id('eventId'),
        country: q.country(),
        region: q.region(),
        from: q.date('from'),
        to: q.date('to'),
      },
      groupBy,
    );
    sendCsv(res, KnowledgeResultsService.csv(result, language, separator), 'knowledge-results.csv');
  }
}
