/**
 * What kind of failure a domain error is; the GraphQL layer turns each kind into one
 * `extensions.code` (see to-graphql-error.ts). Services never throw HTTP exceptions.
 */
export enum ErrorKind {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

/**
 * Reasons shared by several domains. One reason, one code: a unique value the client
 * typed is BAD_USER_INPUT naming that field; a clash about no field the client typed is
 * CONFLICT.
 */
export enum CommonErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  /** A unique value the client typed (a name) is taken: BAD_USER_INPUT naming the field. */
  DUPLICATE = 'DUPLICATE',
  /** An email the client typed belongs to another person or account: BAD_USER_INPUT naming the field. */
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  /** An email change's address was taken between request and confirmation: CONFLICT (no field typed). */
  EMAIL_TAKEN_MEANWHILE = 'EMAIL_TAKEN_MEANWHILE',
  /** A race slipped past the services' checks into a unique index (no field known): CONFLICT. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** Someone else saved the record first (optimistic lock): CONFLICT. */
  STALE_VERSION = 'STALE_VERSION',
}

/**
 * The one error type domain code throws. `reason` is a code from the domain's own
 * enum (e.g. RegistrationErrorCode.ALREADY_REGISTERED) so clients can branch on it;
 * `field` names the input field at fault for BAD_USER_INPUT.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The input `field` is wrong: the message reads "field: problem" (the field named once). */
  static invalid(
    field: string,
    problem: string,
    reason: string = CommonErrorCode.INVALID_INPUT,
  ): DomainError {
    return new DomainError(ErrorKind.BAD_USER_INPUT, reason, `${field}: ${problem}`, field);
  }

  /** The input `field` is refused for a reason told as a whole sentence (e.g. who is not eligible). */
  static refusedInput(field: string, sentence: string, reason: string): DomainError {
    return new DomainError(ErrorKind.BAD_USER_INPUT, reason, sentence, field);
  }

  static unauthenticated(message = 'You must be logged in to do this.'): DomainError {
    return new DomainError(ErrorKind.UNAUTHENTICATED, 'UNAUTHENTICATED', message);
  }

  static forbidden(message: string, reason = 'FORBIDDEN'): DomainError {
    return new DomainError(ErrorKind.FORBIDDEN, reason, message);
  }

  static notFound(what: string, id?: string): DomainError {
    const message = id === undefined ? `${what} not found.` : `${what} "${id}" not found.`;
    return new DomainError(ErrorKind.NOT_FOUND, 'NOT_FOUND', message);
  }

  static conflict(reason: string, message: string): DomainError {
    return new DomainError(ErrorKind.CONFLICT, reason, message);
  }
}
