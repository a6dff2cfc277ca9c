import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server, ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import { AuthService } from '@platform/accounts';
import { AppConfig, migrateToLatest, refuseLongQueries, sendHttpError } from '@platform/core';
import { AppModule } from './app.module';
import { serveWebApp } from './web-app';

/**
 * Builds the application, brings the database schema up to date and creates the
 * first admin if configured. Shared by `npm start`, the CLI and the tests.
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: false | LoggerService } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  app.disable('x-powered-by');
  // A roster file arrives in one GraphQL request (importRoster): 5,000 rows with every
  // column filled in are about 1.2 MB, so 8 MB leaves ample room.
  app.useBodyParser('json', { limit: '8mb', verify: requireUtf8 });
  // Nest would add the form parser after ours; here it comes before answerBodyErrors.
  app.useBodyParser('urlencoded', { extended: true });
  app.use(answerBodyErrors);
  // req.ip, which rate limits count by, is the client's address behind these proxies.
  app.set('trust proxy', config.trustProxy);
  app.use('/graphql', refuseLongQueries);
  serveWebApp(app, config);
  trackResponses(app.getHttpServer());
  const orm = app.get(MikroORM);
  const applied = await migrateToLatest(orm);
  if (applied.length > 0) {
    new Logger('Database').log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  }
  if (config.auth.initialAdmin) {
    const { email, password } = config.auth.initialAdmin;
    await orm.em.fork().transactional(async (em) => {
      await new AuthService(em, config).ensureAdmin(email, password);
    });
  }
  return app;
}

type BodyErrorType = 'charset.unsupported' | 'encoding.invalid';

const bodyError = (status: number, type: BodyErrorType, message: string) =>
  Object.assign(new Error(message), { status, type });

/** JSON travels in UTF-8 (RFC 8259): other charsets and broken bytes are refused, not guessed at. */
function requireUtf8(_req: unknown, _res: unknown, body: Buffer, charset: string): void {
  if (charset !== 'utf-8') throw bodyError(415, 'charset.unsupported', 'unsupported charset');
  if (!isUtf8(body)) throw bodyError(400, 'encoding.invalid', 'invalid UTF-8');
}

/** What body-parser refuses, by its error `type`: each is the client's mistake. */
const BODY_ERRORS: Record<string, { status: number; reason: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    reason: 'BODY_TOO_LARGE',
    message: 'The request body is too large.',
  },
  'parameters.too.many': {
    status: 413,
    reason: 'BODY_TOO_LARGE',
    message: 'The request body has too many parameters.',
  },
  'entity.parse.failed': {
    status: 400,
    reason: 'MALFORMED_BODY',
    message: 'The request body is not valid JSON.',
  },
  'encoding.invalid': {
    status: 400,
    reason: 'INVALID_ENCODING',
    message: 'The request body is not valid UTF-8.',
  },
  'charset.unsupported': {
    status: 415,
    reason: 'UNSUPPORTED_CHARSET',
    message: 'Send the request body in UTF-8.',
  },
  'encoding.unsupported': {
    status: 415,
    reason: 'UNSUPPORTED_CONTENT_ENCODING',
    message: 'The Content-Encoding of the request body is not supported.',
  },
};

/**
 * Answers the errors of the body parsers above it with their own status and a short
 * message (413, 415, 400), never a 500 or the parser's text. Anything else with a 4xx
 * status here (a corrupt gzip stream, a body shorter than its Content-Length) is 400.
 */
function answerBodyErrors(error: unknown, req: Request, res: Response, next: NextFunction) {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  const answer =
    known ??
    (typeof status === 'number' && status >= 400 && status < 500
      ? { status: 400, reason: 'MALFORMED_BODY', message: 'The request body could not be read.' }
      : undefined);
  if (!answer || res.headersSent) return next(error);
  sendHttpError(req, res, answer.status, answer.message, {
    code: 'BAD_REQUEST',
    reason: answer.reason,
  });
}

/** Responses being written, per server: a shutdown asks their clients to close. */
const running = new WeakMap<Server, Set<ServerResponse>>();

function trackResponses(server: Server): void {
  const responses = new Set<ServerResponse>();
  running.set(server, responses);
  server.on('request', (_req: unknown, res: ServerResponse) => {
    responses.add(res);
    res.once('close', () => responses.delete(res));
  });
}

/**
 * Stops the server without dropping a request, then closes the application (its
 * workers, then the database). New connections are refused at once and idle
 * keep-alive connections closed; a request already running, or arriving on a
 * connection that is still open, is answered with `Connection: close` and its
 * connection closed after it. Only past `graceMs` are the last connections cut.
 */
export async function closeGracefully(app: INestApplication, graceMs = 10_000): Promise<void> {
  const server = app.getHttpServer() as Server;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
    // Headers already sent cannot say it: close the connection once it falls idle.
    else res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
  };
  const onRequest = (_req: unknown, res: ServerResponse) => closeAfter(res);
  server.on('request', onRequest);
  const allClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  running.get(server)?.forEach(closeAfter);
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([allClosed, graceOver]);
  clearTimeout(timer);
  server.closeAllConnections();
  server.off('request', onRequest);
  await app.close();
}
