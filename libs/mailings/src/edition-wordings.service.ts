import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, FlushMode } from '@mikro-orm/core';
import {
  Actor,
  DomainError,
  EventKind,
  EventRef,
  languageEnum,
  LanguageCode,
  LANGUAGES,
  MissingTranslation,
} from '@platform/core';
import { CertifiedEvents } from '@platform/documents';
import { MailText, MailWordings, validateWording } from '@platform/mail';
import { TemplateOverrideInput } from './dto/mailing.input';
import { messageNamed } from './mail-catalog';
import { TemplateOverride } from './template-override.entity';

// Looked up inside the transaction that queues the mail, which must not be flushed by it.
const NO_FLUSH = { flushMode: FlushMode.COMMIT } as const;

/**
 * An edition's own wording of its messages: its organizers write it, the outbox uses it
 * for every mail about the edition (plugged in as the MailWordings source).
 */
@Injectable()
export class EditionWordings implements OnModuleInit {
  /** Per transaction: the wordings looked up so far (a bulk run asks a thousand times). */
  private readonly found = new WeakMap<EntityManager, Map<string, Promise<MailText | null>>>();

  constructor(
    private readonly em: EntityManager,
    private readonly events: CertifiedEvents,
    private readonly wordings: MailWordings,
  ) {}

  onModuleInit(): void {
    this.wordings.use(
      (em, about, message, language) => this.wording(em, about, message, language),
      (about) =>
        about.kind === EventKind.EDITION ? this.missingTranslations(about.id) : Promise.resolve([]),
    );
  }

  async set(actor: Actor, input: TemplateOverrideInput): Promise<TemplateOverride> {
    await this.assertManages(actor, input.editionId);
    validateWording(messageNamed(input.template), { subject: input.subject, body: input.body });
    const { editionId, template, language } = input;
    const override =
      (await this.em.findOne(TemplateOverride, { editionId, template, language })) ??
      this.em.create(TemplateOverride, {
        editionId,
        template,
        language,
        subject: input.subject,
        body: input.body,
      });
    override.subject = input.subject;
    override.body = input.body;
    await this.em.flush();
    return override;
  }

  async remove(actor: Actor, overrideId: string): Promise<boolean> {
    const override = await this.em.findOne(TemplateOverride, overrideId);
    if (!override) throw DomainError.notFound('Template override', overrideId);
    await this.assertManages(actor, override.editionId);
    await this.em.remove(override).flush();
    return true;
  }

  async list(actor: Actor, editionId: string): Promise<TemplateOverride[]> {
    await this.assertManages(actor, editionId);
    return this.em.find(
      TemplateOverride,
      { editionId },
      { orderBy: { template: 'asc', language: 'asc' } },
    );
  }

  /**
   * The edition's wordings written in some language but not in all three, as missing
   * translations by template (the English wording shown, else the first there is).
   */
  async missingTranslations(editionId: string): Promise<MissingTranslation[]> {
    const overrides = await this.em.find(
      TemplateOverride,
      { editionId },
      { orderBy: { template: 'asc', language: 'asc' } },
    );
    const byTemplate = new Map<string, TemplateOverride[]>();
    for (const override of overrides)
      byTemplate.set(override.template, [...(byTemplate.get(override.template) ?? []), override]);
    return [...byTemplate.entries()].flatMap(([template, written]) => {
      const languages = LANGUAGES.filter((l) => !written.some((o) => o.language === l));
      if (!languages.length) return [];
      const shown = written.find((o) => o.language === 'en') ?? written[0]!;
      return [
        {
          itemType: 'TemplateOverride',
          itemId: shown.id,
          field: template,
          text: shown.subject,
          languages: languages.map(languageEnum),
        },
      ];
    });
  }

  private assertManages(actor: Actor, editionId: string): Promise<void> {
    return this.events.of(EventKind.EDITION).assertManages(actor, editionId, this.em);
  }

  private wording(
    em: EntityManager,
    about: EventRef,
    template: string,
    language: LanguageCode,
  ): Promise<MailText | null> {
    if (about.kind !== EventKind.EDITION) return Promise.resolve(null);
    let cache = this.found.get(em);
    if (!cache) this.found.set(em, (cache = new Map<string, Promise<MailText | null>>()));
    const key = `${about.id}:${template}:${language}`;
    let found = cache.get(key);
    if (!found) {
      found = em.findOne(TemplateOverride, { editionId: about.id, template, language }, NO_FLUSH);
      cache.set(key, found);
    }
    return found;
  }
}
