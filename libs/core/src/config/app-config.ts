import { isIP } from 'node:net';
import { resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /**
   * Express's `trust proxy`: which proxies in front may set X-Forwarded-For, so that
   * `req.ip` (what rate limits count by) is the client's address and not the proxy's.
   */
  trustProxy: false | number | string[];
  /** Rate limits are counted in Redis when set, else in the database. */
  redisUrl?: string;
  /** Public base URL, used in printed links (and later in certificates and mail). */
  publicUrl: string;
  database: {
    kind: DatabaseKind;
    /** PostgreSQL connection URL, or the SQLite file path (":memory:" allowed). */
    url: string;
  };
  dataDir: string;
  auth: {
    tokenTtlHours: number;
    /** Created at boot when set and no user with that email exists yet. */
    initialAdmin?: { email: string; password: string };
  };
  graphql: {
    maxDepth: number;
    /** Budget of a logged-in caller's operation (see libs/core/src/graphql/query-cost.ts). */
    maxComplexity: number;
    /** Budget without a login: anyone on the internet may spend it. */
    maxComplexityAnonymous: number;
    /** The offline GraphiQL page and introspection; off in production unless asked for. */
    ide: boolean;
  };
  verification: {
    /** Requests per minute one client address may make to the public /verify page. */
    rateLimitPerMinute: number;
  };
  badges: {
    /**
     * The HMAC key that signs the check-in tokens of badges (BADGE_SIGNING_KEY, at least 32
     * bytes). Unset: one is generated once and kept in the database, shared by every process.
     */
    signingKey?: Buffer;
  };
  passportData: {
    /**
     * PASSPORT_DATA_KEY: the 32-byte AES-256-GCM key passport data is encrypted with. Unset:
     * generated once into DATA_DIR outside production; in production letters are refused.
     */
    key?: Buffer;
    /** Passport data is erased this many days after the edition's last day. */
    retentionDays: number;
  };
  mail: {
    /** smtp:// or smtps:// URL; without it messages are written as .eml files to `dir`. */
    smtpUrl?: string;
    from: string;
    dir: string;
    /** Messages per second at most, over all pooled connections. */
    ratePerSecond: number;
    poolSize: number;
    maxAttempts: number;
    /** First retry after about this long; doubled at each attempt, with jitter. */
    retryBaseSeconds: number;
    /** A message claimed longer ago than this (its worker died) is sent again. */
    leaseSeconds: number;
    /** `inline` sends from the API process; `off` leaves it to `apps/worker`. */
    worker: 'inline' | 'off';
    pollMs: number;
    /** Reminders are queued this many days before an edition starts; 0 turns them off. */
    reminderDays: number;
  };
  evaluations: {
    /** Minutes between runs of the job that sends due follow-ups and reminders; 0: off. */
    jobMinutes: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Every problem is collected so that a user
 * fixing a .env file sees all of them at once, each naming its variable.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if (!allowed.includes(value as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const host = read('HOST') ?? '127.0.0.1';
  const port = integer('PORT', 3000, 0, 65535);
  const dataDir = resolve(read('DATA_DIR') ?? './data');

  const databaseUrl = read('DATABASE_URL') ?? resolve(dataDir, 'platform.sqlite');
  let database: AppConfig['database'];
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    try {
      const url = new URL(databaseUrl);
      if (!url.pathname || url.pathname === '/') {
        problems.push('DATABASE_URL must name a database (postgresql://user@host:5432/dbname)');
      }
    } catch {
      problems.push(`DATABASE_URL is not a valid URL (got "${databaseUrl}")`);
    }
    database = { kind: 'postgresql', url: databaseUrl };
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL must be a postgresql:// URL or a SQLite file path (got "${databaseUrl}")`,
    );
    database = { kind: 'sqlite', url: databaseUrl };
  } else {
    const file = databaseUrl.replace(/^(sqlite|file):/, '');
    database = { kind: 'sqlite', url: file === ':memory:' ? file : resolve(file) };
  }

  const adminEmail = read('ADMIN_EMAIL');
  const adminPassword = read('ADMIN_PASSWORD');
  let initialAdmin: AppConfig['auth']['initialAdmin'];
  if (adminEmail || adminPassword) {
    if (!adminEmail || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
      problems.push('ADMIN_EMAIL must be an email address when ADMIN_PASSWORD is set');
    }
    if (!adminPassword || adminPassword.length < 10) {
      problems.push('ADMIN_PASSWORD must have at least 10 characters when ADMIN_EMAIL is set');
    }
    initialAdmin = { email: adminEmail ?? '', password: adminPassword ?? '' };
  }

  const trustProxy = readTrustProxy(read('TRUST_PROXY'), problems);
  const redisUrl = read('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL (got "${redisUrl}")`);
  }

  const publicUrlRaw =
    read('PUBLIC_URL') ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  try {
    new URL(publicUrlRaw);
  } catch {
    problems.push(`PUBLIC_URL is not a valid URL (got "${publicUrlRaw}")`);
  }

  const smtpUrl = read('SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    problems.push(`SMTP_URL must be an smtp:// or smtps:// URL (got "${smtpUrl}")`);
  }
  const mailFrom = read('MAIL_FROM') ?? 'Conference platform <no-reply@localhost>';
  if (!/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom)) {
    problems.push(
      `MAIL_FROM must be an address, e.g. "Secretariat <secretariat@example.org>" (got "${mailFrom}")`,
    );
  }

  const maxComplexity = integer('GRAPHQL_MAX_COMPLEXITY', 10_000, 10, 1_000_000);
  const maxComplexityAnonymous = integer(
    'GRAPHQL_MAX_COMPLEXITY_ANONYMOUS',
    Math.floor(maxComplexity / 2),
    10,
    1_000_000,
  );
  if (maxComplexityAnonymous > maxComplexity) {
    problems.push(
      `GRAPHQL_MAX_COMPLEXITY_ANONYMOUS must not exceed GRAPHQL_MAX_COMPLEXITY (got ${maxComplexityAnonymous} > ${maxComplexity})`,
    );
  }

  const badgeSigningKey = readSigningKey(read('BADGE_SIGNING_KEY'), problems);

  const config: AppConfig = {
    env: nodeEnv,
    host,
    port,
    trustProxy,
    redisUrl,
    publicUrl: publicUrlRaw.replace(/\/$/, ''),
    database,
    dataDir,
    auth: { tokenTtlHours: integer('TOKEN_TTL_HOURS', 12, 1, 24 * 90), initialAdmin },
    graphql: {
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity,
      maxComplexityAnonymous,
      ide: bool('GRAPHQL_IDE', nodeEnv !== 'production'),
    },
    verification: { rateLimitPerMinute: integer('VERIFY_RATE_LIMIT', 30, 1, 100_000) },
    badges: { signingKey: badgeSigningKey },
    passportData: {
      key: readPassportKey(read('PASSPORT_DATA_KEY'), problems),
      retentionDays: integer('PASSPORT_RETENTION_DAYS', 30, 0, 3650),
    },
    mail: {
      smtpUrl,
      from: mailFrom,
      dir: resolve(read('MAIL_DIR') ?? resolve(dataDir, 'mail')),
      ratePerSecond: integer('MAIL_RATE_PER_SECOND', 20, 1, 10_000),
      poolSize: integer('MAIL_POOL_SIZE', 5, 1, 50),
      maxAttempts: integer('MAIL_MAX_ATTEMPTS', 8, 1, 50),
      retryBaseSeconds: integer('MAIL_RETRY_BASE_SECONDS', 30, 0, 86_400),
      leaseSeconds: integer('MAIL_LEASE_SECONDS', 120, 1, 86_400),
      worker: oneOf('MAIL_WORKER', ['inline', 'off'] as const, 'inline'),
      pollMs: integer('MAIL_POLL_MS', 1000, 10, 60_000),
      reminderDays: integer('MAIL_REMINDER_DAYS', 3, 0, 60),
    },
    evaluations: {
      jobMinutes: integer('EVALUATION_JOB_MINUTES', 60, 0, 1440),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Bytes a badge signing key must have at least: the length of SHA-256's output. */
export const MIN_SIGNING_KEY_BYTES = 32;

/**
 * BADGE_SIGNING_KEY: hex, or base64 (standard or URL alphabet), of at least 32 bytes, e.g.
 * `openssl rand -base64 32`. Its value never appears in the message.
 */
function readSigningKey(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined) return undefined;
  let key: Buffer | undefined;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(raw)) key = Buffer.from(raw, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) key = Buffer.from(raw, 'base64');
  if (!key || key.length < MIN_SIGNING_KEY_BYTES) {
    problems.push(
      `BADGE_SIGNING_KEY must be at least ${MIN_SIGNING_KEY_BYTES} bytes written in hex or base64, e.g. the output of "openssl rand -base64 32" (got ${key ? `${key.length} bytes` : 'neither hex nor base64'})`,
    );
    return undefined;
  }
  return key;
}

/**
 * PASSPORT_DATA_KEY: 32 bytes as 64 hex digits or base64 (44 characters). The problem
 * never quotes the value: it is a secret.
 */
function readPassportKey(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : undefined;
  if (key?.length !== 32) {
    problems.push(
      'PASSPORT_DATA_KEY must be 32 bytes written as 64 hex digits or in base64 (e.g. the output of `openssl rand -base64 32`)',
    );
    return undefined;
  }
  return key;
}

/**
 * TRUST_PROXY: off (the default: the connecting address is the client), a number of
 * proxy hops, or addresses and subnets of the proxies (and loopback, linklocal,
 * uniquelocal). Never "everyone": then any client could choose its own address.
 */
function readTrustProxy(raw: string | undefined, problems: string[]): AppConfig['trustProxy'] {
  if (raw === undefined || ['off', 'false', '0'].includes(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops <= 10) return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address = '', bits, extra] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || extra !== undefined) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  };
  const wrong = entries.filter((entry) => !valid(entry));
  if (wrong.length > 0) {
    problems.push(
      `TRUST_PROXY must be off, a number of proxy hops (1-10) or a list of proxy addresses or subnets (got "${raw}")`,
    );
    return false;
  }
  return entries;
}
