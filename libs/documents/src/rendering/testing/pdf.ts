import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';

// Reads PDFs back in tests with pdfjs-dist (text, pages, fonts) and renders pages with
// @napi-rs/canvas so jsqr can decode QR codes drawn as vector rectangles. Pure npm: no poppler.
//
// pdfjs-dist is ESM-only while jest runs our TypeScript as CommonJS, so the reading happens in
// a plain `node` child. It stays up between calls (booting it and pdfjs costs ~300 ms) and
// talks one JSON line per request and per answer over stdin/stdout.

export interface PdfFont {
  name: string;
  embedded: boolean;
}

interface Summary {
  pages: number;
  text: string;
  fonts: PdfFont[];
}

type Request = { op: 'summary' } | { op: 'qr'; page: number };

// ~6 px per module for a 120pt code; measured to still decode codes down to 30pt.
const QR_DPI = 150;
const REQUEST_TIMEOUT_MS = 30_000;

// Kept free of template literals and `${` so it can live in String.raw.
const READER = String.raw`
const { createRequire } = await import('node:module');
const { createInterface } = await import('node:readline');
const { pathToFileURL } = await import('node:url');
const paths = JSON.parse(process.argv[1]);
// pdfjs logs with console.log; keep stdout for answers alone.
console.log = console.error;
const pdfjs = await import(pathToFileURL(paths.pdfjs).href);
const jsQR = createRequire(paths.jsqr)(paths.jsqr);

async function summary(doc) {
  const texts = [];
  let commonObjs = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    // Fonts are only loaded (into the shared commonObjs) while building the operator list.
    await page.getOperatorList();
    commonObjs = page.commonObjs;
  }
  const fonts = new Map();
  for (const [, font] of commonObjs) {
    if (font && typeof font.loadedName === 'string' && typeof font.name === 'string') {
      fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
    }
  }
  return { pages: doc.numPages, text: texts.join('\f'), fonts: [...fonts.values()] };
}

async function qr(doc, pageNumber) {
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
    throw new Error('page ' + pageNumber + ' is out of range: the PDF has ' + doc.numPages + ' page(s)');
  }
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: paths.dpi / 72 });
  let image;
  try {
    const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    image = context.getImageData(0, 0, canvas.width, canvas.height);
  } catch (error) {
    // pdfjs loads @napi-rs/canvas itself; a missing platform binary surfaces here.
    throw new Error('cannot render page ' + pageNumber + ' (is @napi-rs/canvas installed?): ' + error.message);
  }
  const found = jsQR(image.data, image.width, image.height);
  if (!found) throw new Error('no QR code found on page ' + pageNumber + ' of ' + doc.numPages);
  return found.data;
}

async function handle(line) {
  const req = JSON.parse(line);
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(Buffer.from(req.pdf, 'base64')),
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      // Substitutes for non-embedded standard fonts are needed to draw them, but would also
      // make them look embedded (missingFile false), so the summary goes without.
      standardFontDataUrl: req.op === 'qr' ? paths.standardFonts : undefined,
      cMapUrl: paths.cMaps,
      cMapPacked: true,
    }).promise;
    try {
      const value = req.op === 'summary' ? await summary(doc) : await qr(doc, req.page);
      return { id: req.id, ok: true, value };
    } finally {
      await doc.destroy();
    }
  } catch (error) {
    return { id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

// One request at a time keeps answers in order and memory flat; the child exits on stdin EOF.
let queue = Promise.resolve();
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  queue = queue.then(async () => process.stdout.write(JSON.stringify(await handle(line)) + '\n'));
});
`;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class Reader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stdout = '';
  private stderr = '';
  dead = false;

  constructor() {
    const pdfjs = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const root = dirname(dirname(dirname(pdfjs)));
    const paths = {
      pdfjs,
      jsqr: require.resolve('jsqr'),
      dpi: QR_DPI,
      // pdfjs reads these from disk in Node; the paths must end with a separator.
      standardFonts: join(root, 'standard_fonts') + '/',
      cMaps: join(root, 'cmaps') + '/',
    };
    const args = ['--input-type=module', '-e', READER, JSON.stringify(paths)];
    this.child = spawn(process.execPath, args, { stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.on('error', (error) => this.fail(error.message));
    this.child.on('close', (code, signal) =>
      this.fail(signal ? `killed by ${signal}` : `exit code ${code}`),
    );
    // A child that dies early closes stdin; the failure is reported from 'close' instead.
    this.child.stdin.on('error', () => undefined);
    this.setRef(false);
  }

  request<T>(request: Request, pdf: Buffer): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
        this.child.kill();
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.setRef(true);
      this.child.stdin.write(
        `${JSON.stringify({ ...request, id, pdf: pdf.toString('base64') })}\n`,
      );
    });
  }

  close(): void {
    this.dead = true;
    this.child.stdin.end();
  }

  private onStdout(chunk: string): void {
    this.stdout += chunk;
    let newline: number;
    while ((newline = this.stdout.indexOf('\n')) >= 0) {
      const line = this.stdout.slice(0, newline);
      this.stdout = this.stdout.slice(newline + 1);
      let answer: { id: number } & ({ ok: true; value: unknown } | { ok: false; error: string });
      try {
        answer = JSON.parse(line) as typeof answer;
      } catch {
        continue; // stray output from a dependency, not an answer
      }
      const pending = this.pending.get(answer.id);
      if (!pending) continue;
      this.settle(answer.id, pending);
      if (answer.ok) pending.resolve(answer.value);
      else pending.reject(new Error(`PDF reader: ${answer.error}`));
    }
  }

  private fail(why: string): void {
    this.dead = true;
    const error = new Error(`PDF reader crashed (${why}): ${this.stderr.trim()}`);
    for (const [id, pending] of this.pending) {
      this.settle(id, pending);
      pending.reject(error);
    }
  }

  private settle(id: number, pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.setRef(false);
  }

  // An idle child must not keep the test process (or a script) alive; a busy one must.
  private setRef(busy: boolean): void {
    // Piped stdio streams are sockets at runtime, typed only as streams.
    const { stdin, stdout, stderr } = this.child as unknown as Record<
      'stdin' | 'stdout' | 'stderr',
      Socket
    >;
    for (const handle of [this.child, stdin, stdout, stderr]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }
}

let reader: Reader | undefined;

function getReader(): Reader {
  if (!reader || reader.dead) reader = new Reader();
  return reader;
}

// Jest gives each spec file its own copy of this module: stop that file's child when it ends.
// (Throws when first imported inside a test; the unref'd child then just exits with jest.)
try {
  afterAll(() => {
    reader?.close();
    reader = undefined;
  });
} catch {
  // not under jest, or too late to add a hook
}

// Tests ask for text, page count and fonts of the same PDF in a row: read it once.
const cache = new Map<string, Promise<unknown>>();
const CACHE_LIMIT = 64;

function cached<T>(pdf: Buffer, request: Request): Promise<T> {
  const key = `${createHash('sha1').update(pdf).digest('hex')}:${JSON.stringify(request)}`;
  let result = cache.get(key) as Promise<T> | undefined;
  if (!result) {
    result = getReader().request<T>(request, pdf);
    // Keep answers, not failures: a crashed reader should get a second chance.
    result.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
  }
  return result;
}

const summary = (pdf: Buffer) => cached<Summary>(pdf, { op: 'summary' });

/**
 * Text of all pages in content order, lines separated by \n and pages by \f. pdfjs applies
 * NFKC only to ligatures and presentation forms ("ﬁ" → "fi", NBSP → space); ʻ (U+02BB) is kept.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await summary(pdf)).text;
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return (await summary(pdf)).pages;
}

/** Fonts used by the pages' content, subset prefix kept as in the PDF (ABCDEF+DejaVuSans). */
export async function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return (await summary(pdf)).fonts;
}

/** Text of the first QR code found on the page (1-based); rejects when there is none. */
export async function decodeQr(pdf: Buffer, page = 1): Promise<string> {
  return cached<string>(pdf, { op: 'qr', page });
}
