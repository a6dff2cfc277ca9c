import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { EditionAccess } from '@platform/conferences';
import { Actor, Connection, DomainError, PageArgs, paginate } from '@platform/core';
import {
  MailWorker,
  OutboxMessage,
  OutboxState,
  TemplateOverride,
  validateTemplate,
} from '@platform/mail';
import { TrainingAccess, TrainingEvent } from '@platform/trainings';
import { OutboxFilter, TemplateOverrideInput } from './dto/mailing.input';

/**
 * The outbox as organizers see it (the mail of the editions they manage and the
 * events they run; admins see all) and their edition's own template wording.
 */
@Injectable()
export class OutboxAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly trainings: TrainingAccess,
    private readonly worker: MailWorker,
  ) {}

  async list(
    actor: Actor,
    filter: OutboxFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<OutboxMessage>> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    if (!actor.isAdmin) {
      if (filter.editionId) await this.editions.manageable(actor, filter.editionId);
      else if (filter.trainingEventId) await this.trainings.event(actor, filter.trainingEventId);
      else {
        throw DomainError.invalid(
          'filter.editionId',
          'give the edition (or training event) whose mail you want to see',
        );
      }
    }
    const where: FilterQuery<OutboxMessage> = {
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.editionId ? { editionId: filter.editionId } : {}),
      ...(filter.trainingEventId ? { trainingEventId: filter.trainingEventId } : {}),
      ...(filter.recipient ? { toEmail: filter.recipient.trim().toLowerCase() } : {}),
    };
    return paginate(this.em, OutboxMessage, where, page, [{ createdAt: 'desc' }, { id: 'asc' }]);
  }

  /** A failed message goes back to the queue with a fresh count of attempts. */
  async retry(actor: Actor, messageId: string): Promise<OutboxMessage> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const message = await this.em.findOne(OutboxMessage, messageId);
    if (!message) throw DomainError.notFound('Message', messageId);
    if (!(await this.canManage(actor, message))) throw DomainError.notFound('Message', messageId);
    if (message.state !== OutboxState.FAILED) {
      throw DomainError.conflict(
        'NOT_FAILED',
        `Only failed messages are retried; this one is ${message.state}.`,
      );
    }
    message.state = OutboxState.QUEUED;
    message.attempts = 0;
    message.nextAttemptAt = new Date();
    await this.em.flush();
    this.worker.wake();
    return message;
  }

  /** Admins; or the organizers of its edition, the runners of its training event. */
  private async canManage(actor: Actor, message: OutboxMessage): Promise<boolean> {
    if (actor.isAdmin) return true;
    if (message.editionId) return this.editions.canManage(actor, message.editionId);
    if (!message.trainingEventId) return false;
    const event = await this.em.findOne(TrainingEvent, message.trainingEventId);
    return !!event && (await this.trainings.canRunEvent(actor, event));
  }

  async setOverride(actor: Actor, input: TemplateOverrideInput): Promise<TemplateOverride> {
    await this.editions.manageable(actor, input.editionId);
    validateTemplate(input.template, { subject: input.subject, body: input.body });
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

  async removeOverride(actor: Actor, overrideId: string): Promise<boolean> {
    const override = await this.em.findOne(TemplateOverride, overrideId);
    if (!override) throw DomainError.notFound('Template override', overrideId);
    await this.editions.manageable(actor, override.editionId);
    await this.em.remove(override).flush();
    return true;
  }

  async overrides(actor: Actor, editionId: string): Promise<TemplateOverride[]> {
    await this.editions.manageable(actor, editionId);
    return this.em.find(
      TemplateOverride,
      { editionId },
      { orderBy: { template: 'asc', language: 'asc' } },
    );
  }
}
