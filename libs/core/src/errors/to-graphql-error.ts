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

const INVALID_VARIABLE = /^Variable "(\$\w+)" got invalid value /;

/**
 * GraphQL's own message for a variable that does not fit its type quotes the value sent,
 * a whole input object even (passport data included). The value is dropped; the variable,
 * the path and why are kept where they say nothing of it.
 */
export function withoutVariableValue(message: string): string {
  const variable = INVALID_VARIABLE.exec(message)?.[1];
  if (!variable) return message;
  // The path is made of field names and indexes; anything else may be part of the value.
  const path = / at "([\w.]+)"; [^;]*$/.exec(message)?.[1];
  const reason =
    /Field "\w+" (of required type "[\w![\]]+" was not provided|is not defined by type "\w+")/.exec(
      message,
    )?.[0] ??
    /does not exist in "\w+" enum/.exec(message)?.[0].replace(/^/, 'the value ') ??
    /; (\w+) cannot represent/.exec(message)?.[0].slice(2).concat(' the value sent') ??
    'the value does not fit its type';
  return `Variable "${variable}" got an invalid value${path ? ` at "${path}"` : ''}: ${reason}.`;
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
  return { ...formatted, message: withoutVariableValue(formatted.message), extensions };
}
