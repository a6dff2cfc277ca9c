import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { ZipFile } from 'yazl';
import { blobColumn, EventRef, jsonColumn, SqlStatement } from '@platform/core';
import type { CertificateContent } from '../rendering';
import { certificateBatches } from './certificate-batches';
import { CertificateFiles } from './certificate-files';
import { CertificateKind, CertificateStatus } from './certificate.entity';

/** Small: on PostgreSQL each PDF arrives as hex text, parsed on the event loop. */
const BATCH = 10;

/**
 * All valid certificates of an event as one ZIP, streamed: PDFs are read from the
 * database a batch at a time and the next entry is added only once the previous one
 * has been written out, so memory does not grow with the number of certificates. Rows
 * are read plain, not as entities: only the PDF, the holder's name for the file name, and
 * the content only where the PDF is still to be rendered.
 */
@Injectable()
export class CertificateArchive {
  constructor(
    private readonly em: EntityManager,
    private readonly files: CertificateFiles,
  ) {}

  stream(event: EventRef, kind?: CertificateKind): Readable {
    const zip = new ZipFile();
    const where: SqlStatement = {
      sql: `event_kind = ? and event_id = ? and status = ?${kind ? ' and kind = ?' : ''}`,
      params: [event.kind, event.id, CertificateStatus.VALID, ...(kind ? [kind] : [])],
    };
    const output = zip.outputStream as Readable;
    this.fill(zip, where).then(
      () => zip.end(),
      (error: unknown) => output.destroy(error as Error),
    );
    return output;
  }

  private async fill(zip: ZipFile, where: SqlStatement): Promise<void> {
    const em = this.em.fork();
    const columns = `serial, content ->> 'holderName' as holder_name, pdf,
      case when pdf is null then content end as content`;
    for await (const batch of certificateBatches(em, columns, where, BATCH)) {
      for (const row of batch) {
        const serial = String(row.serial);
        const pdf = await this.files.contentOf({
          pdf: blobColumn(row.pdf),
          content: jsonColumn(row.content) as CertificateContent,
        });
        await addAndWait(
          zip,
          CertificateFiles.fileName({ serial, holderName: String(row.holder_name) }),
          pdf,
        );
      }
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
