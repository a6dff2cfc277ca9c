import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Actor } from './actor';

export type RequestWithActor = Request & { actor?: Actor };

function requestOf(context: ExecutionContext): RequestWithActor {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/** The Actor resolved by AuthenticationMiddleware for this request (anonymous if no token). */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => requestOf(context).actor ?? Actor.anonymous,
);

/**
 * The same Actor read from the GraphQL context, for field resolvers that take no
 * parameter decorators (Nest then calls them directly: see AgendaResolver).
 */
export function actorOf(context: { req?: RequestWithActor }): Actor {
  return context.req?.actor ?? Actor.anonymous;
}
