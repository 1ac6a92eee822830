/** Options of the mock's per-minute rate limiter, counted per API key like the API does. */
export interface RateLimitOptions {
  /** Requests allowed per API key in one minute. The API's plans allow 100 to 1000. */
  perMinute: number;
}

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the current window ends. */
  retryAfter: number;
}

/** The limiter as an onlooker may see it: the limit, and each key's current window (the keys left out). */
export interface RateLimitStatus {
  /** Requests allowed per API key in one minute. */
  perMinute: number;
  /** One entry per API key with a window still open, in the order the keys were first seen. */
  windows: { used: number; remaining: number; resetsInMs: number }[];
}

/** Fixed one-minute windows per key, started by the key's first request. */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions, now: () => number) {
    if (!(options.perMinute >= 1)) {
      throw new RangeError("rateLimit.perMinute must be at least 1");
    }
    this.#perMinute = Math.floor(options.perMinute);
    this.#now = now;
  }

  take(key: string): RateLimitDecision {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
    if (window.count >= this.#perMinute) {
      return { allowed: false, limit: this.#perMinute, remaining: 0, retryAfter };
    }
    window.count += 1;
    return { allowed: true, limit: this.#perMinute, remaining: this.#perMinute - window.count, retryAfter };
  }

  /** The windows still open now; keys are left out, since they are API keys. */
  status(): RateLimitStatus {
    const now = this.#now();
    const windows = [...this.#windows.values()]
      .filter((window) => now - window.start < 60_000)
      .map((window) => ({
        used: window.count,
        remaining: Math.max(0, this.#perMinute - window.count),
        resetsInMs: window.start + 60_000 - now,
      }));
    return { perMinute: this.#perMinute, windows };
  }

  reset(): void {
    this.#windows.clear();
  }
}
