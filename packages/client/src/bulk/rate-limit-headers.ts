// Reads what a server says about its rate limit. The Kapso API sends X-RateLimit-Limit and
// X-RateLimit-Remaining; X-RateLimit-Reset is read when a server adds it. Retry-After is read
// by core's one parser, into the error of a 429 (`RateLimitError.retryAfter`).

/** Headers as a `Headers` object or a plain record (what an error carries). */
export type HeaderSource = Headers | Record<string, string | undefined> | undefined;

/** What the headers of one answer say about the rate limit. */
export interface RateLimitState {
  limit?: number | undefined;
  remaining?: number | undefined;
  /** Milliseconds until the window resets. */
  resetInMs?: number | undefined;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) {
    return undefined;
  }
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | undefined>;
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) {
      return record[key];
    }
  }
  return undefined;
}

function count(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") {
    return undefined;
  }
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads the rate-limit headers of one answer. */
export function readRateLimit(headers: HeaderSource, now: number = Date.now()): RateLimitState {
  const reset = count(header(headers, "x-ratelimit-reset"));
  return {
    limit: count(header(headers, "x-ratelimit-limit")),
    remaining: count(header(headers, "x-ratelimit-remaining")),
    // Epoch seconds (GitHub's style) or seconds from now (the IETF draft's).
    resetInMs: reset === undefined ? undefined : reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000,
  };
}
