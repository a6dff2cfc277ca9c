import { BADGE_ROLE_COLOURS, BADGE_TEXTS } from './badge-texts';
import type { BadgeFace, BadgesContent } from './document-content';
import { newPdf, pdfToBuffer, RenderOptions } from './fonts';
import { ACCENT, bold, drawText, heightOf, MUTED, regular, RULE, TextStyle } from './layout';
import { drawQrCode } from './qr';
import { countryName, textsFor } from './texts';

// A6 in points: a quarter of A4, so four badges fill a sheet edge to edge and one cut across
// each way separates them.
const A6 = { width: 297.64, height: 419.53 };
const A4 = { width: 595.28, height: 841.89 };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

const PAD = 16;
const BAND = 58;
const QR = 112;
const PHOTO = { width: 72, height: 92 };

/** One badge on an A6 page. */
export async function renderBadge(
  content: BadgesContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const [badge] = content.badges;
  if (!badge || content.badges.length !== 1) throw new Error('A badge PDF holds one badge');
  const doc = newPdf({
    title: `${BADGE_TEXTS[content.language].title} — ${badge.names.fullName}`,
    subject: content.edition.title,
    language: content.language,
    size: 'A6',
    margins: NO_MARGINS,
    creationDate: options.creationDate,
    fonts: options.fonts,
  });
  drawBadge(doc, content, badge, 0, 0);
  return pdfToBuffer(doc);
}

/**
 * Badges four to an A4 sheet (two across, two down) with cut marks on the lines between
 * them, as many sheets as needed.
 */
export async function renderBadgeSheet(
  content: BadgesContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const doc = newPdf({
    title: `${BADGE_TEXTS[content.language].sheetTitle} — ${content.edition.title}`,
    subject: content.edition.title,
    language: content.language,
    margins: NO_MARGINS,
    creationDate: options.creationDate,
    fonts: options.fonts,
  });
  content.badges.forEach((badge, i) => {
    const slot = i % 4;
    if (i > 0 && slot === 0) doc.addPage({ size: 'A4', margins: NO_MARGINS });
    drawBadge(doc, content, badge, (slot % 2) * A6.width, Math.floor(slot / 2) * A6.height);
    if (slot === 3 || i === content.badges.length - 1) drawCutMarks(doc);
  });
  if (content.badges.length === 0) {
    drawText(doc, '—', 0, A4.height / 2, A4.width, { ...regular(12, MUTED), align: 'center' });
  }
  return pdfToBuffer(doc);
}

function drawBadge(
  doc: PDFKit.PDFDocument,
  content: BadgesContent,
  badge: BadgeFace,
  x0: number,
  y0: number,
): void {
  const { language, edition } = content;
  const width = A6.width - 2 * PAD;
  const left = x0 + PAD;

  // The edition: title, then dates and place.
  drawFitted(doc, edition.title, left, y0 + PAD, width, bold(9, ACCENT), 24);
  const place = `${textsFor(language).dateRange(edition.startDate, edition.endDate)} · ${edition.city}, ${countryName(language, edition.countryCode)}`;
  drawText(doc, place, left, y0 + PAD + 26, width, regular(7.5, MUTED), 10);
  doc
    .save()
    .moveTo(left, y0 + 56)
    .lineTo(left + width, y0 + 56)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke()
    .restore();

  // The photo, when there is one, and the name beside it in each script it is known in.
  const top = y0 + 64;
  let nameLeft = left;
  if (badge.photo && drawPhoto(doc, badge.photo, left, top)) nameLeft = left + PHOTO.width + 10;
  const nameWidth = left + width - nameLeft;
  let y = top;
  for (const [name, size] of namesToPrint(badge.names)) {
    y += drawFitted(doc, name, nameLeft, y, nameWidth, bold(size), size * 2.6) + 4;
  }

  // Organization and delegation.
  y = Math.max(y, top + PHOTO.height) + 8;
  if (badge.organization) {
    y += drawFitted(doc, badge.organization, left, y, width, regular(9.5), 24) + 4;
  }
  if (badge.delegation) drawFitted(doc, badge.delegation, left, y, width, bold(11, ACCENT), 28);

  // The QR code of the check-in token, and what to do with it.
  const bandTop = y0 + A6.height - BAND;
  const qrTop = bandTop - 14 - QR;
  drawQrCode(doc, badge.token, x0 + (A6.width - QR) / 2, qrTop, QR);
  drawText(doc, BADGE_TEXTS[language].scanToCheckIn, left, qrTop + QR + 1, width, {
    ...regular(6.5, MUTED),
    align: 'center',
  });

  // The role as a colour band with its word.
  doc.save().rect(x0, bandTop, A6.width, BAND).fill(BADGE_ROLE_COLOURS[badge.role]).restore();
  drawText(doc, BADGE_TEXTS[language].role[badge.role], left, bandTop + 17, width, {
    ...bold(20, '#ffffff'),
    align: 'center',
  });
}

/** The Latin and the Cyrillic name when known (the larger first), else the name as entered. */
/** Draws `text` in at most `maxHeight` (lines beyond are dropped) and gives the height used. */
function drawFitted(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  maxHeight: number,
): number {
  return drawText(
    doc,
    text,
    x,
    y,
    width,
    style,
    Math.min(heightOf(doc, text, style, width), maxHeight),
  );
}

function namesToPrint(names: BadgeFace['names']): [string, number][] {
  const known = [names.latin, names.cyrillic].filter((name): name is string => Boolean(name));
  if (known.length === 0) return [[names.fullName, 17]];
  return known.map((name, i) => [name, i === 0 ? 17 : 13]);
}

/** Fits the photo into its box; a file pdfkit cannot read is left out rather than failing. */
function drawPhoto(doc: PDFKit.PDFDocument, photo: Uint8Array, x: number, y: number): boolean {
  try {
    doc.image(Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength), x, y, {
      fit: [PHOTO.width, PHOTO.height],
      align: 'center',
      valign: 'center',
    });
    doc
      .save()
      .rect(x, y, PHOTO.width, PHOTO.height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
      .restore();
    return true;
  } catch {
    return false;
  }
}

/** Short marks on the sheet's edges and a cross at its centre, where the two cuts run. */
function drawCutMarks(doc: PDFKit.PDFDocument): void {
  const mark = 14;
  const midX = A4.width / 2;
  const midY = A4.height / 2;
  doc.save().lineWidth(0.5).strokeColor('#777777');
  doc.moveTo(midX, 0).lineTo(midX, mark).stroke();
  doc
    .moveTo(midX, A4.height - mark)
    .lineTo(midX, A4.height)
    .stroke();
  doc.moveTo(0, midY).lineTo(mark, midY).stroke();
  doc
    .moveTo(A4.width - mark, midY)
    .lineTo(A4.width, midY)
    .stroke();
  doc
    .moveTo(midX - mark / 2, midY)
    .lineTo(midX + mark / 2, midY)
    .stroke();
  doc
    .moveTo(midX, midY - mark / 2)
    .lineTo(midX, midY + mark / 2)
    .stroke();
  doc.restore();
}
