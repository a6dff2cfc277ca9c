import { RequestWithActor } from '@platform/core';
import { DEVICE_TOKEN_PATTERN, DEVICE_TRUST_DAYS } from './passwords.service';

const COOKIE = 'device_token';

/** The device token a browser keeps in its cookie (see PasswordsService). */
export function deviceTokenCookie(req: RequestWithActor): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === COOKIE && value && DEVICE_TOKEN_PATTERN.test(value)) return value;
  }
  return undefined;
}

/** httpOnly (no script reads it) and SameSite=Strict (no other site sends it), for /graphql only. */
export function setDeviceTokenCookie(req: RequestWithActor, token: string, secure: boolean): void {
  req.res?.cookie(COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/graphql',
    maxAge: DEVICE_TRUST_DAYS * 24 * 3600 * 1000,
  });
}
