import { pipeline } from 'node:stream/promises';
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, DomainError, EventKind, EventRef, IdParam } from '@platform/core';
import { CertificateAccess } from './certificates/certificate-access';
import { CertificateArchive } from './certificates/certificate-archive';
import { CertificateFiles } from './certificates/certificate-files';
import { CertificateKind } from './certificates/certificate.entity';
import { inlineOf, sendPdf } from './pdf-response';

/** Certificates as downloads; each route checks who is asking (bearer token or session cookie). */
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly access: CertificateAccess,
    private readonly files: CertificateFiles,
    private readonly archive: CertificateArchive,
  ) {}

  /** The holder, the event's organizers or trainers, and admins. */
  @Get('certificates/:id.pdf')
  async certificate(
    @IdParam('id') id: string,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const certificate = await this.access.visible(actor, id);
    const pdf = await this.files.pdfOf(certificate);
    sendPdf(res, pdf, CertificateFiles.fileName(certificate), show);
  }

  @Get('editions/:id/certificates.zip')
  editionCertificates(
    @IdParam('id') id: string,
    @Query('kind') kind: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.zip(actor, { kind: EventKind.EDITION, id }, res, kind);
  }

  @Get('training-events/:id/certificates.zip')
  trainingCertificates(
    @IdParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.zip(actor, { kind: EventKind.TRAINING_EVENT, id }, res);
  }

  private async zip(actor: Actor, event: EventRef, res: Response, kind?: string) {
    if (kind !== undefined && !isCertificateKind(kind)) {
      throw DomainError.invalid(
        'kind',
        `must be one of ${Object.keys(CertificateKind).join(', ')}`,
      );
    }
    // Access is checked before the first byte: after that an error can only cut the stream.
    await this.access.assertManages(actor, event);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="certificates-${event.id}.zip"`);
    await pipeline(this.archive.stream(event, kind), res);
  }
}

const isCertificateKind = (value: string): value is CertificateKind => value in CertificateKind;
