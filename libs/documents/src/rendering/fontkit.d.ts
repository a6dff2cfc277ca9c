// fontkit ships no types: the part of its API the documents and pdfkit use.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    path: { toSVG(): string };
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }

  export interface Subset {
    includeGlyph(glyphId: number): number;
    encode(): Uint8Array;
  }

  export interface Font {
    postscriptName: string;
    numGlyphs: number;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    xHeight: number;
    capHeight: number;
    italicAngle: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    'OS/2': { sFamilyClass: number };
    post: { isFixedPitch: number };
    head: { macStyle: { italic: boolean } };
    layout(text: string, features?: unknown): GlyphRun;
    getGlyph(glyphId: number): Glyph;
    createSubset(): Subset;
  }

  export interface FontCollection {
    fonts: Font[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    /** pdfkit (PDFFontFactory.open) also takes an already parsed fontkit font as it is. */
    registerFont(name: string, src: import('fontkit').Font | string): this;
  }
}
