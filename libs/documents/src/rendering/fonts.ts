// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- builds that only follow imports (the app's tsconfig) must see fontkit's declaration too
/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { TrueTypeSource, TrueTypeSubset } from './truetype-subset';
import type { LanguageCode } from '@platform/core/plain';

/** Every text is set in DejaVu Sans: it has Latin, Cyrillic and the Uzbek letters (ʻ Ў Қ Ғ Ҳ). */
export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';
export type FontName = typeof REGULAR | typeof BOLD;

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Where the TTF files are; pdfkit parses a path again for every document. */
export const FONT_FILES: Record<FontName, string> = {
  [REGULAR]: join(FONT_DIR, 'DejaVuSans.ttf'),
  [BOLD]: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
};

/** What a document's fonts are made from: parsed fonts shared by all documents, or file paths. */
export type FontSet = Record<FontName, fontkit.Font | string>;

// Layouts are kept per word (pdfkit lays text out word by word); the bound only guards
// against a process that renders an endless stream of different names.
const LAYOUT_CACHE_LIMIT = 50_000;

/** What pdfkit keeps of a laid-out word: glyphs and positions already in its units, read only. */
type WordLayouts = Record<string, unknown>;

/**
 * A fontkit font shared by every document of the process. pdfkit accepts any object with
 * fontkit's interface and then skips parsing; this one also lends every document the same
 * cache of laid-out words (shaping with GSUB/GPOS, then pdfkit's scaling, is the next cost
 * after parsing) and makes subsets from glyph bytes read once (see truetype-subset.ts).
 */
class SharedFont implements fontkit.Font {
  readonly postscriptName: string;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly xHeight: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly bbox: fontkit.Font['bbox'];
  readonly 'OS/2': fontkit.Font['OS/2'];
  readonly post: fontkit.Font['post'];
  readonly head: fontkit.Font['head'];
  private words = Object.create(null) as WordLayouts;
  private lent = 0;

  constructor(
    private readonly font: fontkit.Font,
    private readonly source: TrueTypeSource,
  ) {
    this.postscriptName = font.postscriptName;
    this.numGlyphs = font.numGlyphs;
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent;
    this.descent = font.descent;
    this.lineGap = font.lineGap;
    this.xHeight = font.xHeight;
    this.capHeight = font.capHeight;
    this.italicAngle = font.italicAngle;
    this.bbox = font.bbox;
    this['OS/2'] = font['OS/2'];
    this.post = font.post;
    this.head = font.head;
  }

  layout(text: string, features?: unknown): fontkit.GlyphRun {
    return this.font.layout(text, features);
  }

  /**
   * pdfkit's per-document cache of laid-out words (EmbeddedFont.layoutCache), shared: pdfkit
   * fills it with runs it has scaled and only reads them afterwards.
   */
  wordLayouts(): WordLayouts {
    // A fresh cache past the bound (counted every so many documents: counting walks it);
    // documents still open keep the one they were lent.
    if (++this.lent % 256 === 0 && Object.keys(this.words).length > LAYOUT_CACHE_LIMIT)
      this.words = Object.create(null) as WordLayouts;
    return this.words;
  }

  getGlyph(glyphId: number): fontkit.Glyph {
    return this.font.getGlyph(glyphId);
  }

  createSubset(): fontkit.Subset {
    return new TrueTypeSubset(this.source);
  }
}

function loadFont(path: string): SharedFont {
  const bytes = readFileSync(path);
  const font = fontkit.create(bytes);
  if ('fonts' in font) throw new Error(`${path} is a font collection, not a font`);
  return new SharedFont(font, new TrueTypeSource(bytes));
}

let shared: FontSet | undefined;

/** The fonts parsed once per process (on first use), for every document. */
export function sharedFonts(): FontSet {
  shared ??= { [REGULAR]: loadFont(FONT_FILES[REGULAR]), [BOLD]: loadFont(FONT_FILES[BOLD]) };
  return shared;
}

/** The fonts as pdfkit's usual `registerFont(name, path)`: parsed again for each document. */
export function fontFiles(): FontSet {
  return { ...FONT_FILES };
}

export interface PdfOptions {
  title: string;
  subject?: string;
  author?: string;
  language: LanguageCode;
  layout?: 'portrait' | 'landscape';
  /** A4 unless given (badges are A6). */
  size?: 'A4' | 'A6';
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Keep every page open, to write "Page N of M" once the count is known. */
  bufferPages?: boolean;
  /** Fixed for reproducible files; now by default. */
  creationDate?: Date;
  fonts?: FontSet;
}

/** What a caller may set on any template. */
export interface RenderOptions {
  /**
   * The PDF's creation date, for reproducible files. Certificates default to their issue
   * date (the same content gives the same file), the other documents to now.
   */
  creationDate?: Date;
  /** The shared parsed fonts by default; the benchmark's baseline passes font files. */
  fonts?: FontSet;
}

/**
 * zlib's default level 6 spent a fifth of a certificate's CPU, mostly on the font subsets,
 * whose glyph outlines barely compress at any level; level 3 deflates about a third faster
 * for some 2% more bytes.
 */
const STREAM_DEFLATE = { level: 3 };

/** What pdfkit's references (PDFReference, not exported) keep of a stream until it is written. */
interface StreamReference {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/** pdfkit's document with every stream deflated at STREAM_DEFLATE instead of zlib's default. */
class PdfDocument extends PDFDocument {
  override ref(data: object): PDFKit.PDFKitReference {
    const ref = super.ref(data);
    const stream = ref as unknown as StreamReference;
    const finalize = stream.finalize.bind(stream);
    // pdfkit marks the stream FlateDecode while it is written and deflates it on finalize,
    // unless `compress` was turned off (the XMP metadata); deflated here, pdfkit skips it.
    stream.finalize = () => {
      if (stream.compress && stream.buffer.length) {
        stream.buffer = [deflateSync(Buffer.concat(stream.buffer), STREAM_DEFLATE)];
        stream.compress = false;
      }
      finalize();
    };
    return ref;
  }
}

export const DEFAULT_MARGINS = { top: 50, bottom: 56, left: 50, right: 50 };

/** An A4 (or `size`) document with the DejaVu fonts registered and the regular one selected. */
export function newPdf(options: PdfOptions): PDFKit.PDFDocument {
  const doc = new PdfDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins ?? DEFAULT_MARGINS,
    bufferPages: options.bufferPages ?? false,
    lang: options.language,
    displayTitle: true,
    // '' skips pdfkit's default Helvetica, whose metrics it would parse for every document.
    font: '',
    info: {
      Title: options.title,
      ...(options.subject && { Subject: options.subject }),
      ...(options.author && { Author: options.author }),
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const fonts = options.fonts ?? sharedFonts();
  for (const name of [REGULAR, BOLD] as const) {
    const font = fonts[name];
    doc.registerFont(name, font);
    if (font instanceof SharedFont) {
      // pdfkit makes the font's EmbeddedFont on first selection; it gets the shared words.
      const { _font: embedded } = doc.font(name) as unknown as {
        _font: { layoutCache?: WordLayouts };
      };
      embedded.layoutCache = font.wordLayouts();
    }
  }
  return doc.font(REGULAR);
}

/** Ends the document and resolves with the whole file. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
