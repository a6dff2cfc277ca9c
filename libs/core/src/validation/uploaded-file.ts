import { DomainError } from '../errors/domain-error';

/** The file types people upload, told apart by their first bytes, never by a name or a header. */
export enum UploadedFileType {
  PDF = 'application/pdf',
  JPEG = 'image/jpeg',
  PNG = 'image/png',
}

const MAGIC: Record<UploadedFileType, number[]> = {
  [UploadedFileType.PDF]: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [UploadedFileType.JPEG]: [0xff, 0xd8, 0xff],
  [UploadedFileType.PNG]: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const NAME: Record<UploadedFileType, string> = {
  [UploadedFileType.PDF]: 'PDF',
  [UploadedFileType.JPEG]: 'JPEG',
  [UploadedFileType.PNG]: 'PNG',
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface UploadedFile {
  type: UploadedFileType;
  bytes: Buffer;
}

/**
 * A file sent as base64 in a GraphQL input (a nomination letter, a badge photo): decoded,
 * its size bounded and its type read from its first bytes. Any problem names `field`.
 */
export function uploadedFile(
  field: string,
  base64: string,
  accepted: UploadedFileType[],
  maxBytes: number,
): UploadedFile {
  // A length check before decoding: base64 is 4 characters per 3 bytes.
  if (base64.length > Math.ceil(maxBytes / 3) * 4 + 4)
    throw DomainError.invalid(field, `must be at most ${Math.floor(maxBytes / 1024)} KB`);
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64))
    throw DomainError.invalid(field, 'must be a file encoded in base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes)
    throw DomainError.invalid(field, `must be at most ${Math.floor(maxBytes / 1024)} KB`);
  const type = accepted.find((candidate) => MAGIC[candidate].every((byte, i) => bytes[i] === byte));
  if (!type) {
    const names = accepted.map((candidate) => NAME[candidate]).join(' or ');
    throw DomainError.invalid(field, `must be a ${names} file`);
  }
  return { type, bytes };
}
