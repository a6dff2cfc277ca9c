import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, IdParam } from '@platform/core';
import { sendPdf } from '@platform/documents';
import { DelegationsService } from './delegations.service';

/** A nomination's letter, for the edition's organizers and the delegation's focal points. */
@Controller('documents/nominations')
export class NominationLetterController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get(':id/letter.pdf')
  async letter(@IdParam('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { pdf, fileName } = await this.delegations.letter(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    sendPdf(res, pdf, fileName);
  }
}
