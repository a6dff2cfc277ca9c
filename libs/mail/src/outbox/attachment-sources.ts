import { Injectable } from '@nestjs/common';
import type { AttachmentRef } from './outbox-message.entity';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Returned by a source for a document that must not be sent any more (a certificate
 * revoked or replaced since the mail was queued): the worker cancels the message instead
 * of sending or retrying it, with this error's message as the reason.
 */
export class AttachmentWithdrawn extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AttachmentWithdrawn';
  }
}

/**
 * Produces the files for many references of its kind at once (a worker's batch of mail
 * in one query rather than one per message), in the order given: each an Attachment, or
 * the Error that keeps its message from going out now.
 */
export type AttachmentSource = (refs: AttachmentRef[]) => Promise<(Attachment | Error)[]>;

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

  /** Each reference's file or error; a source that fails as a whole fails each of its refs. */
  async produce(refs: AttachmentRef[]): Promise<Map<AttachmentRef, Attachment | Error>> {
    const byKind = new Map<string, AttachmentRef[]>();
    for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref]);
    const produced = new Map<AttachmentRef, Attachment | Error>();
    await Promise.all(
      [...byKind].map(async ([kind, group]) => {
        let results: (Attachment | Error)[];
        try {
          const source = this.sources.get(kind);
          if (!source) throw new Error(`No source for ${kind} attachments in this process`);
          results = await source(group);
        } catch (error) {
          results = group.map(() => error as Error);
        }
        group.forEach((ref, i) =>
          produced.set(ref, results[i] ?? new Error(`No ${kind} file for ${ref.id}`)),
        );
      }),
    );
    return produced;
  }
}
