// Reads what a server says about its rate limit. The Kapso API sends X-RateLimit-Limit and
// X-RateLimit-Remaining, and Retry-After (seconds) on a 429; X-RateLimit-Reset is read when a
// server adds it.

/** Headers as a `Headers` object or a plain record (what an error carries). */
export type HeaderSource = Headers | Record<string, string | undefined> | undefined;

/** What the headers of one answer say about the rate limit. */
export interface RateLimitState {
  limit?: number | undefined;
  remaining?: number | undefined;
  /** Milliseconds until the window resets. */
  resetInMs?: number | undefined;
  /** Milliseconds the server asks to wait. */
  retryAfterMs?: number | undefined;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | undefined>;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

function count(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Parses `Retry-After` given in seconds (fractions allowed) or as an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reads the rate-limit headers of one answer. */
export function readRateLimit(headers: HeaderSource, now: number = Date.now()): RateLimitState {
  const reset = count(header(headers, "x-ratelimit-reset"));
  return {
    limit: count(header(headers, "x-ratelimit-limit")),
    remaining: count(header(headers, "x-ratelimit-remaining")),
    // Epoch seconds (GitHub's style) or seconds from now (the IETF draft's).
    resetInMs: reset === undefined ? undefined : reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000,
    retryAfterMs: parseRetryAfter(header(headers, "retry-after"), now),
  };
}
