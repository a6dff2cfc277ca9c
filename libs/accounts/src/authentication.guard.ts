import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Actor, DomainError, requestOf } from '@platform/core';
import { AuthService } from './auth.service';

/**
 * Global guard: turns `Authorization: Bearer <token>` into the request's Actor.
 * No header means anonymous; a wrong or expired token is refused outright rather
 * than silently downgraded, so a client knows to log in again. What each actor may
 * do is decided by the services.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req || req.actor) return true;
    const header = req.headers.authorization;
    if (!header) {
      req.actor = Actor.anonymous;
      return true;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await this.auth.actorForToken(match[1]) : null;
    if (!actor)
      throw DomainError.unauthenticated(
        'The bearer token is invalid or has expired; log in again.',
      );
    req.actor = actor;
    return true;
  }
}
