import PDFDocument from 'pdfkit';
import * as QRCode from 'qrcode';
import { decodeQr, pdfFonts, pdfPageCount, pdfText } from './pdf';

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const VERIFY_URL = 'http://localhost:3000/verify/7K3MQ9X2ABCD';
// Written with escapes so an editor's normalization cannot swap the modifier letter turned comma.
const UZBEK = 'G\u02BBulomov O\u02BBtkir';
const NAMES = ['Рахимов Алишер', UZBEK, 'Dilnoza Qodirova'];

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('DejaVu', FONT).font('DejaVu').fontSize(14);
    draw(doc);
    doc.end();
  });
}

// Same technique as the certificates: one filled square per dark module, no raster image.
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const unit = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col))
        doc.rect(x + (col + quiet) * unit, y + (row + quiet) * unit, unit, unit);
    }
  }
  doc.fill('#000000').restore();
}

describe('test/support/pdf', () => {
  let withQr: Buffer;
  let withoutQr: Buffer;

  beforeAll(async () => {
    withQr = await render((doc) => {
      for (const name of NAMES) doc.text(name);
      drawQr(doc, VERIFY_URL, 400, 650, 120);
      doc.addPage().text('Second page');
    });
    // pdfkit's default Helvetica is one of the standard 14 fonts, never embedded.
    withoutQr = await render((doc) => doc.font('Helvetica').text('No code here'));
  });

  it('extracts the names exactly, Uzbek ʻ included', async () => {
    const text = await pdfText(withQr);
    const lines = text.split(/[\n\f]/);
    for (const name of NAMES) expect(lines).toContain(name);
    expect(text).toContain('\u02BB');
    expect(text).not.toMatch(/[\u2018\u2019']/);
    expect(text.split('\f')).toHaveLength(2);
  });

  it('counts pages and tells embedded fonts from standard ones', async () => {
    expect(await pdfPageCount(withQr)).toBe(2);
    expect(await pdfPageCount(withoutQr)).toBe(1);
    expect(await pdfFonts(withQr)).toEqual([
      { name: expect.stringMatching(/^[A-Z]{6}\+DejaVuSans$/), embedded: true },
    ]);
    expect(await pdfFonts(withoutQr)).toEqual([{ name: 'Helvetica', embedded: false }]);
  });

  it('decodes the vector QR code', async () => {
    await expect(decodeQr(withQr)).resolves.toBe(VERIFY_URL);
  });

  it('rejects clearly when a page has no QR code or does not exist', async () => {
    await expect(decodeQr(withoutQr)).rejects.toThrow('no QR code found on page 1 of 1');
    await expect(decodeQr(withQr, 3)).rejects.toThrow('page 3 is out of range');
  });
});
