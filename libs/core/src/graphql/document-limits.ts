import type { NextFunction, Request, Response } from 'express';
import { sendHttpError } from '../errors/domain-exception.filter';

/**
 * Bounds on a GraphQL document before graphql-js reads it. Parsing stops at
 * MAX_QUERY_TOKENS (Apollo's parseOptions.maxTokens), which also bounds graphql-js's
 * validation rules whose work grows faster than the document (e.g. many fields of the
 * same name); the app's largest queries, GraphiQL's introspection included, have
 * under 200 tokens. Long values belong in variables: MAX_QUERY_LENGTH bounds the
 * comments and string literals, which are not counted as tokens.
 */
export const MAX_QUERY_TOKENS = 1000;
export const MAX_QUERY_LENGTH = 100_000;

/** Refuses a `query` longer than MAX_QUERY_LENGTH before Apollo parses it (POST or GET). */
export function refuseLongQueries(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  const query = body && typeof body === 'object' && 'query' in body ? body.query : req.query.query;
  if (typeof query === 'string' && query.length > MAX_QUERY_LENGTH) {
    const message = `The query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}. Send long values as variables.`;
    sendHttpError(req, res, 400, message, { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' });
    return;
  }
  next();
}
