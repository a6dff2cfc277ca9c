import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Actor, RequestWithActor } from '@platform/core';
import { AuthService } from './auth.service';

const INVALID_TOKEN = 'The bearer token is invalid or has expired; log in again.';

/** The client address rate limits count by (behind a proxy: see TRUST_PROXY). */
export const clientAddress = (req: Request) => req.ip ?? 'unknown';

/** The token of `Authorization: Bearer <token>`, if the header has that form. */
export function bearerToken(req: RequestWithActor): string | undefined {
  return /^Bearer\s+([A-Za-z0-9_-]{1,200})$/i.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * Resolves `Authorization: Bearer <token>` into the request's Actor once, before any
 * route or GraphQL operation runs, so that every later check (query cost, resolvers,
 * downloads) sees the same Actor. No header: anonymous. A wrong or expired token is
 * refused outright (401) rather than silently downgraded, so a client knows to log in
 * again. What each actor may do is decided by the services.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(req: RequestWithActor, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (!header) {
      req.actor = Actor.anonymous;
      return next();
    }
    try {
      const token = bearerToken(req);
      const actor = token ? await this.auth.actorForToken(token) : null;
      if (actor) {
        req.actor = actor;
        return next();
      }
    } catch (error) {
      return next(error);
    }
    const extensions = { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' };
    res
      .status(401)
      .json(
        req.originalUrl.startsWith('/graphql')
          ? { errors: [{ message: INVALID_TOKEN, extensions }] }
          : { message: INVALID_TOKEN, ...extensions },
      );
  }
}
