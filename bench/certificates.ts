import { CertificateContent } from '@platform/documents';
import { renderCertificate } from '../libs/documents/src/rendering/certificate.template';
import { fontFiles, FontSet, sharedFonts } from '../libs/documents/src/rendering/fonts';
import { table } from './bench-app';
import { BenchOptions, Figure } from './figures';

/**
 * Certificates per second on one core (one loop on the main thread): the certificate template
 * with the fonts parsed once per process against the same template with pdfkit's usual
 * `registerFont(name, path)`, which parses DejaVu Sans (750 KB) again for every document and
 * subsets it with fontkit. Same content, same run; only the font handling differs.
 */

const CERTIFICATES = { full: 300, quick: 60 };
const WARMUP = 20;

const FIRST = ['Alisher', 'Oʻtkir', 'Dilnoza', 'Gʻulom', 'Малика', 'Азиз', 'Нилуфар', 'Шерзод'];
const LAST = ['Rahimov', 'Qodirova', 'Toʻrayev', 'Xoʻjayev', 'Рахимов', 'Қодирова', 'Юсупов'];
const MIDDLE = ['Oʻrinboyevich', 'Bahodirovna', 'Анварович', 'Латифовна', 'Равшанович'];

/** A bilingual attendance certificate of the 2022 conference; the holder changes each time. */
function certificate(i: number): CertificateContent {
  const serial = `TIP-2022-${String(i + 1).padStart(6, '0')}`;
  const code = (0x7f3a9c2d + i * 7919).toString(36).toUpperCase().padStart(8, '0');
  return {
    kind: 'CONFERENCE_ATTENDANCE',
    languages: ['ru', 'en'],
    serial,
    verificationCode: `${code.slice(0, 4)}-${code.slice(4, 8)}`,
    verificationUrl: `https://tip.example.uz/verify/${code}`,
    holderName: `${LAST[i % LAST.length]} ${FIRST[i % FIRST.length]} ${MIDDLE[i % MIDDLE.length]}`,
    holderOrganization: `Управление МВД № ${i % 40}`,
    eventTitle:
      'Укрепление национального и международного партнёрства в противодействии торговле людьми',
    startDate: '2022-07-28',
    endDate: '2022-07-29',
    city: 'Ташкент',
    countryCode: 'UZ',
    days: 2,
    issuers: [
      'Национальная комиссия по противодействию торговле людьми и принудительному труду',
      'УНП ООН',
      'ОБСЕ',
    ],
    signatories: [
      {
        name: 'Саидов Акмал Холматович',
        position: 'Председатель Национальной комиссии',
        organization: 'Национальная комиссия',
      },
      { name: 'Ашита Миттал', position: 'Региональный представитель', organization: 'УНП ООН' },
    ],
    issuedOn: '2022-07-29',
  };
}

interface Result {
  ms: number;
  bytes: number;
}

async function run(fonts: () => FontSet, count: number): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await renderCertificate(certificate(i), { fonts: fonts() });
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const pdf = await renderCertificate(certificate(i), { fonts: fonts() });
    // Refuses to count anything but a complete one-page PDF.
    if (!pdf.subarray(-6).toString('latin1').startsWith('%%EOF') || !pdf.includes('/Count 1'))
      throw new Error(`Certificate ${i} is not a complete one-page PDF`);
    bytes += pdf.length;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: bytes / count };
}

export async function benchCertificates(options: BenchOptions): Promise<Figure[]> {
  const count = options.quick ? CERTIFICATES.quick : CERTIFICATES.full;
  // The baseline first, so it does not run on a heap already holding the shared fonts' caches.
  const naive = await run(fontFiles, count);
  const cached = await run(sharedFonts, count);
  const perSecond = (r: Result) => (count * 1000) / r.ms;
  const row = (target: string, r: Result) => [
    target,
    String(count),
    r.ms.toFixed(0),
    perSecond(r).toFixed(0),
    (r.bytes / 1024).toFixed(1),
  ];
  console.log(
    `\nRendering ${count} bilingual (ru/en) certificates on one core, after ${WARMUP} warm-up renders each:\n`,
  );
  console.log(
    table([
      ['target', 'certificates', 'ms', 'certificates/s', 'KB per PDF'],
      row('fonts parsed once, shared layouts and glyph data', cached),
      row('naive: registerFont(path) per document', naive),
    ]),
  );
  return [
    {
      work: 'certificates rendered on one thread',
      unit: 'certificates/s',
      value: perSecond(cached),
      baseline: { name: 'naive registerFont(path) per document', value: perSecond(naive) },
    },
  ];
}
