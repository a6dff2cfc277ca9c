import { Injectable } from '@nestjs/common';
import { EntityManager, FlushMode } from '@mikro-orm/core';
import { DEFAULT_TEXTS, MailTemplate } from '../templates/mail-template';
import { renderTemplate, RenderedMail } from '../templates/render-template';
import { AttachmentRef, OutboxMessage, OutboxState } from './outbox-message.entity';
import { TemplateOverride } from './template-override.entity';
import { LanguageCode, languageOr } from '@platform/core';

export interface Recipient {
  email?: string | null;
  name: string;
  /** The person's language; anything else falls back to English. */
  language: string;
  personId?: string;
}

export interface MailRequest {
  template: MailTemplate;
  /** What this notice is about; a second request with the same key is ignored. */
  idempotencyKey: string;
  to: Recipient;
  /** The template's placeholders; `name` is the recipient's. */
  values: Record<string, string | number>;
  editionId?: string;
  trainingEventId?: string;
  attachments?: AttachmentRef[];
}

export type EnqueueResult = 'QUEUED' | 'ALREADY_QUEUED' | 'NO_ADDRESS';

/**
 * Queues mail. Call it with the EntityManager of the transaction that makes the change
 * the mail tells about: the message commits or rolls back with it, and is sent after
 * commit by the mail worker.
 */
// Lookups inside a caller's transaction must not flush it: a bulk run queues a thousand
// messages, and flushing before each lookup re-checks everything the transaction holds.
const NO_FLUSH = { flushMode: FlushMode.COMMIT } as const;

@Injectable()
export class Outbox {
  /** Per transaction: the keys queued so far and the wordings looked up, not yet flushed. */
  private readonly queued = new WeakMap<EntityManager, Set<string>>();
  private readonly wordings = new WeakMap<
    EntityManager,
    Map<string, Promise<TemplateOverride | null>>
  >();

  /** The message as it will be sent: the edition's own wording if it has one. */
  async render(em: EntityManager, request: MailRequest): Promise<RenderedMail> {
    const language = languageOr(request.to.language);
    const override = request.editionId
      ? await this.wording(em, request.editionId, request.template, language)
      : null;
    return renderTemplate(request.template, override ?? DEFAULT_TEXTS[request.template][language], {
      ...request.values,
      name: request.to.name,
    });
  }

  /** Queues the message, unless the recipient has no address or it was queued before. */
  async enqueue(em: EntityManager, request: MailRequest): Promise<EnqueueResult> {
    const email = request.to.email?.trim();
    if (!email) return 'NO_ADDRESS';
    let queued = this.queued.get(em);
    if (!queued) this.queued.set(em, (queued = new Set()));
    if (
      queued.has(request.idempotencyKey) ||
      (await em.count(OutboxMessage, { idempotencyKey: request.idempotencyKey }, NO_FLUSH))
    ) {
      return 'ALREADY_QUEUED';
    }
    queued.add(request.idempotencyKey);
    const rendered = await this.render(em, request);
    em.create(OutboxMessage, {
      idempotencyKey: request.idempotencyKey,
      template: request.template,
      language: languageOr(request.to.language),
      toEmail: email,
      toName: request.to.name,
      personId: request.to.personId,
      editionId: request.editionId,
      trainingEventId: request.trainingEventId,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: request.attachments ?? [],
    });
    return 'QUEUED';
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

  private wording(
    em: EntityManager,
    editionId: string,
    template: MailTemplate,
    language: LanguageCode,
  ): Promise<TemplateOverride | null> {
    let cache = this.wordings.get(em);
    if (!cache)
      this.wordings.set(em, (cache = new Map<string, Promise<TemplateOverride | null>>()));
    const key = `${editionId}:${template}:${language}`;
    let found = cache.get(key);
    if (!found) {
      found = em.findOne(TemplateOverride, { editionId, template, language }, NO_FLUSH);
      cache.set(key, found);
    }
    return found;
  }
}
