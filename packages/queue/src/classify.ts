// What became of a send that threw, as a worker acts on it. One small function, so that the
// day @kapsokit/core exports its own classifier of outcomes, this is the one place to use it.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  KapsoError,
  RateLimitError,
  SendOutcomeUnknownError,
  ValidationError,
} from "@kapsokit/client";

export type Classified =
  /** 429: the server did not act; send again after `retryAfter` ms (when it said). */
  | { kind: "rate-limited"; retryAfter: number | undefined }
  /** The server did not act (validation, a 4xx, a refused connection): safe to send again. */
  | { kind: "failed" }
  /** The server may have acted (a 5xx, a timeout, a dropped connection): never send again on our own. */
  | { kind: "unknown" };

/**
 * Sorts the error of one send.
 *
 * @example
 * ```ts
 * classify(new SendOutcomeUnknownError(cause)); // { kind: "unknown" }
 * ```
 */
export function classify(error: unknown): Classified {
  if (error instanceof RateLimitError) return { kind: "rate-limited", retryAfter: error.retryAfter };
  if (error instanceof SendOutcomeUnknownError) return { kind: "unknown" };
  // The request may have been written before the time ran out or the caller stopped it.
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return { kind: "unknown" };
  if (error instanceof APIError) return error.status >= 500 ? { kind: "unknown" } : { kind: "failed" };
  // A connection error the client did not call unknown: it never reached the server.
  if (error instanceof APIConnectionError) return { kind: "failed" };
  // ValidationError and the client's other own errors are raised before anything is sent.
  if (error instanceof ValidationError || error instanceof KapsoError) return { kind: "failed" };
  // Anything else is a fault we cannot place: assume the message may have gone.
  return { kind: "unknown" };
}
