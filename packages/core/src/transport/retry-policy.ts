// What may be retried and how long to wait. A send (any non-read method) is not idempotent:
// it is retried only where the server provably did not act on it.

/** Methods that change nothing on the server, so repeating them is harmless. */
export const isRead = (method: string): boolean => /^(GET|HEAD|OPTIONS)$/i.test(method);

/**
 * Whether a response status is worth another attempt: 429 always (the server refused the
 * request without acting on it); 408 and 5xx only when repeating the request is harmless.
 */
export const isRetryableStatus = (status: number, repeatable?: boolean): boolean =>
  status === 429 || (!!repeatable && (status === 408 || status >= 500));

// Error codes and messages that mean the connection was never made, so the request was never
// written: Node/undici (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, UND_ERR_CONNECT_TIMEOUT), Bun
// (ConnectionRefused, FailedToOpenSocket), Deno ("tcp connect error", "dns error") and any
// message that says "connection refused".
// Everything else (ECONNRESET, "other side closed", a browser's bare "Failed to fetch") may
// have happened after the request was written, so its outcome is unknown.
const NOT_SENT =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT|connection ?refused|FailedToOpenSocket|connect error|dns error/i;

/**
 * Whether a fetch error proves that the request never reached the server: it walks the
 * error's `cause` chain looking for a refused connection or a failed DNS lookup.
 *
 * @example
 * ```ts
 * const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
 * isNotSent(refused); // true
 * ```
 */
export function isNotSent(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (NOT_SENT.test(`${code} ${message}`)) return true;
    e = cause;
  }
  return false;
}

/**
 * Capped exponential backoff with jitter: 0.5 s, 1 s, 2 s, … up to 8 s, each shortened by a
 * random 0–25 % so that many clients do not retry in lockstep.
 */
export const backoff = (retry: number): number =>
  Math.min(500 * 2 ** retry, 8000) * (1 - Math.random() * 0.25);
