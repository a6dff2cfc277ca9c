import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Actor, languageOr } from '@platform/core';
import { Attachment, AttachmentRef, AttachmentSources } from '@platform/mail';
import { EditionDocuments } from '../editions/edition-documents';
import { Edition } from '../editions/edition.entity';
import { RECOMMENDATIONS_ATTACHMENT } from './recommendations.email';

/** Lets the mail worker attach an edition's recommendations, as anyone may see them. */
@Injectable()
export class RecommendationsAttachment implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly sources: AttachmentSources,
    private readonly documents: EditionDocuments,
  ) {}

  onModuleInit(): void {
    this.sources.register(RECOMMENDATIONS_ATTACHMENT, (refs) =>
      Promise.all(
        refs.map((ref) => this.attachmentOf(ref).catch((error: unknown) => error as Error)),
      ),
    );
  }

  private attachmentOf({ id, language }: AttachmentRef): Promise<Attachment> {
    // EditionDocuments works with the request's EntityManager: give it a context of its own.
    return RequestContext.create(this.orm.em, async () => {
      const edition = await this.orm.em.findOneOrFail(Edition, id);
      const content = await this.documents.recommendationsOf(
        edition,
        languageOr(language),
        Actor.anonymous,
      );
      return {
        filename: `recommendations-${edition.year}.pdf`,
        content,
        contentType: 'application/pdf',
      };
    });
  }
}
