import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderCertificate } from './certificate.template';
import { renderAgenda } from './agenda.template';
import { renderAttendanceReport } from './attendance-report.template';
import { renderRecommendations } from './recommendations.template';
import { PdfRenderer } from './pdf-renderer';
import { pdfText } from './testing/pdf';
import {
  longRussianCertificate,
  sampleAgenda,
  sampleAttendanceReport,
  sampleCertificate,
  sampleRecommendations,
} from './testing/sample-content';

describe('PdfRenderer', () => {
  const renderer = new PdfRenderer();
  afterAll(() => renderer.onApplicationShutdown());

  it('renders certificates in its threads, byte for byte as the template does here', async () => {
    const contents = [sampleCertificate({ languages: ['ru', 'en'] }), longRussianCertificate()];
    const before = renderer.rendered;

    const pdfs = await Promise.all(contents.map((content) => renderer.certificate(content)));

    expect(renderer.rendered - before).toBe(contents.length);
    for (const [i, content] of contents.entries())
      expect(pdfs[i]!.equals(await renderCertificate(content))).toBe(true);
  });

  it('renders the edition and training documents in its threads with the same text', async () => {
    const before = renderer.rendered;
    const documents = [
      [await renderer.agenda(sampleAgenda('ru')), await renderAgenda(sampleAgenda('ru'))],
      [
        await renderer.recommendations(sampleRecommendations('uz')),
        await renderRecommendations(sampleRecommendations('uz')),
      ],
      [
        await renderer.attendanceReport(sampleAttendanceReport('en', 3, 40)),
        await renderAttendanceReport(sampleAttendanceReport('en', 3, 40)),
      ],
    ];

    expect(renderer.rendered - before).toBe(3);
    for (const [threaded, here] of documents)
      expect(await pdfText(threaded!)).toBe(await pdfText(here!));
  });

  it("throws a template's error with its message", async () => {
    await expect(renderer.certificate(sampleCertificate({ languages: [] }))).rejects.toThrow(
      'A certificate has one or two languages, not 0',
    );
  });
});

describe('a render thread', () => {
  it('loads the templates and their plain helpers, not the framework', () => {
    // A fresh process, as a thread starts: what requiring the worker loads, by package.
    const script = `require(${JSON.stringify(join(__dirname, 'render-worker.ts'))});
      const packages = Object.keys(require.cache).map((file) => file.match(/node_modules\\/((@[^/]+\\/)?[^/]+)/)?.[1]);
      console.log(JSON.stringify([...new Set(packages)]));`;
    const packages = JSON.parse(
      execFileSync(process.execPath, ['--require', '@swc-node/register', '--eval', script], {
        encoding: 'utf8',
      }),
    ) as string[];

    expect(packages).toEqual(expect.arrayContaining(['pdfkit', 'piscina']));
    for (const framework of [
      '@nestjs/core',
      '@nestjs/common',
      '@nestjs/graphql',
      '@mikro-orm/core',
      'graphql',
      'class-validator',
    ])
      expect(packages).not.toContain(framework);
  });
});
