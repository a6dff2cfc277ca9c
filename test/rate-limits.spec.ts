import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import Redis from 'ioredis';
import {
  ConfigError,
  loadConfig,
  openRateLimits,
  RateLimitCounter,
  RateLimits,
} from '@platform/core';
import { anAccount } from './factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const REDIS_SERVER = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// A logical database of its own, emptied before the journey: counters left by an earlier
// run (the daily limit per client address) would refuse this one's logins.
const REDIS_URL = `${REDIS_SERVER.replace(/\/\d*$/, '')}/${1 + Math.floor(Math.random() * 15)}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

describe('rate limit settings', () => {
  it('reads TRUST_PROXY as off, a hop count or proxy addresses, and refuses "everyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    for (const wrong of ['true', 'everyone', '10.0.0.0/33', '99']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY must be off/);
    }
  });

  it('checks REDIS_URL at start: its form, then that Redis answers', async () => {
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(loadConfig({ REDIS_URL }).redisUrl).toBe(REDIS_URL);
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(openRateLimits({} as MikroORM, config)).rejects.toThrow(
      /REDIS_URL: cannot connect/,
    );
  });
});

/** The same journey with the counters in the database and in Redis. */
describe.each([
  ['the database', {}],
  ['Redis', { REDIS_URL }],
])('login limits counted in %s', (where, env: Record<string, string>) => {
  let t: TestApp | undefined;

  beforeAll(async () => {
    if (env.REDIS_URL) {
      const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
      const up = await probe.connect().then(
        () => true,
        () => false,
      );
      if (up) await probe.flushdb();
      probe.disconnect();
      // Redis is optional in production and on developer machines; CI's machine has one.
      if (!up) return console.warn(`No Redis at ${REDIS_URL}: the Redis journey is skipped.`);
    }
    t = await startTestApp(env);
  });
  afterAll(() => t?.close());

  it('counts failures only: a success resets its client, and 5 failures block it', async () => {
    if (!t) return;
    const { email } = await anAccount(t, 'TRAINER');
    const attempt = (password: string) => t!.gql(LOGIN, { input: { email, password } });
    for (let i = 0; i < 4; i++)
      expect(errorCode(await attempt('wrong-password'))).toBe('UNAUTHENTICATED');
    expect((await attempt('a-long-password-1')).errors).toBeUndefined();
    const after = [];
    for (let i = 0; i < 6; i++) after.push(errorCode(await attempt('wrong-password')));
    expect(after).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'FORBIDDEN']);

    const rows = await t.app.get(MikroORM).em.fork().count(RateLimitCounter, {});
    if (where === 'Redis') expect(rows).toBe(0);
    else expect(rows).toBeGreaterThan(0);
  });

  it('tells how long to wait', async () => {
    if (!t) return;
    const limits = t.app.get(RateLimits);
    const rule = { name: `test-${randomUUID()}`, points: 2, windowSeconds: 60 };
    expect(await limits.take(rule, 'someone')).toBe(0);
    expect(await limits.take(rule, 'someone')).toBe(0);
    const wait = await limits.take(rule, 'someone');
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limits.take(rule, 'someone else')).toBe(0);
    await limits.giveBack(rule, 'someone');
    await limits.giveBack(rule, 'someone');
    expect(await limits.take(rule, 'someone')).toBe(0);
    await limits.reset(rule, 'someone');
    expect(await limits.take(rule, 'someone')).toBe(0);
    expect(await limits.take(rule, 'someone')).toBe(0);
    expect(await limits.take(rule, 'someone')).toBeGreaterThan(0);
  });
});
