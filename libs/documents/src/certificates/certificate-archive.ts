import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { ZipFile } from 'yazl';
import { EventRef } from '@platform/core';
import { CertificateFiles } from './certificate-files';
import { Certificate, CertificateKind, CertificateStatus } from './certificate.entity';

const BATCH = 50;

/**
 * All valid certificates of an event as one ZIP, streamed: PDFs are read from the
 * database a batch at a time and the next entry is added only once the previous one
 * has been written out, so memory does not grow with the number of certificates.
 */
@Injectable()
export class CertificateArchive {
  constructor(
    private readonly em: EntityManager,
    private readonly files: CertificateFiles,
  ) {}

  stream(event: EventRef, kind?: CertificateKind): Readable {
    const zip = new ZipFile();
    const where: FilterQuery<Certificate> = {
      eventKind: event.kind,
      eventId: event.id,
      ...(kind ? { kind } : {}),
      status: CertificateStatus.VALID,
    };
    const output = zip.outputStream as Readable;
    this.fill(zip, where).then(
      () => zip.end(),
      (error: unknown) => output.destroy(error as Error),
    );
    return output;
  }

  private async fill(zip: ZipFile, where: FilterQuery<Certificate>): Promise<void> {
    const em = this.em.fork();
    let after = '';
    for (;;) {
      const batch = await em.find(
        Certificate,
        { $and: [where, { serial: { $gt: after } }] },
        { populate: ['pdf'], orderBy: { serial: 'asc' }, limit: BATCH },
      );
      for (const certificate of batch) {
        const pdf = await this.files.contentOf(certificate);
        await addAndWait(zip, CertificateFiles.fileName(certificate), pdf);
      }
      const last = batch.at(-1);
      if (!last || batch.length < BATCH) return;
      after = last.serial;
      em.clear();
    }
  }
}

/** Resolves once yazl has written the entry, i.e. the reader has taken it. */
function addAndWait(zip: ZipFile, name: string, content: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    // PDFs are compressed already: storing them saves CPU for no loss of size.
    zip.addReadStreamLazy(name, { compress: false, size: content.length }, (callback) => {
      const stream = Readable.from([content]);
      stream.on('end', resolve).on('error', reject);
      callback(null, stream);
    });
  });
}
