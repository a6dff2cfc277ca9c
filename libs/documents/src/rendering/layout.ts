import type { EditionHeader } from './document-content';
import { BOLD, FontName, newPdf, REGULAR, RenderOptions } from './fonts';
import { countryName, PartnerRoleName, textsFor } from './texts';
import type { LanguageCode } from '@platform/core/plain';

// Drawing helpers shared by the templates. pdfkit starts a new page by itself when text runs
// past the bottom margin: text that must stay where it is (the certificate, table cells, page
// numbers) is drawn with drawText, which gives it a height; flowing text uses paragraph.

export const INK = '#1a1a1a';
export const MUTED = '#5a5a5a';
export const ACCENT = '#1f3a68';
export const RULE = '#b8c2d3';

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

export const regular = (size: number, color = INK): TextStyle => ({ font: REGULAR, size, color });
export const bold = (size: number, color = INK): TextStyle => ({ font: BOLD, size, color });

function apply(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(style.color ?? INK);
}

const options = (style: TextStyle, width: number) => ({
  width,
  align: style.align ?? 'left',
  lineGap: style.lineGap ?? 0,
});

// Heights depend only on the text, the font, its size, the width and the line gap, so they
// are kept across documents: a certificate measures the same fixed texts as the one before.
const heights = new Map<string, number>();
const HEIGHT_CACHE_LIMIT = 20_000;

export function heightOf(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  width: number,
): number {
  if (!text) return 0;
  const key = `${style.font}|${style.size}|${width}|${style.lineGap ?? 0}|${text}`;
  let height = heights.get(key);
  if (height === undefined) {
    apply(doc, style);
    height = doc.heightOfString(text, options(style, width));
    if (heights.size >= HEIGHT_CACHE_LIMIT) heights.clear();
    heights.set(key, height);
  }
  return height;
}

/**
 * Draws `text` in the box (x, y, width) and returns its height. Lines past `maxHeight`
 * (measured by default) are dropped, never moved to a new page.
 */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  maxHeight?: number,
): number {
  if (!text) return 0;
  const height = maxHeight ?? heightOf(doc, text, style, width);
  apply(doc, style);
  // The extra half point absorbs rounding: the wrapper compares line bottoms to the height.
  doc.text(text, x, y, { ...options(style, width), height: height + 0.5 });
  return height;
}

/** The space left on the current page below `doc.y`. */
export const spaceLeft = (doc: PDFKit.PDFDocument) => doc.page.maxY() - doc.y;

/** Starts a new page unless `height` still fits below `doc.y`. */
export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (height > spaceLeft(doc) && doc.y > doc.page.margins.top) {
    doc.addPage();
  }
}

/** Flowing text from `doc.y` across the content width, breaking pages between lines. */
export function paragraph(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  indent = 0,
  gapAfter = 0,
): void {
  if (!text) return;
  const x = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent;
  apply(doc, style);
  // One line at least must fit, the rest may flow onto the next page.
  keepTogether(doc, doc.currentLineHeight(true));
  doc.text(text, x, doc.y, options(style, width));
  doc.y += gapAfter;
}

export const contentWidth = (doc: PDFKit.PDFDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;

export function horizontalRule(doc: PDFKit.PDFDocument, gap = 6, color = RULE): void {
  const y = doc.y + gap / 2;
  doc
    .save()
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.6)
    .strokeColor(color)
    .stroke()
    .restore();
  doc.y += gap;
}

const PARTNER_ORDER: PartnerRoleName[] = ['HOST', 'CO_ORGANIZER', 'FUNDER', 'PARTNER'];

/** An edition's document (agenda, recommendations): metadata, its header, pages numbered later. */
export function newEditionPdf(
  language: LanguageCode,
  edition: EditionHeader,
  title: string,
  options: RenderOptions,
): PDFKit.PDFDocument {
  const doc = newPdf({
    title: `${title} — ${edition.title}`,
    subject: edition.theme,
    author: edition.issuers.join(', '),
    language,
    bufferPages: true,
    creationDate: options.creationDate,
    fonts: options.fonts,
  });
  drawEditionHeader(doc, language, edition, title);
  return doc;
}

/** The edition's title, theme, dates, place, venue and partners, from `doc.y`. */
export function drawEditionHeader(
  doc: PDFKit.PDFDocument,
  language: LanguageCode,
  edition: EditionHeader,
  documentTitle: string,
): void {
  const texts = textsFor(language);
  paragraph(doc, documentTitle.toLocaleUpperCase(language), bold(10, ACCENT), 0, 4);
  paragraph(doc, edition.title, bold(16), 0, 4);
  if (edition.theme) paragraph(doc, `${texts.edition.theme}: ${edition.theme}`, regular(11), 0, 4);
  const place = [
    texts.dateRange(edition.startDate, edition.endDate),
    `${edition.city}, ${countryName(language, edition.countryCode)}`,
  ].join(' · ');
  paragraph(doc, place, regular(10, MUTED), 0, 2);
  if (edition.venue) paragraph(doc, `${texts.edition.venue}: ${edition.venue}`, regular(10, MUTED));
  for (const role of PARTNER_ORDER) {
    const names = edition.partners.filter((p) => p.role === role).map((p) => p.name);
    if (names.length)
      paragraph(doc, `${texts.partnerRole[role]}: ${names.join(', ')}`, regular(9, MUTED), 0, 1);
  }
  doc.y += 4;
  horizontalRule(doc, 12, ACCENT);
}

/** "Page N of M" at the foot of every buffered page (the document needs `bufferPages`). */
export function numberPages(doc: PDFKit.PDFDocument, language: LanguageCode): void {
  const { start, count } = doc.bufferedPageRange();
  const style: TextStyle = { ...regular(8, MUTED), align: 'center' };
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    drawText(
      doc,
      textsFor(language).page(i - start + 1, count),
      margins.left,
      height - margins.bottom + 20,
      width - margins.left - margins.right,
      style,
    );
  }
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

const CELL_PADDING = 3;
const HEADER_FILL = '#e6ebf3';
const ZEBRA_FILL = '#f5f7fa';

/**
 * A table from `doc.y` at the left margin. Rows never split; a row that does not fit starts
 * a new page, which repeats the header row.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  rows: TableRow[],
  size = 8.5,
): void {
  const left = doc.page.margins.left;
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  // Headers are a point smaller: they are often longer than the figures below them.
  const styleOf = (column: Column, kind: 'header' | 'bold' | 'regular'): TextStyle => ({
    ...(kind === 'regular' ? regular(size) : bold(kind === 'header' ? size - 1 : size)),
    align: column.align ?? 'left',
  });
  const measure = (cells: string[], kind: 'header' | 'bold' | 'regular') =>
    Math.max(
      ...columns.map((column, i) =>
        heightOf(doc, cells[i] ?? '', styleOf(column, kind), column.width - 2 * CELL_PADDING),
      ),
    ) +
    2 * CELL_PADDING;
  const kindOf = (row: TableRow) => (row.bold ? 'bold' : 'regular');
  const drawRow = (
    cells: string[],
    kind: 'header' | 'bold' | 'regular',
    height: number,
    fill?: string,
  ) => {
    const top = doc.y;
    if (fill) doc.save().rect(left, top, width, height).fill(fill).restore();
    let x = left;
    columns.forEach((column, i) => {
      drawText(
        doc,
        cells[i] ?? '',
        x + CELL_PADDING,
        top + CELL_PADDING,
        column.width - 2 * CELL_PADDING,
        styleOf(column, kind),
        height - 2 * CELL_PADDING,
      );
      x += column.width;
    });
    doc
      .save()
      .moveTo(left, top + height)
      .lineTo(left + width, top + height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke()
      .restore();
    doc.y = top + height;
  };

  const headers = columns.map((column) => column.header);
  const headerHeight = measure(headers, 'header');
  const header = () => drawRow(headers, 'header', headerHeight, HEADER_FILL);
  const first = rows[0];
  keepTogether(doc, headerHeight + (first ? measure(first.cells, kindOf(first)) : 0));
  header();
  rows.forEach((row, i) => {
    const height = measure(row.cells, kindOf(row));
    if (height > spaceLeft(doc)) {
      doc.addPage();
      header();
    }
    drawRow(row.cells, kindOf(row), height, i % 2 ? ZEBRA_FILL : undefined);
  });
  doc.x = left;
}
