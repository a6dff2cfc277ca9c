import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { languageOr } from '@platform/core';
import { Attachment, AttachmentRef, AttachmentSources, AttachmentWithdrawn } from '@platform/mail';
import { BADGE_ATTACHMENT } from '../mail/badge.email';
import { BadgesService } from './badges.service';

/**
 * Lets the mail worker attach a digital badge, rendered when the mail goes out: with the
 * badge's current QR code, and not at all once its person no longer holds a seat.
 */
@Injectable()
export class BadgeAttachment implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly sources: AttachmentSources,
    private readonly badges: BadgesService,
  ) {}

  onModuleInit(): void {
    this.sources.register(BADGE_ATTACHMENT, (refs) =>
      Promise.all(
        refs.map((ref) => this.attachmentOf(ref).catch((error: unknown) => error as Error)),
      ),
    );
  }

  private attachmentOf({ id, language }: AttachmentRef): Promise<Attachment | Error> {
    // BadgesService works with the request's EntityManager: give it a context of its own.
    return RequestContext.create(this.orm.em, async () => {
      const pdf = await this.badges.attachment(id, languageOr(language));
      if (!pdf)
        return new AttachmentWithdrawn(`the registration of badge ${id} holds no seat any more`);
      return { filename: 'badge.pdf', content: pdf, contentType: 'application/pdf' };
    });
  }
}
