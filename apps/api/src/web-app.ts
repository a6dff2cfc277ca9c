import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, projectRoot } from '@platform/core';

// Paths the API answers itself, whatever the browser accepts.
const API_PATHS = ['/graphql', '/documents/', '/health', '/ready'];

/**
 * Serves the web app built by `npm run build` (dist/web) beside the API, on the same
 * port: its files (hashed, so cached for a year), the offline GraphiQL page at
 * /graphiql when the IDE is on, and for any other page a browser navigates to
 * (/, /editions/…, /login-link/…, /verify/…) the app's index.html, whose router shows
 * the page. Downloads (a path with a file extension) and the API's own paths, and
 * every request that does not ask for HTML (JSON from /verify/<code>, for one), are
 * left to the API.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = join(projectRoot(), 'dist', 'web');
  const built = existsSync(join(dir, 'index.html'));
  // The app's files travel compressed (the limit on what a public page loads is for that).
  app.use(['/assets', '/favicon.svg'], compression());
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d' });
  // The rest of dist/web (the icon); the pages themselves are sent below.
  app.useStaticAssets(dir, { index: false, maxAge: '1d' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/graphiql') {
      if (!config.graphql.ide) return next();
      return sendPage(res, built, join(dir, 'graphiql.html'));
    }
    const page =
      !API_PATHS.some((prefix) => req.path.startsWith(prefix)) &&
      extname(req.path) === '' &&
      req.accepts(['json', 'html']) === 'html';
    return page ? sendPage(res, built, join(dir, 'index.html')) : next();
  });
}

function sendPage(res: Response, built: boolean, file: string): void {
  res.setHeader('Cache-Control', 'no-cache');
  if (!built) {
    res
      .status(503)
      .type('text/plain')
      .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    return;
  }
  res.sendFile(file);
}
