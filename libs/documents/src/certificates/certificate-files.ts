import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { Certificate } from './certificate.entity';

/** The certificate PDFs: rendered once from the frozen content, then stored with it. */
@Injectable()
export class CertificateFiles {
  constructor(
    private readonly em: EntityManager,
    private readonly renderer: PdfRenderer,
  ) {}

  /** The stored PDF, rendering and storing it first if a bulk run has not got to it yet. */
  async pdfOf(certificate: Certificate): Promise<Buffer> {
    await this.em.populate(certificate, ['pdf']);
    if (certificate.pdf) return certificate.pdf;
    const pdf = await this.contentOf(certificate);
    await this.em.nativeUpdate(Certificate, { id: certificate.id }, { pdf });
    return pdf;
  }

  /**
   * The PDF of a certificate loaded with its `pdf`: the stored file, or, before a bulk
   * run got to it, the same file rendered now (rendering the frozen content is
   * deterministic).
   */
  contentOf(certificate: Pick<Certificate, 'pdf' | 'content'>): Promise<Buffer> {
    return certificate.pdf
      ? Promise.resolve(certificate.pdf)
      : this.renderer.certificate(certificate.content);
  }

  /** File name inside a ZIP or a download: serial and holder, safe on every system. */
  static fileName(certificate: Pick<Certificate, 'serial' | 'holderName'>): string {
    const holder = certificate.holderName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '');
    return `${certificate.serial}-${holder}.pdf`;
  }
}
