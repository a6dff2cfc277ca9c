import { setImmediate as yieldToRequests } from 'node:timers/promises';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import {
  Actor,
  DomainError,
  EventRef,
  isPostgres,
  jsonColumn,
  placeholders,
  readRows,
  Row,
  SqlStatement,
} from '@platform/core';
import { certificateBatches } from '../certificates/certificate-batches';
import { CertificateAccess } from '../certificates/certificate-access';
import { CertificateKind } from '../certificates/certificate.entity';
import { CertificateIssuer } from '../certificates/certificate-issuer';
import type { CertificateContent } from '../rendering';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { DocumentJob, DocumentJobStatus } from './document-job.entity';

const BATCH = 25;

/**
 * Bulk certificate runs: issuing happens in the request (one short transaction), the
 * PDFs are rendered in the background by the render threads (PdfRenderer) a batch at a
 * time, so this thread only reads and stores. Jobs left unfinished by a crash are
 * resumed at start-up; rendering a certificate twice gives the same PDF.
 */
@Injectable()
export class DocumentJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DocumentJobs.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly issuer: CertificateIssuer,
    private readonly access: CertificateAccess,
    private readonly renderer: PdfRenderer,
  ) {}

  async issueAll(actor: Actor, kind: CertificateKind, event: EventRef): Promise<DocumentJob> {
    const { issued } = await this.issuer.issueAll(actor, kind, event);
    const job = this.em.create(DocumentJob, {
      certificateKind: kind,
      eventKind: event.kind,
      eventId: event.id,
      requestedBy: actor.requireUserId(),
      issued,
      total: await countUnrendered(this.em, unrendered(kind, event)),
    });
    await this.em.flush();
    this.start(job.id);
    return job;
  }

  /** The job, for those who manage the event it runs for. */
  async get(actor: Actor, jobId: string): Promise<DocumentJob> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const job = await this.em.findOne(DocumentJob, jobId);
    if (!job) throw notFound(jobId);
    await this.access.assertManages(actor, job.event).catch(() => {
      throw notFound(jobId);
    });
    return job;
  }

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    const unfinished = await em.find(DocumentJob, {
      status: { $in: [DocumentJobStatus.QUEUED, DocumentJobStatus.RUNNING] },
    });
    for (const job of unfinished) this.start(job.id);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  private start(jobId: string): void {
    if (this.running.has(jobId)) return;
    const run = this.run(jobId).finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  private async run(jobId: string): Promise<void> {
    await yieldToRequests();
    const em = this.orm.em.fork();
    const job = await em.findOneOrFail(DocumentJob, jobId);
    const where = unrendered(job.certificateKind, job.event);
    job.status = DocumentJobStatus.RUNNING;
    await em.flush();
    try {
      let done = job.done;
      // The threads render a batch while this thread reads the next and stores the one before:
      // the next batch is handed to them as soon as they finish, so they never wait on it.
      const batches = unrenderedBatches(em, where);
      let batch = await nextBatch(batches);
      let rendering = batch && this.renderAll(batch);
      while (batch && rendering && !this.stopping) {
        const next = await nextBatch(batches);
        const pdfs = await rendering;
        rendering = next && this.renderAll(next);
        await store(em, batch, pdfs);
        done += batch.length;
        await em.nativeUpdate(DocumentJob, { id: jobId }, { done: Math.min(done, job.total) });
        batch = next;
      }
      // Whatever is still rendering is dropped: unstored, it is rendered again on resume.
      await rendering?.catch(() => undefined);
      if (this.stopping) return; // resumed at the next start
      await em.nativeUpdate(
        DocumentJob,
        { id: jobId },
        { status: DocumentJobStatus.DONE, done: job.total, finishedAt: new Date() },
      );
    } catch (error) {
      this.logger.error(`Document job ${jobId} failed: ${(error as Error).stack}`);
      await em.nativeUpdate(
        DocumentJob,
        { id: jobId },
        {
          status: DocumentJobStatus.FAILED,
          error: (error as Error).message,
          finishedAt: new Date(),
        },
      );
    }
  }

  private renderAll(batch: Unrendered[]): Promise<Buffer[]> {
    const pdfs = Promise.all(batch.map(({ content }) => this.renderer.certificate(content)));
    // Awaited only after the next batch is read: its failure is handled there.
    pdfs.catch(() => undefined);
    return pdfs;
  }
}

interface Unrendered {
  id: string;
  serial: string;
  content: CertificateContent;
}

/** The current certificates of a kind and event without a stored PDF. */
function unrendered(kind: CertificateKind, event: EventRef): SqlStatement {
  return {
    sql: 'kind = ? and event_kind = ? and event_id = ? and current_key is not null and pdf is null',
    params: [kind, event.kind, event.id],
  };
}

async function countUnrendered(em: EntityManager, where: SqlStatement): Promise<number> {
  const [row] = await readRows(
    em,
    `select count(*) as count from certificate where ${where.sql}`,
    where.params,
  );
  return Number(row?.count ?? 0);
}

/**
 * The certificates to render, a batch at a time, as plain rows with only what rendering
 * needs: no entities to hydrate, and memory stays flat whatever the number of certificates.
 */
function unrenderedBatches(em: EntityManager, where: SqlStatement): AsyncGenerator<Row[]> {
  return certificateBatches(em, 'id, serial, content', where, BATCH);
}

/** The next batch, or undefined after the last. */
async function nextBatch(batches: AsyncGenerator<Row[]>): Promise<Unrendered[] | undefined> {
  const next = await batches.next();
  if (next.done) return undefined;
  return next.value.map((row) => ({
    id: String(row.id),
    serial: String(row.serial),
    content: jsonColumn(row.content) as CertificateContent,
  }));
}

/** A batch of PDFs in one statement: one round trip, nothing for the ORM to build per row. */
async function store(em: EntityManager, batch: Unrendered[], pdfs: Buffer[]): Promise<void> {
  if (!batch.length) return; // all of it revoked or rendered since the list was read
  // Untyped parameters in a CASE would be text on PostgreSQL: the PDFs are cast to its blob type.
  const blob = isPostgres(em) ? 'bytea' : 'blob';
  const cases = batch.map(() => `when ? then cast(? as ${blob})`).join(' ');
  const ids = batch.map(({ id }) => id);
  await em
    .getConnection()
    .execute(
      `update certificate set pdf = case id ${cases} end where id in (${placeholders(batch.length)})`,
      [...batch.flatMap(({ id }, i) => [id, pdfs[i]]), ...ids],
      'run',
    );
}

function notFound(jobId: string): DomainError {
  return DomainError.notFound('Document job', jobId);
}
