import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, sendCsv } from '@platform/core';
import { FiguresQuery } from '../indicators/figures-query';
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
    const read = new FiguresQuery(query, acceptLanguage);
    const [language, separator] = [read.language(), read.separator()];
    const scope = { ...read.filter(), eventId: read.id('eventId') };
    const result = await this.results.results(actor, scope, read.groupBy());
    const csv = KnowledgeResultsService.csv(result, language, separator);
    sendCsv(res, csv, 'knowledge-results.csv');
  }
}
