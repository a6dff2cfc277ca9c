import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  CurrentActor,
  DomainError,
  IdParam,
  isId,
  LanguageCode,
  ReaderLanguage,
} from '@platform/core';
import { inlineOf, sendPdf } from '@platform/documents';
import { BadgesService } from './badges.service';

/** Badges as downloads; each route checks who is asking (bearer token or session cookie). */
@Controller('documents')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  /** The person, the focal points of their delegation, the edition's organizers. */
  @Get('badges/:registrationId.pdf')
  async badge(
    @IdParam('registrationId') registrationId: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const { pdf, fileName } = await this.badges.badgePdf(actor, registrationId, language);
    sendPdf(res, pdf, fileName, show);
  }

  /** The badge's photo, for the same people (the scan page shows it). */
  @Get('badges/:registrationId/photo')
  async photo(
    @IdParam('registrationId') registrationId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { bytes, type } = await this.badges.photo(actor, registrationId);
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(bytes);
  }

  /** Four badges to an A4 sheet: the organizers for the edition or a delegation, a focal point for theirs. */
  @Get('editions/:id/badges.pdf')
  async sheet(
    @IdParam('id') id: string,
    @ReaderLanguage() language: LanguageCode,
    @Query('delegation') delegation: unknown,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    if (delegation !== undefined && !isId(delegation)) {
      throw DomainError.invalid('delegation', 'must be the id of a delegation of this edition');
    }
    const delegationId = delegation?.toLowerCase();
    const pdf = await this.badges.sheetPdf(actor, id, delegationId, language);
    sendPdf(res, pdf, `badges-${id}${delegationId ? `-${delegationId}` : ''}.pdf`, show);
  }
}
