import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { toGraphQLError } from './to-graphql-error';

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Every exception leaves through toGraphQLError: as a GraphQL error inside a
 * resolver, and as `{ code, reason, field, message }` with the matching status on
 * the plain HTTP routes (downloads). No stack trace leaves the server.
 */
@Catch()
export class DomainExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception);
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = toGraphQLError(exception);
    // toGraphQLError has logged anything unexpected.
    res
      .status(HTTP_STATUS[String(error.extensions.code)] ?? 500)
      .json({ message: error.message, ...error.extensions });
  }
}
