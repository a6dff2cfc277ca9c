import { performance } from 'node:perf_hooks';

/**
 * At most `limit` messages in any sliding window of `windowMs`, over all connections.
 *
 * Each send takes one of `limit` permits when it starts and gives it back `windowMs`
 * after it ends (delivered or not). Two sends on the same permit are then at least
 * `windowMs` apart, from the end of the first to the start of the second, so no window
 * holds more than `limit` of them, whether one counts when the worker starts a send or
 * when the server receives it. (nodemailer's own rateLimit counts fixed windows, which
 * lets up to twice the limit through across a window's edge.)
 */
export class SendRateLimiter {
  private available: number;
  private readonly waiting: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    limit: number,
    private readonly windowMs = 1000,
  ) {
    this.available = limit;
  }

  async run<T>(send: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await send();
    } finally {
      this.releaseAt(performance.now() + this.windowMs);
    }
  }

  /** Forgets the permits still out (the transport is closing). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private acquire(): Promise<void> {
    if (this.available > 0) {
      this.available--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseAt(at: number): void {
    // A timer may fire a little early (it counts from the event loop's cached time).
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (performance.now() < at) return this.releaseAt(at);
        const next = this.waiting.shift();
        if (next) next();
        else this.available++;
      },
      Math.max(0, Math.ceil(at - performance.now())),
    );
    this.timers.add(timer);
  }
}
