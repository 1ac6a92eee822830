// The one `Retry-After` parser of kapsokit, used by the transport, the errors and the bulk
// pacer, so they always agree on how long the server asked to wait.

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * Milliseconds a `Retry-After` value asks for: delta-seconds (`"60"`, `"1.5"`) or an HTTP date
 * (a date in the past is 0). Undefined when absent, negative or unreadable, so the caller
 * falls back to its own backoff.
 *
 * @example
 * ```ts
 * parseRetryAfter("60"); // 60000
 * parseRetryAfter("-5"); // undefined
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) {
    return undefined;
  }
  if (SECONDS.test(value)) {
    return Number(value) * 1000;
  }
  // Only a real date: `Date.parse("-5")` is a valid date in the year -5.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
