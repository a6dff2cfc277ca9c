import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  CurrentActor,
  DomainError,
  IdParam,
  LanguageCode,
  ReaderLanguage,
  requestedLanguage,
  requestedSeparator,
  sendCsv,
} from '@platform/core';
import { inlineOf, sendPdf } from '@platform/documents';
import { ParticipantListScope, ParticipantListService } from './participant-list.service';

/**
 * The list of participants as PDF and CSV. `?language=en|ru|uz` (else `?lang=`, else the
 * Accept-Language header), `?scope=internal` for the organizers' list of everyone.
 */
@Controller('documents/editions')
export class ParticipantListController {
  constructor(private readonly list: ParticipantListService) {}

  @Get(':id/participants.pdf')
  async pdf(
    @IdParam('id') id: string,
    @ReaderLanguage() reader: LanguageCode,
    @Query('language') language: string | undefined,
    @Query('scope') scope: string | undefined,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const lang = requestedLanguage(language, 'language', reader);
    const which = scopeOf(scope);
    const pdf = await this.list.pdf(actor, id, which, lang);
    sendPdf(res, pdf, fileName(id, which, lang, 'pdf'), show);
  }

  @Get(':id/participants.csv')
  async csv(
    @IdParam('id') id: string,
    @ReaderLanguage() reader: LanguageCode,
    @Query('language') language: string | undefined,
    @Query('scope') scope: string | undefined,
    @Query('separator') separator: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const lang = requestedLanguage(language, 'language', reader);
    const which = scopeOf(scope);
    const csv = await this.list.csv(actor, id, which, lang, requestedSeparator(separator));
    sendCsv(res, csv, fileName(id, which, lang, 'csv'));
  }
}

function scopeOf(scope: string | undefined): ParticipantListScope {
  if (scope === undefined || scope === 'public') return ParticipantListScope.PUBLIC;
  if (scope === 'internal') return ParticipantListScope.INTERNAL;
  throw DomainError.invalid('scope', 'must be public or internal');
}

function fileName(id: string, scope: ParticipantListScope, language: string, ext: string) {
  const internal = scope === ParticipantListScope.INTERNAL ? '-internal' : '';
  return `participants${internal}-${id}-${language}.${ext}`;
}
