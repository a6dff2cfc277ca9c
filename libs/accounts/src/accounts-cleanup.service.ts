import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { RateLimits } from '@platform/core';
import { AuthSession } from './auth-session.entity';
import { EmailChange } from './email-change.entity';
import { LoginLink } from './login-link.entity';
import { TrustedDevice } from './trusted-device.entity';

const EVERY_HOUR = 3600_000;

export interface CleanupCounts {
  sessions: number;
  loginLinks: number;
  emailChanges: number;
  trustedDevices: number;
  rateLimits: number;
}

/**
 * Deletes what can no longer be used: expired sessions and device trust, used or
 * expired links, ended rate-limit windows. At start, then every hour; with several API
 * processes each does it, which is harmless.
 */
@Injectable()
export class AccountsCleanup implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AccountsCleanup.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly limits: RateLimits,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runLogged();
    this.timer = setInterval(() => void this.runLogged(), EVERY_HOUR);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runLogged(): Promise<unknown> {
    this.running = this.run().catch((error: unknown) =>
      this.logger.error(`Cleanup failed: ${(error as Error).message}`),
    );
    return this.running;
  }

  async run(now = new Date()): Promise<CleanupCounts> {
    const em = this.orm.em.fork();
    const usedOrExpired = { $or: [{ usedAt: { $ne: null } }, { expiresAt: { $lte: now } }] };
    return {
      sessions: await em.nativeDelete(AuthSession, { expiresAt: { $lte: now } }),
      loginLinks: await em.nativeDelete(LoginLink, usedOrExpired),
      emailChanges: await em.nativeDelete(EmailChange, usedOrExpired),
      trustedDevices: await em.nativeDelete(TrustedDevice, { expiresAt: { $lte: now } }),
      rateLimits: await this.limits.deleteExpired(now.getTime()),
    };
  }
}
