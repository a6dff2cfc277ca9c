import { Logger } from '@nestjs/common';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { CommonErrorCode, DomainError, ErrorKind } from './domain-error';

const logger = new Logger('Errors');

function assertNever(kind: never): never {
  throw new Error(`Unmapped error kind: ${String(kind)}`);
}

/** The single place where domain errors become GraphQL errors. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    const extensions: Record<string, unknown> = { reason: error.reason };
    switch (error.kind) {
      case ErrorKind.BAD_USER_INPUT:
        extensions.code = 'BAD_USER_INPUT';
        extensions.field = error.field;
        break;
      case ErrorKind.UNAUTHENTICATED:
        extensions.code = 'UNAUTHENTICATED';
        break;
      case ErrorKind.FORBIDDEN:
        extensions.code = 'FORBIDDEN';
        break;
      case ErrorKind.NOT_FOUND:
        extensions.code = 'NOT_FOUND';
        break;
      case ErrorKind.CONFLICT:
        extensions.code = 'CONFLICT';
        break;
      default:
        assertNever(error.kind);
    }
    return new GraphQLError(error.message, { extensions });
  }
  // Safety nets for races that slip past the services' own checks. No field is known
  // here, so a unique index is CONFLICT/ALREADY_EXISTS, never the field-naming DUPLICATE.
  if (error instanceof UniqueConstraintViolationException) {
    return new GraphQLError('This record already exists.', {
      extensions: { code: 'CONFLICT', reason: CommonErrorCode.ALREADY_EXISTS },
    });
  }
  if (error instanceof OptimisticLockError) {
    return new GraphQLError('Someone else changed this record; reload it and try again.', {
      extensions: { code: 'CONFLICT', reason: CommonErrorCode.STALE_VERSION },
    });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError('Internal server error', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/** Apollo's last word on every error: no stack traces or internals leave the server. */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  raw: unknown,
): GraphQLFormattedError {
  const original = raw instanceof GraphQLError ? raw.originalError : undefined;
  const code = formatted.extensions?.code;
  if (original && !(original instanceof GraphQLError) && code === 'INTERNAL_SERVER_ERROR') {
    const mapped = toGraphQLError(original);
    return {
      message: mapped.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: mapped.extensions,
    };
  }
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<
    string,
    unknown
  >;
  return { ...formatted, extensions };
}
