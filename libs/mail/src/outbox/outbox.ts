import { Injectable } from '@nestjs/common';
import { EntityManager, FlushMode } from '@mikro-orm/core';
import { among, EventRef, insertNew, languageOr } from '@platform/core';
import { MailMessage, MailText, MailValues } from '../messages/mail-message';
import { renderMessage, RenderedMail } from '../messages/render-message';
import { AttachmentRef, OutboxMessage, OutboxState } from './outbox-message.entity';
import { MailWordings } from './wordings';

export interface Recipient {
  email?: string | null;
  name: string;
  /** The person's language; anything else falls back to English. */
  language: string;
  personId?: string;
}

/** One mail to one person, as the domain that sends it builds it (see `*.email.ts`). */
export interface MailRequest<V extends MailValues = MailValues> {
  message: MailMessage<V>;
  /** What this notice is about; a second request with the same key is ignored. */
  idempotencyKey: string;
  to: Recipient;
  /** The message's placeholders but `name`, which is the recipient's. */
  values: V;
  /** The event it is about: its organizers see it in the outbox, their wording applies. */
  about?: EventRef;
  attachments?: AttachmentRef[];
}

export type EnqueueResult = 'QUEUED' | 'ALREADY_QUEUED' | 'NO_ADDRESS';

// Lookups inside a caller's transaction must not flush it: a bulk run queues a thousand
// messages, and flushing before each lookup re-checks everything the transaction holds.
const NO_FLUSH = { flushMode: FlushMode.COMMIT } as const;

/**
 * Queues mail. Call it with the EntityManager of the transaction that makes the change
 * the mail tells about: the message commits or rolls back with it, and is sent after
 * commit by the mail worker.
 */
@Injectable()
export class Outbox {
  /** Per transaction: the keys queued so far, not yet flushed. */
  private readonly queued = new WeakMap<EntityManager, Set<string>>();

  constructor(private readonly wordings: MailWordings) {}

  /** The message as it will be sent: the event's own wording if it has one. */
  async render<V extends MailValues>(
    em: EntityManager,
    request: MailRequest<V>,
  ): Promise<RenderedMail> {
    return renderIn(request, await this.wordingOf(em, request));
  }

  private wordingOf(em: EntityManager, request: MailRequest): Promise<MailText | null> {
    const { about, message, to } = request;
    return about
      ? this.wordings.find(em, about, message.name, languageOr(to.language))
      : Promise.resolve(null);
  }

  /** Queues the message, unless the recipient has no address or it was queued before. */
  async enqueue<V extends MailValues>(
    em: EntityManager,
    request: MailRequest<V>,
  ): Promise<EnqueueResult> {
    const email = addressOf(request);
    if (!email) return 'NO_ADDRESS';
    const queued = this.queuedIn(em);
    if (
      queued.has(request.idempotencyKey) ||
      (await em.count(OutboxMessage, { idempotencyKey: request.idempotencyKey }, NO_FLUSH))
    ) {
      return 'ALREADY_QUEUED';
    }
    queued.add(request.idempotencyKey);
    em.create(OutboxMessage, messageData(request, email, await this.render(em, request)));
    return 'QUEUED';
  }

  /**
   * Queues many messages as `enqueue` does each, for a bulk run (a thousand certificates):
   * one lookup of the keys queued before, each organizer's wording looked up once, and the
   * messages written with batched INSERTs instead of entities tracked by the unit of work.
   * Returns how many were queued.
   */
  async enqueueAll<V extends MailValues>(
    em: EntityManager,
    requests: MailRequest<V>[],
  ): Promise<number> {
    const queued = this.queuedIn(em);
    const keys = requests.filter(addressOf).map((request) => request.idempotencyKey);
    const before = await em.find(
      OutboxMessage,
      { idempotencyKey: among(em, keys) },
      { fields: ['idempotencyKey'], ...NO_FLUSH },
    );
    for (const message of before) queued.add(message.idempotencyKey);
    const wordings = new Map<string, Promise<MailText | null>>();
    const messages: OutboxMessage[] = [];
    for (const request of requests) {
      const email = addressOf(request);
      if (!email || queued.has(request.idempotencyKey)) continue;
      queued.add(request.idempotencyKey);
      const { about, message, to } = request;
      const key = `${about?.kind}:${about?.id}:${message.name}:${languageOr(to.language)}`;
      if (!wordings.has(key)) wordings.set(key, this.wordingOf(em, request));
      const rendered = renderIn(request, await wordings.get(key)!);
      messages.push(
        em.create(OutboxMessage, messageData(request, email, rendered), { persist: false }),
      );
    }
    await insertNew(em, OutboxMessage, messages);
    return messages.length;
  }

  private queuedIn(em: EntityManager): Set<string> {
    let queued = this.queued.get(em);
    if (!queued) this.queued.set(em, (queued = new Set()));
    return queued;
  }

  /**
   * The message with this key will not go out: call it in the transaction that undoes
   * what it tells about, so both commit together. A message already in a worker's hands
   * is stopped there (see AttachmentWithdrawn); one already sent stays SENT.
   */
  async cancel(em: EntityManager, idempotencyKey: string, reason: string): Promise<void> {
    await em.nativeUpdate(
      OutboxMessage,
      { idempotencyKey, state: { $in: [OutboxState.QUEUED, OutboxState.SENDING] } },
      { state: OutboxState.CANCELLED, lastError: reason, claimedUntil: null },
    );
  }
}

/** The key of a message an organizer sends to an audience: once per message, event and person. */
export function mailingKey(message: MailMessage, eventId: string, personId: string): string {
  return `MAILING:${message.name}:${eventId}:${personId}`;
}

/** The recipient's address, or undefined when they have none. */
function addressOf(request: MailRequest): string | undefined {
  return request.to.email?.trim() || undefined;
}

/** The message in the wording of its event if given, else its default in the reader's language. */
function renderIn<V extends MailValues>(
  request: MailRequest<V>,
  wording: MailText | null,
): RenderedMail {
  const { message, to } = request;
  return renderMessage(message, wording ?? message.texts[languageOr(to.language)], {
    ...request.values,
    name: to.name,
  });
}

/** What a queued message stores. */
function messageData(request: MailRequest, email: string, rendered: RenderedMail) {
  return {
    idempotencyKey: request.idempotencyKey,
    template: request.message.name,
    language: languageOr(request.to.language),
    toEmail: email,
    toName: request.to.name,
    personId: request.to.personId,
    aboutKind: request.about?.kind,
    aboutId: request.about?.id,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments: request.attachments ?? [],
  };
}
