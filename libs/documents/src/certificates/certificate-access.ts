import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Edition, EditionAccess } from '@platform/conferences';
import { Actor, DomainError } from '@platform/core';
import { TrainingAccess, TrainingEvent } from '@platform/trainings';
import { Certificate, CertificateKind } from './certificate.entity';

/** The event certificates are issued for: an edition or a training event. */
export interface CertificateScope {
  edition?: Edition;
  trainingEvent?: TrainingEvent;
}

export function isTrainingKind(kind: CertificateKind): boolean {
  return kind === CertificateKind.TRAINING_COMPLETION;
}

/** Which event an input names: exactly one of editionId and trainingEventId. */
export function eventIdOf(
  input: { editionId?: string; trainingEventId?: string },
  kind?: CertificateKind,
): { id: string; training: boolean } {
  const { editionId, trainingEventId } = input;
  if (editionId && trainingEventId) {
    throw DomainError.invalid(
      'trainingEventId',
      'give the edition or the training event, not both',
    );
  }
  if (kind !== undefined && isTrainingKind(kind) && !trainingEventId) {
    throw DomainError.invalid('trainingEventId', `is required for ${kind} certificates`);
  }
  if (kind !== undefined && !isTrainingKind(kind) && !editionId) {
    throw DomainError.invalid('editionId', `is required for ${kind} certificates`);
  }
  if (trainingEventId) return { id: trainingEventId, training: true };
  if (editionId) return { id: editionId, training: false };
  throw DomainError.invalid('editionId', 'give the edition or the training event');
}

/**
 * Who may do what with certificates: the organizers of an edition and the trainers and
 * programme organizers of a training event manage its certificates (admins all); a
 * participant sees and downloads only their own.
 */
@Injectable()
export class CertificateAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
    private readonly trainings: TrainingAccess,
  ) {}

  /** The event, if this actor manages its certificates; `lock` serializes issuing. */
  async manageable(
    actor: Actor,
    kind: CertificateKind,
    eventId: string,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<CertificateScope> {
    return this.manageableEvent(actor, { id: eventId, training: isTrainingKind(kind) }, em, lock);
  }

  async manageableEvent(
    actor: Actor,
    { id: eventId, training }: { id: string; training: boolean },
    em: EntityManager = this.em,
    lock = false,
  ): Promise<CertificateScope> {
    if (training) {
      return { trainingEvent: await this.trainings.event(actor, eventId, em, lock) };
    }
    return { edition: await this.editions.manageable(actor, eventId, em, lock) };
  }

  async canManage(actor: Actor, certificate: Certificate): Promise<boolean> {
    if (certificate.edition) return this.editions.canManage(actor, certificate.edition.id);
    const event = await certificate.trainingEvent!.loadOrFail();
    return this.trainings.canRunEvent(actor, event);
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
