import { createHash } from 'node:crypto';
import { Global, Module, OnModuleDestroy } from '@nestjs/common';
import { MikroORM, QueryResult } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';

/** At most `points` attempts per `windowSeconds` for one subject (fixed windows). */
export interface RateRule {
  /** Names the counter; two rules never share a name. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
}

export interface RateCount {
  /** Attempts counted in the current window, this one included. */
  hits: number;
  /** When the window ends, in milliseconds since 1970. */
  resetsAt: number;
}

/** Where the counters live: the database, or Redis. Every call is one atomic step. */
export interface RateLimitStore {
  hit(key: string, rule: RateRule, now: number): Promise<RateCount>;
  giveBack(key: string, rule: RateRule, now: number): Promise<void>;
  reset(key: string, rule: RateRule): Promise<void>;
  /** Removes ended windows; answers how many. */
  deleteExpired(now: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * One `INSERT … ON CONFLICT … DO UPDATE … RETURNING` per attempt, the same SQL on
 * SQLite (≥ 3.35) and PostgreSQL: the database serializes concurrent attempts on one
 * key, so every process sees every attempt and none is lost. Run outside transactions
 * (SQLite has one connection, which an open transaction holds).
 */
export class SqlRateLimitStore implements RateLimitStore {
  constructor(private readonly orm: MikroORM) {}

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql, params, 'all');
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    const result = (await this.orm.em.getConnection().execute(sql, params, 'run')) as QueryResult;
    return result.affectedRows;
  }

  async hit(key: string, rule: RateRule, now: number): Promise<RateCount> {
    const [row] = await this.execute<{ hits: number | string; resets_at: number | string }>(
      `insert into rate_limit_counter (id, hits, resets_at) values (?, 1, ?)
       on conflict (id) do update set
         hits = case when rate_limit_counter.resets_at <= ? then 1 else rate_limit_counter.hits + 1 end,
         resets_at = case when rate_limit_counter.resets_at <= ? then excluded.resets_at else rate_limit_counter.resets_at end
       returning hits, resets_at`,
      [key, now + rule.windowSeconds * 1000, now, now],
    );
    if (!row) throw new Error('The rate counter upsert returned no row');
    return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
  }

  async giveBack(key: string, _rule: RateRule, now: number): Promise<void> {
    await this.run(
      'update rate_limit_counter set hits = hits - 1 where id = ? and hits > 0 and resets_at > ?',
      [key, now],
    );
  }

  async reset(key: string): Promise<void> {
    await this.run('delete from rate_limit_counter where id = ?', [key]);
  }

  deleteExpired(now: number): Promise<number> {
    return this.run('delete from rate_limit_counter where resets_at <= ?', [now]);
  }

  async close(): Promise<void> {}
}

/** FORBIDDEN with reason TOO_MANY_ATTEMPTS, saying when to try again. */
export function tooManyAttempts(what: string, waitSeconds: number): DomainError {
  const wait =
    waitSeconds < 90
      ? `${waitSeconds} seconds`
      : waitSeconds < 90 * 60
        ? `${Math.ceil(waitSeconds / 60)} minutes`
        : `${Math.ceil(waitSeconds / 3600)} hours`;
  return DomainError.forbidden(`${what}; try again in ${wait}.`, 'TOO_MANY_ATTEMPTS');
}

/**
 * The rate limits of the platform (logins, login links, the public verification page),
 * counted where every API process sees them: in the database, or in Redis.
 */
export class RateLimits implements OnModuleDestroy {
  constructor(
    private readonly store: RateLimitStore,
    private readonly now: () => number = Date.now,
  ) {}

  // Subjects are hashed: the table holds no email or IP address, and keys stay short.
  private key(rule: RateRule, subject: string): string {
    return `${rule.name}:${createHash('sha256').update(subject).digest('base64url')}`;
  }

  /** Counts one attempt: 0 when it may go ahead, else the seconds until it may. */
  async take(rule: RateRule, subject: string): Promise<number> {
    const now = this.now();
    const { hits, resetsAt } = await this.store.hit(this.key(rule, subject), rule, now);
    return hits <= rule.points ? 0 : Math.max(1, Math.ceil((resetsAt - now) / 1000));
  }

  /** Like take, but throws TOO_MANY_ATTEMPTS ("<what>; try again in …"). */
  async enforce(rule: RateRule, subject: string, what: string): Promise<void> {
    const wait = await this.take(rule, subject);
    if (wait > 0) throw tooManyAttempts(what, wait);
  }

  /** Uncounts one attempt taken earlier (e.g. it turned out not to be a failure). */
  giveBack(rule: RateRule, subject: string): Promise<void> {
    return this.store.giveBack(this.key(rule, subject), rule, this.now());
  }

  /** Forgets the subject's attempts. */
  reset(rule: RateRule, subject: string): Promise<void> {
    return this.store.reset(this.key(rule, subject), rule);
  }

  deleteExpired(now = this.now()): Promise<number> {
    return this.store.deleteExpired(now);
  }

  onModuleDestroy(): Promise<void> {
    return this.store.close();
  }
}

/** The limits over Redis when REDIS_URL is set (connected now: a wrong one stops the start), else the database. */
export async function openRateLimits(orm: MikroORM, config: AppConfig): Promise<RateLimits> {
  if (!config.redisUrl) return new RateLimits(new SqlRateLimitStore(orm));
  // Loaded only here: without REDIS_URL the server never needs ioredis.
  const { connectRedisStore } = await import('./redis-rate-limit-store');
  return new RateLimits(await connectRedisStore(config.redisUrl));
}

/** Global: the accounts and the documents (verification page) count in the same store. */
@Global()
@Module({
  providers: [{ provide: RateLimits, inject: [MikroORM, APP_CONFIG], useFactory: openRateLimits }],
  exports: [RateLimits],
})
export class RateLimitModule {}
