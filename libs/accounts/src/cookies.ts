import { RequestWithActor } from '@platform/core';
import { DEVICE_TOKEN_PATTERN, DEVICE_TRUST_DAYS } from './passwords.service';

const SESSION = 'session';
const DEVICE = 'device_token';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The browser's cookies: the session (the web app's login) and the trusted-device token.
 * Both httpOnly (no page script reads them) and SameSite=Strict (no other site's page
 * sends them); Secure when the public address is https.
 */
function readCookie(req: RequestWithActor, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** The web app's session token, if the browser sent one of the right form. */
export function sessionCookie(req: RequestWithActor): string | undefined {
  const value = readCookie(req, SESSION);
  return value && TOKEN.test(value) ? value : undefined;
}

export function setSessionCookie(
  req: RequestWithActor,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  req.res?.cookie(SESSION, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: RequestWithActor): void {
  req.res?.clearCookie(SESSION, { path: '/' });
}

/** The device token a browser keeps in its cookie (see PasswordsService). */
export function deviceTokenCookie(req: RequestWithActor): string | undefined {
  const value = readCookie(req, DEVICE);
  return value && DEVICE_TOKEN_PATTERN.test(value) ? value : undefined;
}

export function setDeviceTokenCookie(req: RequestWithActor, token: string, secure: boolean): void {
  req.res?.cookie(DEVICE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/graphql',
    maxAge: DEVICE_TRUST_DAYS * 24 * 3600 * 1000,
  });
}
