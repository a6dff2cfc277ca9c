import { DomainError } from '../errors/domain-error';
import { Role } from './role';

/**
 * Who is asking: resolved once per request from the bearer token and passed to every
 * service method that reads or changes data.
 */
export class Actor {
  static readonly anonymous = new Actor(null, null, null);

  constructor(
    readonly userId: string | null,
    readonly role: Role | null,
    readonly personId: string | null,
  ) {}

  get isAuthenticated(): boolean {
    return this.userId !== null;
  }

  get isAdmin(): boolean {
    return this.role === Role.ADMIN;
  }

  /** Admins, organizers and trainers work with the directory of people. */
  get isStaff(): boolean {
    return this.role === Role.ADMIN || this.role === Role.ORGANIZER || this.role === Role.TRAINER;
  }

  is(...roles: Role[]): boolean {
    return this.role !== null && roles.includes(this.role);
  }

  /** Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN for other roles. */
  require(...roles: Role[]): void {
    if (!this.isAuthenticated) throw DomainError.unauthenticated();
    if (!this.is(...roles)) {
      throw DomainError.forbidden(`This needs one of these roles: ${roles.join(', ')}.`);
    }
  }

  requireUserId(): string {
    if (this.userId === null) throw DomainError.unauthenticated();
    return this.userId;
  }
}

/**
 * Remembers a lookup about an actor (e.g. the editions they organize) for the rest of
 * the request: an Actor is made per request, so this is a per-request cache.
 */
export class PerRequest<T> {
  private readonly values = new WeakMap<Actor, Promise<T>>();

  get(actor: Actor, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(actor);
    if (!value) {
      value = load();
      this.values.set(actor, value);
    }
    return value;
  }

  forget(actor: Actor): void {
    this.values.delete(actor);
  }
}
