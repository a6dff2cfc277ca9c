import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam } from '@platform/core';
import { inlineOf, sendPdf } from '@platform/documents';
import { InvitationLetterFiles } from './invitation-letter-files';

/** An approved letter as a PDF: for the edition's organizers, the requester and the person. */
@Controller('documents/invitation-letters')
export class InvitationLettersController {
  constructor(private readonly files: InvitationLetterFiles) {}

  @Get(':id.pdf')
  async letter(
    @IdParam('id') id: string,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const { pdf, fileName } = await this.files.pdf(actor, id);
    res.setHeader('Cache-Control', 'no-store');
    sendPdf(res, pdf, fileName, show);
  }
}
