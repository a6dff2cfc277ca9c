import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toGraphQLError } from './to-graphql-error';

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * An error answered outside a resolver: GraphQL-shaped on /graphql, so that a GraphQL
 * client reads it like any other error, and `{ message, code, … }` on the other routes.
 */
export function sendHttpError(
  req: Request,
  res: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  res
    .status(status)
    .json(
      req.originalUrl.startsWith('/graphql')
        ? { errors: [{ message, extensions }] }
        : { message, ...extensions },
    );
}

/**
 * Every exception leaves through toGraphQLError: as a GraphQL error inside a
 * resolver, and as `{ code, reason, field, message }` with the matching status on
 * the plain HTTP routes (downloads). No stack trace leaves the server.
 */
@Catch()
export class DomainExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception);
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = toGraphQLError(exception);
    // toGraphQLError has logged anything unexpected.
    sendHttpError(
      req,
      res,
      HTTP_STATUS[String(error.extensions.code)] ?? 500,
      error.message,
      error.extensions,
    );
  }
}
