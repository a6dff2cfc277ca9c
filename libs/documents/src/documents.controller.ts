import { pipeline } from 'node:stream/promises';
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor, CurrentActor, DomainError, IdParam, requestedLanguage } from '@platform/core';
import { CertificateAccess } from './certificates/certificate-access';
import { CertificateArchive } from './certificates/certificate-archive';
import { CertificateFiles } from './certificates/certificate-files';
import { CertificateKind } from './certificates/certificate.entity';
import { OutcomeDocuments } from './outcomes/outcome-documents';

/** Every document as a download; each route checks who is asking (bearer token or session cookie). */
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly access: CertificateAccess,
    private readonly files: CertificateFiles,
    private readonly archive: CertificateArchive,
    private readonly outcomes: OutcomeDocuments,
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
    return this.zip(actor, id, false, res, kind);
  }

  @Get('training-events/:id/certificates.zip')
  trainingCertificates(
    @IdParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.zip(actor, id, true, res);
  }

  @Get('editions/:id/recommendations.pdf')
  async recommendations(
    @IdParam('id') id: string,
    @Query('lang') lang: string | undefined,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const pdf = await this.outcomes.recommendations(actor, id, requestedLanguage(lang));
    sendPdf(res, pdf, `recommendations-${id}.pdf`, show);
  }

  @Get('editions/:id/agenda.pdf')
  async agenda(
    @IdParam('id') id: string,
    @Query('lang') lang: string | undefined,
    @Query('inline') inline: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const show = inlineOf(inline);
    const pdf = await this.outcomes.agenda(actor, id, requestedLanguage(lang));
    sendPdf(res, pdf, `agenda-${id}.pdf`, show);
  }

  @Get('training-events/:id/attendance-report.pdf')
  async attendanceReport(
    @IdParam('id') id: string,
    @Query('lang') lang: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const pdf = await this.outcomes.attendanceReport(actor, id, requestedLanguage(lang));
    sendPdf(res, pdf, `attendance-report-${id}.pdf`);
  }

  private async zip(
    actor: Actor,
    eventId: string,
    training: boolean,
    res: Response,
    kind?: string,
  ) {
    if (kind !== undefined && !isCertificateKind(kind)) {
      throw DomainError.invalid(
        'kind',
        `must be one of ${Object.keys(CertificateKind).join(', ')}`,
      );
    }
    // Access is checked before the first byte: after that an error can only cut the stream.
    const scope = await this.access.manageableEvent(actor, { id: eventId, training });
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="certificates-${eventId}.zip"`);
    await pipeline(this.archive.stream(scope, kind), res);
  }
}

const isCertificateKind = (value: string): value is CertificateKind => value in CertificateKind;

/** `?inline=1`: shown in the browser's PDF viewer rather than saved (the web app's "Open"). */
function inlineOf(inline: string | undefined): boolean {
  if (inline === undefined || inline === '0') return false;
  if (inline === '1') return true;
  throw DomainError.invalid('inline', 'must be 1 (show in the browser) or 0 (download)');
}

function sendPdf(res: Response, pdf: Buffer, fileName: string, inline = false): void {
  res.setHeader('Content-Type', 'application/pdf');
  // RFC 6266: an ASCII fallback plus the UTF-8 name (holders' names may be Cyrillic).
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.setHeader(
    'Content-Disposition',
    `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  res.send(pdf);
}
