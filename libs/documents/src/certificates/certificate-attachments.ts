import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AttachmentSources } from '@platform/mail';
import { renderCertificate } from '../rendering';
import { CertificateFiles } from './certificate-files';
import { Certificate } from './certificate.entity';

/** Lets the mail worker attach a certificate's PDF (stored, or rendered if not yet). */
@Injectable()
export class CertificateAttachments implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly sources: AttachmentSources,
  ) {}

  onModuleInit(): void {
    this.sources.register('CERTIFICATE', async ({ id }) => {
      // The worker runs outside any request: it gets an EntityManager of its own.
      const certificate = await this.orm.em
        .fork()
        .findOneOrFail(Certificate, id, { populate: ['pdf'] });
      return {
        filename: CertificateFiles.fileName(certificate),
        content: certificate.pdf ?? (await renderCertificate(certificate.content)),
        contentType: 'application/pdf',
      };
    });
  }
}
