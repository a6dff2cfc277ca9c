import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, EventRef, eventRefOf } from '@platform/core';
import { Certificate, CertificateKind } from './certificate.entity';
import { CertifiedEvents, eventKindOf } from './certified-event.port';

/** Which event an API input names (its edition or training-event id), checked against the kind. */
export function certificateEventOf(
  input: { editionId?: string; trainingEventId?: string },
  kind?: CertificateKind,
): EventRef {
  return eventRefOf(
    input,
    kind === undefined ? undefined : { kind: eventKindOf(kind), for: `${kind} certificates` },
  );
}

/**
 * Who may do what with certificates: those who manage the event (its organizers, or its
 * trainers and programme organizers: the event's own domain decides) manage its
 * certificates; a participant sees and downloads only their own.
 */
@Injectable()
export class CertificateAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly events: CertifiedEvents,
  ) {}

  /** Unless this actor manages the event's certificates: NOT_FOUND or FORBIDDEN. */
  async assertManages(
    actor: Actor,
    event: EventRef,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<void> {
    await this.events.of(event).assertManages(actor, event.id, em, lock);
  }

  canManage(actor: Actor, certificate: Certificate): Promise<boolean> {
    return this.events.of(certificate.event).canManage(actor, certificate.eventId);
  }

  async canSee(actor: Actor, certificate: Certificate): Promise<boolean> {
    if (!actor.isAuthenticated) return false;
    return (
      (actor.personId !== null && certificate.person.id === actor.personId) ||
      this.canManage(actor, certificate)
    );
  }

  /** The certificate, if this actor may see it; NOT_FOUND otherwise (no probing of ids). */
  async visible(actor: Actor, certificateId: string, populatePdf = false): Promise<Certificate> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const certificate = await this.em.findOne(
      Certificate,
      certificateId,
      populatePdf ? { populate: ['pdf'] } : {},
    );
    if (!certificate || !(await this.canSee(actor, certificate))) {
      throw DomainError.notFound('Certificate', certificateId);
    }
    return certificate;
  }

  async manageableCertificate(
    actor: Actor,
    certificateId: string,
    em: EntityManager = this.em,
  ): Promise<Certificate> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const certificate = await em.findOne(Certificate, certificateId);
    if (!certificate) throw DomainError.notFound('Certificate', certificateId);
    if (!(await this.canManage(actor, certificate))) {
      if (await this.canSee(actor, certificate)) {
        throw DomainError.forbidden("Only the event's organizers or trainers can do this.");
      }
      throw DomainError.notFound('Certificate', certificateId);
    }
    return certificate;
  }
}
