/**
 * Fixed-window request counting per client key (e.g. the IP address), in memory: one
 * process's view, which is enough to stop a single client from enumerating codes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may go ahead, else the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    if (this.windows.size > 10_000) this.forgetExpired(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    if (window.count < this.limit) {
      window.count += 1;
      return 0;
    }
    return Math.ceil((window.start + this.windowMs - now) / 1000);
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
