import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import type {
  AgendaContent,
  AttendanceReportContent,
  BadgesContent,
  CertificateContent,
  InvitationLetterContent,
  ParticipantListContent,
  RecommendationsContent,
} from './document-content';
import type { DonorReportContent } from './donor-report.content';
import type { RenderTask } from './render-worker';

/** A render thread left without work exits after this long: the idle server keeps none. */
const IDLE_TIMEOUT_MS = 10_000;

// From the built server the worker is the compiled .js beside this file; from the sources
// (jest, the benchmarks) it is the .ts, which a thread loads through the same TS hook.
const FROM_SOURCES = extname(__filename) === '.ts';

/**
 * Every PDF of the platform is rendered here, in worker threads, never on the event loop:
 * up to one thread per core, started on demand. On a quiet two-core machine a second thread
 * shortened a bulk run by a quarter although it costs its own start, JIT and heap: the event
 * loop, busy with the database and the ZIP, uses far less than its core, and the threads run
 * niced so it still gets one at once. What crosses is the document's plain content; the PDF comes
 * back moved, not copied.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly pool = new Piscina<RenderTask, Uint8Array>({
    filename: join(__dirname, `render-worker${extname(__filename)}`),
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: IDLE_TIMEOUT_MS,
    // A document's garbage is short-lived: a third of V8's default young generation took
    // ~15 MB less per thread over 1,000 certificates for the same CPU.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    // Requests first: the threads run at a lower priority, so the event loop gets a core at once.
    niceIncrement: 10,
    ...(FROM_SOURCES && { execArgv: ['--require', require.resolve('@swc-node/register')] }),
  });

  constructor() {
    // A thread that dies between tasks is replaced; only a task in it would have failed.
    this.pool.on('error', (error: Error) =>
      this.logger.error(`A render thread died: ${error.message}`),
    );
  }

  certificate(content: CertificateContent): Promise<Buffer> {
    return this.render({ template: 'certificate', content });
  }

  agenda(content: AgendaContent): Promise<Buffer> {
    return this.render({ template: 'agenda', content });
  }

  attendanceReport(content: AttendanceReportContent): Promise<Buffer> {
    return this.render({ template: 'attendanceReport', content });
  }

  recommendations(content: RecommendationsContent): Promise<Buffer> {
    return this.render({ template: 'recommendations', content });
  }

  donorReport(content: DonorReportContent): Promise<Buffer> {
    return this.render({ template: 'donorReport', content });
  }

  /** One accreditation badge, A6. */
  badge(content: BadgesContent): Promise<Buffer> {
    return this.render({ template: 'badge', content });
  }

  /** Badges four to an A4 sheet with cut marks. */
  badgeSheet(content: BadgesContent): Promise<Buffer> {
    return this.render({ template: 'badgeSheet', content });
  }

  invitationLetter(content: InvitationLetterContent): Promise<Buffer> {
    return this.render({ template: 'invitationLetter', content });
  }

  participantList(content: ParticipantListContent): Promise<Buffer> {
    return this.render({ template: 'participantList', content });
  }

  /** Documents rendered by the threads since start. */
  get rendered(): number {
    return this.pool.completed;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.destroy();
  }

  /**
   * A failed render is tried once more: a thread that died (out of memory, killed) takes
   * its task with it and is replaced, while a template's own error fails again and is thrown.
   */
  private async render(task: RenderTask): Promise<Buffer> {
    const pdf = await this.pool.run(task).catch(() => this.pool.run(task));
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }
}
