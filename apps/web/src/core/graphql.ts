import { Client, cacheExchange, CombinedError, fetchExchange } from 'urql';

/**
 * The one GraphQL client. The session is the server's httpOnly cookie, sent with every
 * request from this origin: no token is ever held by page scripts.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: { credentials: 'same-origin' },
  requestPolicy: 'cache-and-network',
  // POST with JSON: what the API's protection against cross-site requests expects.
  preferGetMethod: false,
});

export interface Problem {
  message: string;
  /** The input field at fault, for BAD_USER_INPUT (e.g. "email", "marks.0.remark"). */
  field?: string;
  code?: string;
  reason?: string;
}

/** The first problem of a failed operation, as the API states it. */
export function problemOf(error: CombinedError | undefined): Problem | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (!first) return { message: error.networkError ? 'NETWORK' : error.message, code: 'NETWORK' };
  const extensions = first.extensions as { field?: string; code?: string; reason?: string };
  // The API writes "field: what is wrong"; the field is shown next to its input.
  const message = extensions.field
    ? first.message.replace(
        new RegExp(`^${extensions.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
        '',
      )
    : first.message;
  return { message, field: extensions.field, code: extensions.code, reason: extensions.reason };
}
