import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ChangeSetType, EntityManager, MikroORM } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig, isPostgres } from '@platform/core';
import { createMailTransport, MailTransport } from '../transport/mail-transport';
import { Attachment, AttachmentSources, AttachmentWithdrawn } from './attachment-sources';
import { OutboxMessage, OutboxState } from './outbox-message.entity';

const BATCH = 20;

/** Permanent: the server refused for good (5xx). Everything else is worth another try. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Exponential backoff with jitter: base, 2×base, 4×base… each between 50% and 100%. */
export function retryDelayMs(attempt: number, baseSeconds: number, random = Math.random): number {
  const ceiling = baseSeconds * 1000 * 2 ** Math.min(attempt - 1, 16);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Delivers the outbox: claims a batch of due messages, sends them over the pooled
 * transport, and records each outcome. Runs in the API process (MAIL_WORKER=inline) or
 * in apps/worker; several workers may run at once. A claim is a lease: if its worker
 * dies, the message is claimed again once the lease is over, so at most the messages in
 * flight at the crash can be sent twice (and they keep their Message-ID).
 */
@Injectable()
export class MailWorker implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport?: MailTransport;
  private loop?: Promise<void>;
  private stopped = false;
  private wakeUp?: () => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly attachments: AttachmentSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Wakes the worker as soon as new mail is committed, rather than at the next poll:
   * after the flush that stored it, or after the commit of the transaction around it.
   */
  onModuleInit(): void {
    let committing = false;
    this.orm.em.getEventManager().registerSubscriber({
      afterFlush: ({ em, uow }) => {
        const queued = [...uow.getChangeSets()].some(
          (change) =>
            change.type === ChangeSetType.CREATE && change.entity instanceof OutboxMessage,
        );
        if (!queued) return;
        if (em.isInTransaction()) committing = true;
        else this.wake();
      },
      afterTransactionCommit: () => {
        if (!committing) return;
        committing = false;
        this.wake();
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.worker === 'inline') this.start();
  }

  start(): void {
    this.transport ??= createMailTransport(this.config.mail);
    this.stopped = false;
    this.loop ??= this.run();
  }

  /** Look at the outbox now rather than at the next poll (e.g. right after a commit). */
  wake(): void {
    this.wakeUp?.();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    this.transport?.close();
  }

  /** Sends what is due now; resolves with the number of messages handled. */
  async drainOnce(): Promise<number> {
    this.transport ??= createMailTransport(this.config.mail);
    const em = this.orm.em.fork();
    const batch = await this.claim(em);
    await Promise.all(batch.map((message) => this.deliver(em, message)));
    return batch.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.logger.error(`Outbox: ${(error as Error).message}`);
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may run during the await above
      if (handled === 0 && !this.stopped) {
        // Until the next poll, or until woken; the timer goes with the wait, so a
        // stopped worker leaves nothing behind.
        const timer = new AbortController();
        this.wakeUp = () => timer.abort();
        await sleep(this.config.mail.pollMs, undefined, { signal: timer.signal }).catch(() => {});
      }
    }
    this.loop = undefined;
  }

  /**
   * Due messages, marked SENDING with a lease. On PostgreSQL rows are claimed with
   * FOR UPDATE SKIP LOCKED, so concurrent workers never take the same message; SQLite
   * has one writer at a time, and each claim there is a compare-and-set on the row.
   */
  private async claim(em: EntityManager): Promise<OutboxMessage[]> {
    const now = new Date();
    const claimedUntil = new Date(now.getTime() + this.config.mail.leaseSeconds * 1000);
    let ids: string[];
    if (isPostgres(em)) {
      const rows = (await em.getConnection().execute(
        `update outbox_message set state = 'SENDING', attempts = attempts + 1, claimed_until = ?
         where id in (
           select id from outbox_message
           where (state = 'QUEUED' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?)
           order by next_attempt_at limit ? for update skip locked)
         returning id`,
        [claimedUntil, now, now, BATCH],
      )) as { id: string }[];
      ids = rows.map((row) => row.id);
    } else {
      const due = await em.find(
        OutboxMessage,
        {
          $or: [
            { state: OutboxState.QUEUED, nextAttemptAt: { $lte: now } },
            { state: OutboxState.SENDING, claimedUntil: { $lt: now } },
          ],
        },
        { orderBy: { nextAttemptAt: 'asc' }, limit: BATCH },
      );
      // One transaction for the batch's claims: one commit instead of one per message.
      ids = await em.transactional(async (tx) => {
        const taken: string[] = [];
        for (const message of due) {
          const claimed = await tx.nativeUpdate(
            OutboxMessage,
            { id: message.id, state: message.state, attempts: message.attempts },
            { state: OutboxState.SENDING, attempts: message.attempts + 1, claimedUntil },
          );
          if (claimed === 1) taken.push(message.id);
        }
        return taken;
      });
      em.clear();
    }
    return ids.length ? em.find(OutboxMessage, { id: { $in: ids } }) : [];
  }

  private async deliver(em: EntityManager, message: OutboxMessage): Promise<void> {
    let attachments: Attachment[];
    try {
      attachments = await Promise.all(
        message.attachments.map((ref) => this.attachments.produce(ref)),
      );
    } catch (error) {
      if (error instanceof AttachmentWithdrawn) await this.cancelled(em, message, error.message);
      else await this.failed(em, message, error);
      return;
    }
    try {
      await this.transport!.send({
        from: this.config.mail.from,
        to: { name: message.toName, address: message.toEmail },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: { 'X-Idempotency-Key': message.idempotencyKey },
        attachments,
      });
    } catch (error) {
      await this.failed(em, message, error);
      return;
    }
    await this.sent(em, message);
  }

  /**
   * Recording a delivery must not turn it into a failure: it is tried again a few times;
   * if the database stays away, the lease runs out and the message goes out once more.
   */
  private async sent(em: EntityManager, message: OutboxMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await em.nativeUpdate(
          OutboxMessage,
          { id: message.id },
          { state: OutboxState.SENT, sentAt: new Date(), claimedUntil: null, lastError: null },
        );
        return;
      } catch (error) {
        if (attempt === 3) {
          this.logger.error(
            `Message ${message.id} was sent but not recorded: ${(error as Error).message}`,
          );
          return;
        }
        await sleep(200 * attempt);
      }
    }
  }

  private async cancelled(em: EntityManager, message: OutboxMessage, reason: string) {
    await em.nativeUpdate(
      OutboxMessage,
      { id: message.id },
      { state: OutboxState.CANCELLED, lastError: reason, claimedUntil: null },
    );
  }

  private async failed(em: EntityManager, message: OutboxMessage, error: unknown): Promise<void> {
    const giveUp = isPermanent(error) || message.attempts >= this.config.mail.maxAttempts;
    const delay = retryDelayMs(message.attempts, this.config.mail.retryBaseSeconds);
    await em.nativeUpdate(
      OutboxMessage,
      // Still ours: a message cancelled meanwhile is not queued again.
      { id: message.id, state: OutboxState.SENDING },
      {
        state: giveUp ? OutboxState.FAILED : OutboxState.QUEUED,
        lastError: (error as Error).message.slice(0, 1000),
        nextAttemptAt: new Date(Date.now() + delay),
        claimedUntil: null,
      },
    );
    if (giveUp) {
      this.logger.warn(
        `Message ${message.id} to ${message.toEmail} failed: ${(error as Error).message}`,
      );
    }
  }
}
