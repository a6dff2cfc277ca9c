import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam, LanguageCode, ReaderLanguage } from '@platform/core';
import { inlineOf, sendPdf } from '@platform/documents';
import { EditionDocuments } from './edition-documents';

/** An edition's documents as downloads, for whoever may see the edition. */
@Controller('documents/editions')
export class EditionDocumentsController {
  constructor(private readonly documents: EditionDocuments) {}

  @Get(':id/recommendations.pdf')
  async recommendations(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const pdf = await this.documents.recommendations(actor, id, language);
    sendPdf(res, pdf, `recommendations-${id}.pdf`, show);
  }

  @Get(':id/agenda.pdf')
  async agenda(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const pdf = await this.documents.agenda(actor, id, language);
    sendPdf(res, pdf, `agenda-${id}.pdf`, show);
  }
}
