import { create, QRCodeSegment } from 'qrcode';

/** Modules of white margin the QR specification asks around a code. */
const QUIET_ZONE = 4;

/** The characters of QR's alphanumeric mode, at the end of a text. */
const ALPHANUMERIC_TAIL = /[0-9A-Z $%*+\-./:]*$/;
/** From this length an alphanumeric segment (13 bits of header, 5.5 a character) beats bytes. */
const MIN_ALPHANUMERIC = 6;

/**
 * A verification URL ends in its code (capitals and digits), which the alphanumeric mode
 * stores in less room than bytes. These are the segments qrcode's own optimizer picks for
 * such a text, without its search over every split of the text (a shortest path per code).
 */
function segments(text: string): QRCodeSegment[] {
  const tail = ALPHANUMERIC_TAIL.exec(text)?.[0] ?? '';
  if (tail.length < MIN_ALPHANUMERIC) return [{ data: Buffer.from(text), mode: 'byte' }];
  const head = text.slice(0, text.length - tail.length);
  return [
    ...(head ? [{ data: Buffer.from(head), mode: 'byte' as const }] : []),
    { data: tail, mode: 'alphanumeric' },
  ];
}

/**
 * Draws `text` as a QR code in the square (x, y, size), quiet zone included, as vector
 * rectangles: sharp at any zoom and in print, and no image to decode or embed. Each run of
 * dark modules in a row is one rectangle and all of them are one filled path, which keeps the
 * content stream small and leaves no seams between modules.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = create(segments(text), { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = size / (count + 2 * QUIET_ZONE);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      doc.rect(
        x + (start + QUIET_ZONE) * unit,
        y + (row + QUIET_ZONE) * unit,
        (col - start) * unit,
        unit,
      );
    }
  }
  doc.fill('#000000');
  doc.restore();
}
