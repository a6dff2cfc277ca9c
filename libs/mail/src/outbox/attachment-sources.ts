import { Injectable } from '@nestjs/common';
import type { AttachmentRef } from './outbox-message.entity';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Thrown by a source whose document must not be sent any more (a certificate revoked or
 * replaced since the mail was queued): the worker cancels the message instead of sending
 * or retrying it, with this error's message as the reason.
 */
export class AttachmentWithdrawn extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AttachmentWithdrawn';
  }
}

export type AttachmentSource = (ref: AttachmentRef) => Promise<Attachment>;

/**
 * Attachments are made when a message is sent, not stored with it: the domain that
 * owns a document (a certificate, the recommendations) registers how to produce it.
 */
@Injectable()
export class AttachmentSources {
  private readonly sources = new Map<string, AttachmentSource>();

  register(kind: string, source: AttachmentSource): void {
    this.sources.set(kind, source);
  }

  async produce(ref: AttachmentRef): Promise<Attachment> {
    const source = this.sources.get(ref.kind);
    if (!source) throw new Error(`No source for ${ref.kind} attachments in this process`);
    return source(ref);
  }
}
