import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Actor, DomainError, lockFor, PerRequest, Role } from '@platform/core';
import { EditionAccess } from '../editions/edition-access';
import type { Registration } from '../registrations/registration.entity';
import { Delegation, DelegationFocalPoint } from './delegation.entity';

/**
 * Who may see and manage a delegation: the edition's organizers (and admins) manage every
 * delegation of it; a focal point manages only the delegations they are focal point of.
 * Anyone else gets NOT_FOUND, a focal point of another delegation included.
 */
@Injectable()
export class DelegationAccess {
  private readonly focal = new PerRequest<Set<string>>();

  constructor(
    private readonly em: EntityManager,
    private readonly editions: EditionAccess,
  ) {}

  /** The delegations this actor is focal point of. */
  focalPointDelegationIds(actor: Actor): Promise<Set<string>> {
    return this.focal.get(actor, async () => {
      if (!actor.is(Role.FOCAL_POINT)) return new Set<string>();
      const rows = await this.em.find(DelegationFocalPoint, { user: actor.userId });
      return new Set(rows.map((row) => row.delegation.id));
    });
  }

  /** Whether the actor is a focal point of this delegation (none: false). */
  async isFocalPointOf(actor: Actor, delegationId: string | undefined): Promise<boolean> {
    return (
      delegationId !== undefined && (await this.focalPointDelegationIds(actor)).has(delegationId)
    );
  }

  forget(actor: Actor): void {
    this.focal.forget(actor);
  }

  /** Organizers of the delegation's edition: they set seats and approve nominations. */
  organizes(actor: Actor, delegation: Delegation): Promise<boolean> {
    return this.editions.canManage(actor, delegation.edition.id);
  }

  async canManage(actor: Actor, delegation: Delegation): Promise<boolean> {
    return (
      (await this.organizes(actor, delegation)) ||
      (await this.focalPointDelegationIds(actor)).has(delegation.id)
    );
  }

  /**
   * Whether this actor manages a registration's person at the edition: the edition's
   * organizers, and the focal points of the delegation the registration belongs to.
   */
  async canManageRegistration(actor: Actor, registration: Registration): Promise<boolean> {
    if (await this.editions.canManage(actor, registration.edition.id)) return true;
    const delegationId = registration.delegation?.id;
    return (
      delegationId !== undefined && (await this.focalPointDelegationIds(actor)).has(delegationId)
    );
  }

  /**
   * The delegation, if this actor organizes its edition or is its focal point. Inside a
   * transaction pass its `em` and `lock` to serialize changes to its seats (nominations).
   */
  async manageable(
    actor: Actor,
    delegationId: string,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<Delegation> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const delegation = await em.findOne(Delegation, delegationId, lock ? lockFor(em) : {});
    if (!delegation || !(await this.canManage(actor, delegation)))
      throw DomainError.notFound('Delegation', delegationId);
    return delegation;
  }

  /** The delegation, if this actor organizes its edition; its focal points get FORBIDDEN. */
  async organized(
    actor: Actor,
    delegationId: string,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<Delegation> {
    const delegation = await this.manageable(actor, delegationId, em, lock);
    if (!(await this.organizes(actor, delegation)))
      throw DomainError.forbidden('Only the organizers of this edition can do this.');
    return delegation;
  }
}
