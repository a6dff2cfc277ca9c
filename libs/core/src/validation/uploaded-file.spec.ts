import { DomainError } from '../errors/domain-error';
import { uploadedFile, UploadedFileType } from './uploaded-file';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('uploadedFile', () => {
  it('reads the type from the first bytes', () => {
    const accepted = [UploadedFileType.JPEG, UploadedFileType.PNG];
    expect(uploadedFile('photo', PNG.toString('base64'), accepted, 1024)).toEqual({
      type: UploadedFileType.PNG,
      bytes: PNG,
    });
    const pdf = uploadedFile('letter', PDF.toString('base64'), [UploadedFileType.PDF], 1024);
    expect(pdf.bytes.equals(PDF)).toBe(true);
  });

  it('refuses another type, naming the field and the types it takes', () => {
    const error = refusal(() =>
      uploadedFile('letter', PNG.toString('base64'), [UploadedFileType.PDF], 1024),
    );
    expect(error.field).toBe('letter');
    expect(error.message).toBe('letter: must be a PDF file');
  });

  it('refuses what is not base64 and what is empty', () => {
    for (const text of ['', 'not base64!', 'QUJD=A==', 'QUJ'])
      expect(refusal(() => uploadedFile('photo', text, [UploadedFileType.PNG], 1024)).message).toBe(
        'photo: must be a file encoded in base64',
      );
  });

  it('refuses a file over the limit before and after decoding', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2048)]).toString('base64');
    expect(refusal(() => uploadedFile('letter', big, [UploadedFileType.PDF], 1024)).message).toBe(
      'letter: must be at most 1 KB',
    );
    const justOver = Buffer.concat([PDF, Buffer.alloc(1025 - PDF.length)]).toString('base64');
    expect(
      refusal(() => uploadedFile('letter', justOver, [UploadedFileType.PDF], 1024)).message,
    ).toBe('letter: must be at most 1 KB');
  });
});
