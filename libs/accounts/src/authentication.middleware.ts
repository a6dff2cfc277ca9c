import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Actor, RequestWithActor } from '@platform/core';
import { AuthService } from './auth.service';
import { sessionCookie } from './cookies';

const INVALID_TOKEN = 'The bearer token is invalid or has expired; log in again.';

/** The client address rate limits count by (behind a proxy: see TRUST_PROXY). */
export const clientAddress = (req: Request) => req.ip ?? 'unknown';

/** The token of `Authorization: Bearer <token>`, if the header has that form. */
export function bearerToken(req: RequestWithActor): string | undefined {
  return /^Bearer\s+([A-Za-z0-9_-]{1,200})$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** The session this request carries: its bearer token, else the web app's cookie. */
export function sessionToken(req: RequestWithActor): string | undefined {
  return req.headers.authorization ? bearerToken(req) : sessionCookie(req);
}

/**
 * Resolves the session into the request's Actor once, before any route or GraphQL
 * operation runs, so that every later check (query cost, resolvers, downloads) sees the
 * same Actor. The session is `Authorization: Bearer <token>` (API clients) or the web
 * app's httpOnly cookie. None: anonymous. A wrong or expired bearer token is refused
 * outright (401) rather than silently downgraded, so a client knows to log in again; an
 * expired cookie is dropped and the browser continues anonymously. What each actor may
 * do is decided by the services.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(req: RequestWithActor, res: Response, next: NextFunction): Promise<void> {
    const fromHeader = Boolean(req.headers.authorization);
    const token = sessionToken(req);
    if (!fromHeader && !token) {
      req.actor = Actor.anonymous;
      return next();
    }
    try {
      const actor = token ? await this.auth.actorForToken(token) : null;
      if (actor) {
        req.actor = actor;
        return next();
      }
    } catch (error) {
      return next(error);
    }
    if (!fromHeader) {
      res.clearCookie('session', { path: '/' });
      req.actor = Actor.anonymous;
      return next();
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
