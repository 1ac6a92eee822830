// Sorts the error of one send into what a bulk send does next. It reads the fields every
// @kapsokit/core error has (`name`, `status`, `headers`, `retryAfter`) rather than using
// `instanceof`, so two copies of core in one install still agree.
import type { HeaderSource } from "./rate-limit-headers.js";

/** What became of a send that threw. */
export type SendErrorOutcome =
  /** 429: nothing was sent; wait and send it again. */
  | { kind: "rate-limited"; retryAfterMs: number | undefined; headers: HeaderSource }
  /** The server may have acted: never resend on our own. */
  | { kind: "unknown"; headers: HeaderSource }
  /** The server did not act (validation, 4xx, connection refused): resending is safe. */
  | { kind: "failed"; headers: HeaderSource };

interface ErrorFields {
  name?: unknown;
  status?: unknown;
  headers?: unknown;
  retryAfter?: unknown;
}

// Errors after which a request may have reached the server and been acted on.
const UNKNOWN_OUTCOME = new Set([
  "SendOutcomeUnknownError",
  "APIConnectionTimeoutError",
  "APIUserAbortError",
  "AbortError",
  "TimeoutError",
]);

function headersOf(error: ErrorFields): HeaderSource {
  const { headers } = error;
  if (!headers || typeof headers !== "object") return undefined;
  return headers as HeaderSource;
}

/** Classifies the error of one send. */
export function classifySendError(error: unknown): SendErrorOutcome {
  const fields: ErrorFields = error !== null && typeof error === "object" ? (error as ErrorFields) : {};
  const headers = headersOf(fields);
  const status = typeof fields.status === "number" ? fields.status : undefined;
  if (status === 429) {
    const retryAfterMs = typeof fields.retryAfter === "number" ? fields.retryAfter : undefined;
    return { kind: "rate-limited", retryAfterMs, headers };
  }
  if (typeof fields.name === "string" && UNKNOWN_OUTCOME.has(fields.name))
    return { kind: "unknown", headers };
  // A 5xx on a send: the server may have sent the message before failing.
  if (status !== undefined && status >= 500) return { kind: "unknown", headers };
  return { kind: "failed", headers };
}

/** Turns anything thrown into an `Error`. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
