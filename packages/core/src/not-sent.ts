// Whether a connection failure happened before the request was written.

// Error codes and messages that mean the connection was never made, so the request was never
// written: Node/undici (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, UND_ERR_CONNECT_TIMEOUT), Bun
// (ConnectionRefused, FailedToOpenSocket), Deno ("tcp connect error", "dns error") and any
// message that says "connection refused". Everything else (ECONNRESET, "other side closed", a
// browser's bare "Failed to fetch") may have happened after the request was written.
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
    if (NOT_SENT.test(`${code} ${message}`)) {
      return true;
    }
    e = cause;
  }
  return false;
}
