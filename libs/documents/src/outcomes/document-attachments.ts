import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Edition } from '@platform/conferences';
import { Actor, languageOr } from '@platform/core';
import { AttachmentSources, AttachmentWithdrawn } from '@platform/mail';
import { OutcomeDocuments } from './outcome-documents';
import { CertificateFiles } from '../certificates/certificate-files';
import { Certificate, CertificateStatus } from '../certificates/certificate.entity';

/**
 * Lets the mail worker attach documents: a certificate's PDF (stored, or rendered if not
 * yet) while the certificate is still valid, and an edition's recommendations (as anyone
 * may see them).
 */
@Injectable()
export class DocumentAttachments implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly sources: AttachmentSources,
    private readonly outcomes: OutcomeDocuments,
  ) {}

  onModuleInit(): void {
    this.sources.register('CERTIFICATE', async ({ id }) => {
      // The worker runs outside any request: it gets an EntityManager of its own.
      const certificate = await this.orm.em
        .fork()
        .findOneOrFail(Certificate, id, { populate: ['pdf'] });
      // Revoked or replaced after the mail was queued: the holder must not get it.
      if (certificate.status !== CertificateStatus.VALID) {
        throw new AttachmentWithdrawn(
          `certificate ${certificate.serial} was ${certificate.status === CertificateStatus.REVOKED ? 'revoked' : 'replaced'} before its mail went out`,
        );
      }
      return {
        filename: CertificateFiles.fileName(certificate),
        content: await CertificateFiles.contentOf(certificate),
        contentType: 'application/pdf',
      };
    });
    this.sources.register('RECOMMENDATIONS', ({ id, language }) =>
      // OutcomeDocuments works with the request's EntityManager: give it a context of its own.
      RequestContext.create(this.orm.em, async () => {
        const edition = await this.orm.em.findOneOrFail(Edition, id);
        const content = await this.outcomes.recommendationsOf(
          edition,
          languageOr(language),
          Actor.anonymous,
        );
        return {
          filename: `recommendations-${edition.year}.pdf`,
          content,
          contentType: 'application/pdf',
        };
      }),
    );
  }
}
