import type { Subset } from 'fontkit';

// The font file embedded in a PDF holds only the glyphs the document uses. fontkit's subsetter
// decodes every glyph outline and re-encodes every table for each document, which made it the
// largest cost of a certificate once the font was parsed only once. Glyph records are byte
// ranges of the original file, so this one reads them once per process and copies bytes. It
// writes the tables fontkit writes, those a PDF viewer needs (head hhea loca maxp cvt prep glyf
// hmtx fpgm), with a sorted directory and real checksums where fontkit leaves zeros.

interface GlyphRecord {
  /** The glyph's bytes in the original `glyf` table (a view, not a copy). */
  data: Uint8Array;
  /** Composite glyphs: the glyph ids they are built from and where each id is written. */
  components: { glyphId: number; offset: number }[];
  advance: number;
  leftBearing: number;
}

const COPIED_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

// Composite glyph flags (OpenType spec, glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables of one TrueType font that subsets are made from, parsed once per process. */
export class TrueTypeSource {
  private readonly tables = new Map<string, Uint8Array>();
  private readonly glyphOffsets: number[] = [];
  private readonly records = new Map<number, GlyphRecord>();
  private readonly numberOfHMetrics: number;
  readonly numGlyphs: number;

  constructor(file: Uint8Array) {
    // A copy of our own, as a plain Uint8Array: a Buffer's slice() would not copy, and the
    // subsets write into the copies they make of glyphs and tables.
    const font = new Uint8Array(file);
    const view = viewOf(font);
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const entry = 12 + i * 16;
      const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
      const offset = view.getUint32(entry + 8);
      this.tables.set(tag, font.subarray(offset, offset + view.getUint32(entry + 12)));
    }
    this.numGlyphs = viewOf(this.table('maxp')).getUint16(4);
    this.numberOfHMetrics = viewOf(this.table('hhea')).getUint16(34);
    const longOffsets = viewOf(this.table('head')).getInt16(50) === 1;
    const loca = viewOf(this.table('loca'));
    for (let gid = 0; gid <= this.numGlyphs; gid++) {
      this.glyphOffsets.push(longOffsets ? loca.getUint32(gid * 4) : loca.getUint16(gid * 2) * 2);
    }
  }

  table(tag: string): Uint8Array {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`The font has no ${tag} table`);
    return table;
  }

  optionalTable(tag: string): Uint8Array | undefined {
    return this.tables.get(tag);
  }

  glyph(glyphId: number): GlyphRecord {
    let record = this.records.get(glyphId);
    if (!record) {
      record = this.readGlyph(glyphId);
      this.records.set(glyphId, record);
    }
    return record;
  }

  private readGlyph(glyphId: number): GlyphRecord {
    if (glyphId < 0 || glyphId >= this.numGlyphs)
      throw new Error(`No glyph ${glyphId} in the font`);
    const data = this.table('glyf').subarray(
      this.glyphOffsets[glyphId],
      this.glyphOffsets[glyphId + 1],
    );
    const components: GlyphRecord['components'] = [];
    const glyph = viewOf(data);
    if (data.length > 0 && glyph.getInt16(0) < 0) {
      let offset = 10;
      let flags: number;
      do {
        flags = glyph.getUint16(offset);
        components.push({ glyphId: glyph.getUint16(offset + 2), offset: offset + 2 });
        offset += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) offset += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) offset += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) offset += 8;
      } while (flags & MORE_COMPONENTS);
    }
    const hmtx = viewOf(this.table('hmtx'));
    const long = Math.min(glyphId, this.numberOfHMetrics - 1);
    return {
      data,
      components,
      advance: hmtx.getUint16(long * 4),
      leftBearing:
        glyphId < this.numberOfHMetrics
          ? hmtx.getInt16(glyphId * 4 + 2)
          : hmtx.getInt16(this.numberOfHMetrics * 4 + (glyphId - this.numberOfHMetrics) * 2),
    };
  }
}

/** One document's subset, with the interface pdfkit expects from fontkit's. */
export class TrueTypeSubset implements Subset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly source: TrueTypeSource) {
    this.includeGlyph(0); // .notdef must stay glyph 0
  }

  includeGlyph(glyphId: number): number {
    let newId = this.mapping.get(glyphId);
    if (newId === undefined) {
      newId = this.glyphs.push(glyphId) - 1;
      this.mapping.set(glyphId, newId);
    }
    return newId;
  }

  encode(): Uint8Array {
    const glyphData: Uint8Array[] = [];
    const metrics: { advance: number; leftBearing: number }[] = [];
    // Components are added while encoding, after the glyphs pdfkit numbered, as fontkit does.
    // for...of also visits the components pushed onto this.glyphs during the loop.
    for (const glyph of this.glyphs) {
      const record = this.source.glyph(glyph);
      let data = record.data;
      if (record.components.length) {
        data = data.slice();
        const view = viewOf(data);
        for (const component of record.components)
          view.setUint16(component.offset, this.includeGlyph(component.glyphId));
      }
      glyphData.push(data);
      metrics.push(record);
    }
    const count = glyphData.length;

    const glyf = new Uint8Array(glyphData.reduce((size, data) => size + padded(data.length), 0));
    const loca = new Uint8Array((count + 1) * 4);
    const locaView = viewOf(loca);
    let offset = 0;
    glyphData.forEach((data, gid) => {
      locaView.setUint32(gid * 4, offset);
      glyf.set(data, offset);
      offset += padded(data.length);
    });
    locaView.setUint32(count * 4, offset);

    const hmtx = new Uint8Array(count * 4);
    const hmtxView = viewOf(hmtx);
    metrics.forEach(({ advance, leftBearing }, gid) => {
      hmtxView.setUint16(gid * 4, advance);
      hmtxView.setInt16(gid * 4 + 2, leftBearing);
    });

    const head = this.source.table('head').slice();
    viewOf(head).setUint32(8, 0); // checkSumAdjustment, set once the file is complete
    viewOf(head).setInt16(50, 1); // indexToLocFormat: 32-bit loca offsets
    const hhea = this.source.table('hhea').slice();
    viewOf(hhea).setUint16(34, count);
    const maxp = this.source.table('maxp').slice();
    viewOf(maxp).setUint16(4, count);

    const tables = new Map<string, Uint8Array>([
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ]);
    for (const tag of COPIED_TABLES) {
      const table = this.source.optionalTable(tag);
      if (table) tables.set(tag, table);
    }
    const file = writeFont(tables);
    const adjustment = (0xb1b0afba - checksum(file)) >>> 0;
    const headOffset = viewOf(file).getUint32(tableRecordOffset(file, 'head') + 8);
    viewOf(file).setUint32(headOffset + 8, adjustment);
    return file;
  }
}

/** An sfnt file: the table directory sorted by tag, each table 4-byte aligned, with checksums. */
function writeFont(tables: Map<string, Uint8Array>): Uint8Array {
  const sorted = [...tables].sort(([a], [b]) => (a < b ? -1 : 1));
  const headerSize = 12 + sorted.length * 16;
  const size = sorted.reduce((total, [, table]) => total + padded(table.length), headerSize);
  const file = new Uint8Array(size);
  const view = viewOf(file);
  const power = 2 ** Math.floor(Math.log2(sorted.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, sorted.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, sorted.length * 16 - power * 16);
  let offset = headerSize;
  sorted.forEach(([tag, table], i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) file[entry + c] = tag.charCodeAt(c);
    file.set(table, offset);
    view.setUint32(entry + 4, checksum(file.subarray(offset, offset + padded(table.length))));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    offset += padded(table.length);
  });
  return file;
}

function tableRecordOffset(file: Uint8Array, tag: string): number {
  const count = viewOf(file).getUint16(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    if (String.fromCharCode(...file.subarray(entry, entry + 4)) === tag) return entry;
  }
  throw new Error(`No ${tag} table in the subset`);
}

/** Sum of the big-endian 32-bit words, the data zero-padded to a multiple of 4 bytes. */
function checksum(data: Uint8Array): number {
  const view = viewOf(data);
  const whole = data.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (data[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

const padded = (length: number) => (length + 3) & ~3;

const viewOf = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
