import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  Actor,
  Connection,
  DomainError,
  EventRef,
  eventRefOf,
  PageArgs,
  paginate,
} from '@platform/core';
import { CertifiedEvents } from '@platform/documents';
import { MailWorker, OutboxMessage, OutboxState } from '@platform/mail';
import { OutboxFilter } from './dto/mailing.input';

/**
 * The outbox as organizers see it: the mail about the editions they manage and the
 * events they run (who manages an event is its domain's answer); admins see all.
 */
@Injectable()
export class OutboxAdmin {
  constructor(
    private readonly em: EntityManager,
    private readonly events: CertifiedEvents,
    private readonly worker: MailWorker,
  ) {}

  async list(
    actor: Actor,
    filter: OutboxFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<OutboxMessage>> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    let about: EventRef | undefined;
    if (filter.editionId || filter.trainingEventId) about = eventRefOf(filter);
    if (!actor.isAdmin) {
      if (!about) {
        throw DomainError.invalid(
          'filter.editionId',
          'give the edition (or training event) whose mail you want to see',
        );
      }
      await this.events.of(about).assertManages(actor, about.id, this.em);
    }
    const where: FilterQuery<OutboxMessage> = {
      ...(filter.state ? { state: filter.state } : {}),
      ...(about ? { aboutKind: about.kind, aboutId: about.id } : {}),
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

  /** Admins; or those who manage the event it is about. */
  private async canManage(actor: Actor, message: OutboxMessage): Promise<boolean> {
    if (actor.isAdmin) return true;
    if (!message.aboutKind || !message.aboutId) return false;
    return this.events.of(message.aboutKind).canManage(actor, message.aboutId);
  }
}
