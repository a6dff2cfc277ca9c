import {
  Client,
  cacheExchange,
  CombinedError,
  fetchExchange,
  makeOperation,
  mapExchange,
  Operation,
} from 'urql';
import { currentLanguage, i18next } from './i18n';
import { Lang } from './languages';

/** Each query seen, by its key, with the language its latest result was asked in. */
const queries = new Map<number, { operation: Operation; language: Lang }>();

const fromNetwork = (operation: Operation) =>
  makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'network-only' });

/**
 * Content is read in the reader's language (the API reads Accept-Language), and the
 * document cache does not know languages: a result cached in another language is asked
 * for again rather than shown.
 */
const inReaderLanguage = mapExchange({
  onOperation(operation) {
    if (operation.kind !== 'query') return operation;
    const language = currentLanguage();
    const before = queries.get(operation.key)?.language;
    queries.set(operation.key, { operation, language });
    return before && before !== language ? fromNetwork(operation) : operation;
  },
});

/**
 * The one GraphQL client. The session is the server's httpOnly cookie, sent with every
 * request from this origin: no token is ever held by page scripts.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [inReaderLanguage, cacheExchange, fetchExchange],
  // A function: the header follows the language chosen since the client was made.
  fetchOptions: () => ({
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage() },
  }),
  requestPolicy: 'cache-and-network',
  // POST with JSON: what the API's protection against cross-site requests expects.
  preferGetMethod: false,
});

// Another language: what is on screen is read again in it (the client ignores the
// queries no screen shows any more; they are asked for again when shown).
i18next.on('languageChanged', () => {
  for (const { operation } of queries.values()) client.reexecuteOperation(fromNetwork(operation));
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
