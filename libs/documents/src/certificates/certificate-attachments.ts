import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Attachment, AttachmentSources, AttachmentWithdrawn } from '@platform/mail';
import { CERTIFICATE_ATTACHMENT } from './certificate-issued.email';
import { CertificateFiles } from './certificate-files';
import { Certificate, CertificateStatus } from './certificate.entity';

/**
 * Lets the mail worker attach a certificate's PDF (stored, or rendered if not yet) while
 * the certificate is still valid.
 */
@Injectable()
export class CertificateAttachments implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly sources: AttachmentSources,
    private readonly files: CertificateFiles,
  ) {}

  onModuleInit(): void {
    this.sources.register(CERTIFICATE_ATTACHMENT, async (refs) => {
      // The worker runs outside any request: it gets an EntityManager of its own.
      const certificates = await this.orm.em
        .fork()
        .find(Certificate, { id: { $in: refs.map((ref) => ref.id) } }, { populate: ['pdf'] });
      const byId = new Map(certificates.map((certificate) => [certificate.id, certificate]));
      return Promise.all(refs.map(({ id }) => this.attachmentOf(id, byId.get(id))));
    });
  }

  private async attachmentOf(
    id: string,
    certificate: Certificate | undefined,
  ): Promise<Attachment | Error> {
    if (!certificate) return new Error(`Certificate not found ('${id}')`);
    // Revoked or replaced after the mail was queued: the holder must not get it.
    if (certificate.status !== CertificateStatus.VALID) {
      return new AttachmentWithdrawn(
        `certificate ${certificate.serial} was ${certificate.status === CertificateStatus.REVOKED ? 'revoked' : 'replaced'} before its mail went out`,
      );
    }
    try {
      return {
        filename: CertificateFiles.fileName(certificate),
        content: await this.files.contentOf(certificate),
        contentType: 'application/pdf',
      };
    } catch (error) {
      return error as Error;
    }
  }
}
