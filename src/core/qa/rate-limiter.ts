export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiterOptions {
  /** Questions allowed per key in any window. */
  limit: number;
  windowMs?: number;
  now?: () => number;
  /** Keys remembered at most; the least recently seen go first (the map never grows without bound). */
  maxKeys?: number;
}

/** Sliding-window limit per user: at most `limit` questions in any `windowMs`, counted when allowed. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor({ limit, windowMs = 3_600_000, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`RateLimiter limit must be a positive integer, got ${limit}`);
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  get perWindow(): number {
    return this.limit;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.hits.delete(key);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: (recent[0] ?? now) + this.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    return { allowed: true };
  }
}
