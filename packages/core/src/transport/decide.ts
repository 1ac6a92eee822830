// What follows an attempt that did not end in a plain success: retry after a wait, hand the
// answer back, or fail (and how). A pure function of plain facts, with no imports, so every
// rule is testable alone; it is loaded with the first failure, beside the facts it reads.
import type { AttemptResult } from "./attempt.js";
import type { Settings } from "./options.js";

/** What the attempt's result alone does not say. */
export interface Situation {
  /** A read: repeating it is harmless. */
  read: boolean;
  /** The request provably never reached the server. */
  notSent: boolean;
  /** The server may have acted on it (a send answered 2xx or 5xx). */
  mayHaveActed: boolean;
  /** The wait the server asked for, in ms. */
  retryAfter?: number | undefined;
  /** The wait when the server names none. */
  backoff: number;
  /** Retries made so far. */
  retries: number;
  /** Milliseconds left before `totalTimeout`. */
  timeLeft: number;
}

/** Wait `retry` ms and attempt again; return the answer; or fail for a reason, `unknown` when a send may have been delivered. */
export type Verdict =
  | { retry: number }
  | { answer: true }
  | { fail: "redirect" | "timeout" | "connection" | "abort"; unknown: boolean };

/**
 * Decides what follows an attempt. Reads (and sends with `retryUnsafe`) are retried on 408,
 * 429, 5xx, a lost body and connection errors; sends only on 429 and on connection failures
 * before the request was written. A send that may have reached the server fails as unknown.
 * A redirect is never followed. A wait longer than `maxRetryDelay`, or past `totalTimeout`,
 * ends the retries.
 *
 * @example
 * ```ts
 * decide(answerWith429, { read: false, retryAfter: 2000, … }, settings); // { retry: 2000 }
 * ```
 */
export function decide(result: AttemptResult, s: Situation, settings: Settings): Verdict {
  const repeatable = s.read || settings.retryUnsafe;
  const wait = s.retryAfter ?? s.backoff;
  const retry = s.retries < settings.maxRetries && wait <= settings.maxRetryDelay && wait < s.timeLeft;
  const status = result.response?.status;
  if (
    result.kind === "answer" &&
    (result.response.type === "opaqueredirect" || (status! >= 300 && status! < 400))
  ) {
    return { fail: "redirect", unknown: false };
  }
  const ended = result.kind === "failed" && (result.ended ?? "connection");
  if (ended === "abort") {
    return { fail: "abort", unknown: !(result as { notStarted?: true }).notStarted && !s.read };
  }
  const again =
    status === 429 || (ended ? repeatable || s.notSent : repeatable && (status === 408 || status! >= 500));
  if (again && retry) {
    return { retry: wait };
  }
  if (!ended) {
    return { answer: true };
  }
  return { fail: ended, unknown: !s.read && !s.notSent && (status === undefined || s.mayHaveActed) };
}
