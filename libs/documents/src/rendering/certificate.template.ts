import {
  CertificateContent,
  certificateTexts,
  CertificateTexts,
  Signatory,
} from './document-content';
import { BOLD, newPdf, pdfToBuffer, RenderOptions } from './fonts';
import { ACCENT, bold, drawText, heightOf, INK, MUTED, regular, RULE, TextStyle } from './layout';
import { drawQrCode } from './qr';
import { holderNameIn } from './holder-name';
import { countryName, forHolder, Texts, textsFor } from './texts';
import type { LanguageCode } from '@platform/core/plain';

// A4 landscape: a frame, the body centred in the upper part, then signatories and the
// verification details on the left of the QR code at the bottom.
const FRAME = 20;
const SIDE = 62;
const TOP = 50;
const BOTTOM = 46;
const QR_SIZE = 100;
const GUTTER = 16;
const SIGNATURE_SPACE = 26;
const SIGNATORIES_PER_ROW = 4;
/** Below this the text would be too small to read; it is cut rather than spilt on a page 2. */
const MIN_SCALE = 0.45;

interface Block {
  text: string;
  style: TextStyle;
  gapBefore: number;
}

/** The main language's text, then the second language's smaller below it when they differ. */
function bilingual(
  languages: LanguageCode[],
  pick: (texts: Texts, language: LanguageCode) => string,
  style: TextStyle,
  gapBefore: number,
): Block[] {
  return twoTexts(
    languages.map((language) => pick(textsFor(language), language)),
    style,
    gapBefore,
  );
}

/** The main text, then the second one smaller below it when they differ. */
function twoTexts(texts: string[], style: TextStyle, gapBefore: number): Block[] {
  const [main, second] = texts;
  const blocks: Block[] = [];
  if (main) blocks.push({ text: main, style, gapBefore });
  if (second && second !== main)
    blocks.push({
      text: second,
      style: { ...style, size: style.size * (main ? 0.8 : 1), color: main ? MUTED : style.color },
      gapBefore: main ? 1 : gapBefore,
    });
  return blocks;
}

function bodyBlocks(
  doc: PDFKit.PDFDocument,
  content: CertificateContent,
  scale: number,
  width: number,
): Block[] {
  const { languages, kind, holderSex } = content;
  const size = (points: number) => points * scale;
  const centred = (style: TextStyle): TextStyle => ({ ...style, align: 'center' });
  // What the organizers typed, in each of the certificate's languages.
  const typed = languages.map((language) => certificateTexts(content, language));
  const each = (pick: (texts: CertificateTexts) => string | undefined) =>
    typed.map((texts) => pick(texts) ?? '');
  // Each language's part names the holder in its script: a Russian–English certificate
  // prints the Cyrillic name large and the Latin one below it.
  const [name = content.holderName, otherName] = languages.map((l) => holderNameIn(content, l));
  const blocks: Block[] = [
    ...twoTexts(
      each((t) => t.issuers.join('  ·  ')),
      centred(regular(size(9), MUTED)),
      0,
    ),
    ...bilingual(
      languages,
      (t, language) => t.certificate.title[kind].toLocaleUpperCase(language),
      centred(bold(size(28), ACCENT)),
      size(16),
    ),
    ...bilingual(
      languages,
      (t) => forHolder(t.certificate.lead, holderSex),
      centred(regular(size(12))),
      size(16),
    ),
    {
      text: name,
      style: centred(bold(fitOneLine(doc, name, size(28), size(16), width))),
      gapBefore: size(8),
    },
  ];
  if (otherName && otherName !== name)
    blocks.push({
      text: otherName,
      style: centred(bold(fitOneLine(doc, otherName, size(18), size(11), width), MUTED)),
      gapBefore: size(2),
    });
  blocks.push(
    ...twoTexts(
      each((t) => t.holderOrganization),
      centred(regular(size(12), MUTED)),
      size(3),
    ),
  );
  blocks.push(
    ...bilingual(
      languages,
      (t) => forHolder(t.certificate.beforeEvent[kind], holderSex),
      centred(regular(size(12))),
      size(12),
    ),
    ...twoTexts(
      each((t) => t.eventTitle),
      centred({ ...bold(size(16), ACCENT), lineGap: size(1) }),
      size(6),
    ),
    ...bilingual(
      languages,
      (t) => t.certificate.afterEvent[kind],
      centred(regular(size(12))),
      size(6),
    ),
  );
  if (typed[0]?.sessionTitles?.length) {
    const label = languages.map((l) => textsFor(l).certificate.sessions).join(' / ');
    const titles = typed.map((texts, i) => {
      const quote = textsFor(languages[i] ?? 'en').quote;
      return (texts.sessionTitles ?? []).map(quote).join('; ');
    });
    blocks.push(
      ...twoTexts(
        titles.map((text, i) => (i === 0 ? `${label}: ${text}` : text)),
        centred(regular(size(11), INK)),
        size(8),
      ),
    );
  }
  blocks.push(
    ...bilingual(
      languages,
      (t, language) =>
        [
          t.dateRange(content.startDate, content.endDate),
          `${certificateTexts(content, language).city}, ${countryName(language, content.countryCode)}`,
          content.hours !== undefined ? t.hours(content.hours) : t.days(content.days),
        ].join('  ·  '),
      centred(regular(size(12))),
      size(14),
    ),
  );
  return blocks;
}

/** The largest size from `max` down to `min` at which `text` stays on one line. */
function fitOneLine(
  doc: PDFKit.PDFDocument,
  text: string,
  max: number,
  min: number,
  width: number,
): number {
  doc.font(BOLD).fontSize(max);
  const natural = doc.widthOfString(text);
  return natural <= width ? max : Math.max(min, (max * width) / natural);
}

/** A text measured at its place on the page, drawn once the whole page fits. */
interface Placed {
  text: string;
  style: TextStyle;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Layout {
  texts: Placed[];
  signatureLines: { x1: number; x2: number; y: number }[];
  /** Height missing for everything to fit; 0 or less when it fits. */
  overflow: number;
}

const signatoryStyles = (scale: number) => ({
  name: { ...bold(9.5 * scale), align: 'center' as const },
  position: { ...regular(8 * scale), align: 'center' as const },
  organization: { ...regular(8 * scale, MUTED), align: 'center' as const },
});

/**
 * Each signatory once, their position and organization in the certificate's languages,
 * one per line where they differ.
 */
function bilingualSignatories(content: CertificateContent): Signatory[] {
  const typed = content.languages.map((language) => certificateTexts(content, language));
  const lines = (texts: (string | undefined)[]) =>
    [...new Set(texts.filter((text): text is string => !!text))].join('\n');
  return (typed[0]?.signatories ?? []).map((signatory, i) => ({
    name: signatory.name,
    position: lines(typed.map((texts) => texts.signatories[i]?.position)),
    organization: lines(typed.map((texts) => texts.signatories[i]?.organization)),
  }));
}

/** The verification details (bottom left), signatories above them, the body centred on top. */
function layout(doc: PDFKit.PDFDocument, content: CertificateContent, scale: number): Layout {
  const { width: pageWidth, height: pageHeight } = doc.page;
  const placed: Placed[] = [];
  const place = (text: string, style: TextStyle, x: number, y: number, width: number) => {
    const item = { text, style, x, y, width, height: heightOf(doc, text, style, width) };
    if (text) placed.push(item);
    return item;
  };

  const footerWidth = pageWidth - SIDE - QR_SIZE - GUTTER - SIDE;
  const texts = content.languages.map(textsFor);
  const label = (pick: (texts: Texts) => string) => texts.map(pick).join(' / ');
  const issued = [...new Set(texts.map((t) => t.date(content.issuedOn)))].join(' / ');
  const verification = [
    `${label((t) => t.certificate.serial)}: ${content.serial}     ` +
      `${label((t) => t.certificate.verificationCode)}: ${content.verificationCode}`,
    `${label((t) => t.certificate.issuedOn)}: ${issued}`,
    `${label((t) => t.certificate.verifyAt)}: ${content.verificationUrl}`,
  ].join('\n');
  const details = place(verification, regular(8.5 * scale), SIDE, 0, footerWidth);
  details.y = pageHeight - BOTTOM - details.height;

  // Signatories in rows of up to four, laid out from the last row upwards.
  const styles = signatoryStyles(scale);
  const signatureLines: Layout['signatureLines'] = [];
  let footerTop = details.y - 10 * scale;
  const signatories = bilingualSignatories(content);
  const rows: Signatory[][] = [];
  for (let i = 0; i < signatories.length; i += SIGNATORIES_PER_ROW)
    rows.push(signatories.slice(i, i + SIGNATORIES_PER_ROW));
  for (const row of rows.reverse()) {
    const column = (footerWidth - GUTTER * (row.length - 1)) / row.length;
    const columns = row.map((signatory, i) => {
      const x = SIDE + i * (column + GUTTER);
      const parts = [
        place(signatory.name, styles.name, x, 0, column),
        place(signatory.position, styles.position, x, 0, column),
        place(signatory.organization ?? '', styles.organization, x, 0, column),
      ];
      return { x, parts, height: parts.reduce((sum, part) => sum + part.height, 0) };
    });
    const textTop = footerTop - Math.max(...columns.map((c) => c.height));
    for (const { x, parts } of columns) {
      let y = textTop;
      for (const part of parts) {
        part.y = y;
        y += part.height;
      }
      const inset = column * 0.1;
      signatureLines.push({ x1: x + inset, x2: x + column - inset, y: textTop - 4 * scale });
    }
    footerTop = textTop - 4 * scale - SIGNATURE_SPACE * scale;
  }

  const bodyWidth = pageWidth - 2 * SIDE;
  const bodyBottom = Math.min(footerTop, pageHeight - BOTTOM - QR_SIZE) - 14;
  const body = bodyBlocks(doc, content, scale, bodyWidth).map((block) => ({
    gapBefore: block.gapBefore,
    item: place(block.text, block.style, SIDE, 0, bodyWidth),
  }));
  const needed = body.reduce((sum, { gapBefore, item }) => sum + gapBefore + item.height, 0);
  const free = bodyBottom - TOP - needed;
  let y = TOP + Math.max(0, free) / 2;
  for (const { gapBefore, item } of body) {
    item.y = y + gapBefore;
    y = item.y + item.height;
    // Only past MIN_SCALE: the lines that do not fit are cut, never drawn over the footer.
    const room = bodyBottom - item.y;
    if (item.height > room)
      item.height = room >= heightOf(doc, 'X', item.style, item.width) ? room : 0;
  }
  return { texts: placed.filter((item) => item.height > 0), signatureLines, overflow: -free };
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc.save();
  doc
    .rect(FRAME, FRAME, width - 2 * FRAME, height - 2 * FRAME)
    .lineWidth(2.5)
    .strokeColor(ACCENT)
    .stroke();
  doc
    .rect(FRAME + 6, FRAME + 6, width - 2 * FRAME - 12, height - 2 * FRAME - 12)
    .lineWidth(0.7)
    .strokeColor(RULE)
    .stroke();
  doc.restore();
}

/** One A4 landscape page; bilingual when `languages` has two entries. */
export async function renderCertificate(
  content: CertificateContent,
  options: RenderOptions = {},
): Promise<Buffer> {
  const [language, ...others] = content.languages;
  if (language === undefined || others.length > 1)
    throw new Error(`A certificate has one or two languages, not ${content.languages.length}`);
  const main = textsFor(language);
  const doc = newPdf({
    title: `${main.certificate.title[content.kind]} — ${holderNameIn(content, language)}`,
    subject: certificateTexts(content, language).eventTitle,
    author: certificateTexts(content, language).issuers.join(', '),
    language,
    layout: 'landscape',
    margins: { top: TOP, bottom: BOTTOM, left: SIDE, right: SIDE },
    creationDate: options.creationDate ?? new Date(`${content.issuedOn}T00:00:00Z`),
    fonts: options.fonts,
  });
  // Shrink everything together until it fits; past MIN_SCALE lines are cut, never moved.
  let scale = 1;
  let page = layout(doc, content, scale);
  while (page.overflow > 0 && scale > MIN_SCALE) {
    const available = doc.page.height - TOP - BOTTOM;
    scale = Math.max(
      MIN_SCALE,
      scale * Math.min(0.95, Math.sqrt(available / (available + page.overflow))),
    );
    page = layout(doc, content, scale);
  }

  drawFrame(doc);
  for (const { text, style, x, y, width, height } of page.texts)
    drawText(doc, text, x, y, width, style, height);
  doc.save().lineWidth(0.7).strokeColor(INK);
  for (const { x1, x2, y } of page.signatureLines) doc.moveTo(x1, y).lineTo(x2, y);
  doc.stroke().restore();
  const { width: pageWidth, height: pageHeight } = doc.page;
  drawQrCode(
    doc,
    content.verificationUrl,
    pageWidth - SIDE - QR_SIZE,
    pageHeight - BOTTOM - QR_SIZE,
    QR_SIZE,
  );

  const { start, count } = doc.bufferedPageRange();
  if (start + count !== 1) throw new Error('The certificate ran over one page');
  return pdfToBuffer(doc);
}
