import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, DomainError, lockFor, PerRequest, refusal, Role } from '@platform/core';
import { DelegationFocalPoint } from '../delegations/delegation.entity';
import { Registration } from '../registrations/registration.entity';
import { Edition, EditionOrganizer } from './edition.entity';

/**
 * Who may see and manage an edition. Admins manage all; organizers manage the
 * editions they are assigned to. Everyone sees published editions, and a participant
 * the editions they are registered for (or invited to), and a focal point the editions
 * of their delegations, published or not. What one may not see is
 * NOT_FOUND; what one may see but not manage is FORBIDDEN (see `refusal`).
 */
@Injectable()
export class EditionAccess {
  private readonly managed = new PerRequest<Set<string>>();
  private readonly registered = new PerRequest<Set<string>>();
  private readonly delegated = new PerRequest<Set<string>>();

  constructor(private readonly em: EntityManager) {}

  managedEditionIds(actor: Actor): Promise<Set<string>> {
    return this.managed.get(actor, async () => {
      if (!actor.is(Role.ORGANIZER)) return new Set<string>();
      const rows = await this.em.find(EditionOrganizer, { user: actor.userId });
      return new Set(rows.map((row) => row.edition.id));
    });
  }

  /** The editions the actor's person is registered for, in any status. */
  registeredEditionIds(actor: Actor): Promise<Set<string>> {
    return this.registered.get(actor, async () => {
      if (actor.personId === null) return new Set<string>();
      const rows = await this.em.find(
        Registration,
        { person: actor.personId },
        { fields: ['edition'], disableIdentityMap: true },
      );
      return new Set(rows.map((row) => row.edition.id));
    });
  }

  /** The editions of the delegations this actor is focal point of: they nominate for them. */
  focalPointEditionIds(actor: Actor): Promise<Set<string>> {
    return this.delegated.get(actor, async () => {
      if (!actor.is(Role.FOCAL_POINT)) return new Set<string>();
      const rows = await this.em.find(
        DelegationFocalPoint,
        { user: actor.userId },
        { populate: ['delegation'] },
      );
      return new Set(rows.map((row) => row.delegation.getEntity().edition.id));
    });
  }

  forget(actor: Actor): void {
    this.managed.forget(actor);
    this.registered.forget(actor);
    this.delegated.forget(actor);
  }

  async canManage(actor: Actor, editionId: string): Promise<boolean> {
    if (actor.isAdmin) return true;
    return (await this.managedEditionIds(actor)).has(editionId);
  }

  async canView(actor: Actor, edition: Edition): Promise<boolean> {
    return (
      edition.isPublished ||
      (await this.canManage(actor, edition.id)) ||
      (await this.registeredEditionIds(actor)).has(edition.id) ||
      (await this.focalPointEditionIds(actor)).has(edition.id)
    );
  }

  /** Filter for lists: what this actor may see. */
  async visibleWhere(actor: Actor): Promise<FilterQuery<Edition>> {
    if (actor.isAdmin) return {};
    const own = [
      ...(await this.managedEditionIds(actor)),
      ...(await this.registeredEditionIds(actor)),
      ...(await this.focalPointEditionIds(actor)),
    ];
    return own.length > 0
      ? { $or: [{ isPublished: true }, { id: { $in: own } }] }
      : { isPublished: true };
  }

  /** Filter for "the editions I manage": all for admins, the assigned ones for organizers. */
  async managedWhere(actor: Actor): Promise<FilterQuery<Edition>> {
    if (actor.isAdmin) return {};
    return { id: { $in: [...(await this.managedEditionIds(actor))] } };
  }

  async viewable(actor: Actor, editionId: string): Promise<Edition> {
    const edition = await this.em.findOne(Edition, editionId);
    if (!edition || !(await this.canView(actor, edition)))
      throw DomainError.notFound('Edition', editionId);
    return edition;
  }

  /**
   * The edition, if this actor manages it. Inside a transaction pass its `em` and
   * `lock` to serialize concurrent changes to the edition (seats, working groups).
   */
  async manageable(
    actor: Actor,
    editionId: string,
    em: EntityManager = this.em,
    lock = false,
  ): Promise<Edition> {
    if (!actor.isAuthenticated) throw DomainError.unauthenticated();
    const allowed = await this.canManage(actor, editionId);
    const edition = await em.findOne(Edition, editionId, lock ? lockFor(em) : {});
    if (!edition || !allowed) {
      throw refusal(
        edition !== null && (await this.canView(actor, edition)),
        'Edition',
        editionId,
        'Only the organizers of this edition can do this.',
      );
    }
    return edition;
  }

  /** Whether this actor organizes an edition of the series. */
  async organizesInSeries(actor: Actor, seriesId: string): Promise<boolean> {
    const managed = [...(await this.managedEditionIds(actor))];
    return (
      managed.length > 0 &&
      (await this.em.count(Edition, { id: { $in: managed }, series: seriesId })) > 0
    );
  }
}
