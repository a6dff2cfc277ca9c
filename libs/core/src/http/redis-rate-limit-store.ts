import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateCount, RateLimitStore, RateRule } from './rate-limiter';

/** REDIS_URL: rate-limiter-flexible's atomic Redis counters (keys expire by themselves). */
class RedisRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly client: Redis) {}

  private limiter(rule: RateRule): RateLimiterRedis {
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: 'rate-limit',
        points: rule.points,
        duration: rule.windowSeconds,
      });
      this.limiters.set(rule.name, limiter);
    }
    return limiter;
  }

  async hit(key: string, rule: RateRule, now: number): Promise<RateCount> {
    // penalty() counts without refusing: the decision is RateLimits', as for the database.
    const result = await this.limiter(rule).penalty(key, 1);
    return { hits: result.consumedPoints, resetsAt: now + result.msBeforeNext };
  }

  async giveBack(key: string, rule: RateRule): Promise<void> {
    await this.limiter(rule).reward(key, 1);
  }

  async reset(key: string, rule: RateRule): Promise<void> {
    await this.limiter(rule).delete(key);
  }

  async deleteExpired(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}

/** Connects to REDIS_URL now: a wrong one stops the start. */
export async function connectRedisStore(redisUrl: string): Promise<RedisRateLimitStore> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 2,
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`REDIS_URL: cannot connect (${(error as Error).message})`);
  }
  new Logger('RateLimits').log('Rate limits are counted in Redis');
  return new RedisRateLimitStore(client);
}
