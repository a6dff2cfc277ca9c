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
import { EvaluationResultsService } from './evaluation-results';

/** A form's answers as CSV, for those who run its event (bearer token required). */
@Controller('evaluations')
export class EvaluationResultsController {
  constructor(private readonly results: EvaluationResultsService) {}

  /** ?lang=en|ru|uz (else the Accept-Language header's), ?separator=comma|semicolon */
  @Get(':id/results.csv')
  async resultsCsv(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('separator') separator: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const csv = await this.results.csv(actor, id, language, requestedSeparator(separator));
    sendCsv(res, csv, `evaluation-${id}.csv`);
  }
}
