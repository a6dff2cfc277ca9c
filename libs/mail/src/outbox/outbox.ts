import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DEFAULT_TEXTS, MailLanguage, MailTemplate } from '../templates/mail-template';
import { renderTemplate, RenderedMail } from '../templates/render-template';
import { AttachmentRef, OutboxMessage } from './outbox-message.entity';
import { TemplateOverride } from './template-override.entity';

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

const LANGUAGES: MailLanguage[] = ['en', 'ru', 'uz'];

export function mailLanguage(language: string): MailLanguage {
  return LANGUAGES.includes(language as MailLanguage) ? (language as MailLanguage) : 'en';
}

/**
 * Queues mail. Call it with the EntityManager of the transaction that makes the change
 * the mail tells about: the message commits or rolls back with it, and is sent after
 * commit by the mail worker.
 */
@Injectable()
export class Outbox {
  /** The message as it will be sent: the edition's own wording if it has one. */
  async render(em: EntityManager, request: MailRequest): Promise<RenderedMail> {
    const language = mailLanguage(request.to.language);
    const override = request.editionId
      ? await em.findOne(TemplateOverride, {
          editionId: request.editionId,
          template: request.template,
          language,
        })
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
    const existing = await em.findOne(OutboxMessage, { idempotencyKey: request.idempotencyKey });
    if (existing) return 'ALREADY_QUEUED';
    const rendered = await this.render(em, request);
    em.create(OutboxMessage, {
      idempotencyKey: request.idempotencyKey,
      template: request.template,
      language: mailLanguage(request.to.language),
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
}
