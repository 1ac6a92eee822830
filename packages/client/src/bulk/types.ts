// The public shapes of a bulk send: what goes in, what comes out, what is reported on the way.
import type { BulkJournal } from "./journal.js";
import type { RateInput } from "./rate.js";

/** The final state of one recipient of a bulk send. */
export type BulkStatus = "sent" | "failed" | "skipped" | "unknown" | "duplicate";

interface BulkResultBase<R> {
  /** The recipient as it was given. */
  recipient: R;
  /** Its position in the input, from 0. */
  index: number;
  /** The key the journal knows it by. */
  key: string;
}

/** The server accepted the send. */
export interface BulkSent<R, D> extends BulkResultBase<R> {
  status: "sent";
  data: D;
  requestId?: string | undefined;
}

/** The send was refused or never left the client (validation, 4xx, connection failure): safe to retry. */
export interface BulkFailed<R> extends BulkResultBase<R> {
  status: "failed";
  error: Error;
}

/** Nothing was sent because an earlier run already sent it. */
export interface BulkSkipped<R> extends BulkResultBase<R> {
  status: "skipped";
  reason: "already-sent";
}

/**
 * The server may or may not have acted: the send timed out or the connection dropped mid-request
 * in this run (`outcome-unknown`), or it was in flight when an earlier run stopped
 * (`in-flight-at-crash`). Never re-sent unless `retryUnknown` is set.
 */
export interface BulkUnknown<R> extends BulkResultBase<R> {
  status: "unknown";
  reason: "outcome-unknown" | "in-flight-at-crash";
  error?: Error | undefined;
}

/** Identical to an earlier recipient of this run (same journal key), so not sent again. */
export interface BulkDuplicate<R> extends BulkResultBase<R> {
  status: "duplicate";
  /** The index of the first identical recipient. */
  duplicateOf: number;
}

/** One result per recipient, in the order the sends finish. */
export type BulkResult<R, D> =
  | BulkSent<R, D>
  | BulkFailed<R>
  | BulkSkipped<R>
  | BulkUnknown<R>
  | BulkDuplicate<R>;

/** Counters of a bulk send in progress. */
export interface BulkProgress {
  /** Recipients taken from the input so far. */
  started: number;
  /** Recipients with a final result. */
  completed: number;
  sent: number;
  failed: number;
  skipped: number;
  unknown: number;
  /** Recipients identical to an earlier one, not sent again. */
  duplicate: number;
  /** Sends on the wire right now. */
  inFlight: number;
  /** Answers with status 429 seen so far. */
  rateLimited: number;
  /** Whether every worker is waiting for the server's `Retry-After`. */
  paused: boolean;
  /** While paused: milliseconds until sending resumes. */
  resumesInMs?: number | undefined;
  elapsedMs: number;
  /** Requests answered per second since the start, pauses included (skipped recipients do not count). */
  ratePerSecond: number;
  /** The number of recipients, when the caller told it. */
  total?: number | undefined;
  /** Time left at the rate so far, plus what is left of a pause, when `total` is known. */
  etaMs?: number | undefined;
}

/** Options of a bulk send. */
export interface BulkOptions {
  /** Sends on the wire at once. Default 8. */
  concurrency?: number | undefined;
  /** The most sends per second or per minute, e.g. `10`, `{ perMinute: 100 }` or `"100/min"`. */
  rate?: RateInput | undefined;
  /**
   * The server's rate-limit window, used to turn `X-RateLimit-Limit` into a pace.
   * The Kapso API counts per minute, the default.
   */
  rateLimitWindowMs?: number | undefined;
  /** Stops the run: nothing new is started, sends in flight are aborted and reported unknown. */
  signal?: AbortSignal | undefined;
  /** Called after every result and whenever the run pauses for the rate limit. */
  onProgress?: ((progress: BulkProgress) => void) | undefined;
  /** Records each send before and after it goes out, so a run that stopped can resume. */
  journal?: BulkJournal | undefined;
  /** Re-send recipients whose outcome an earlier run could not tell. Off by default. */
  retryUnknown?: boolean | undefined;
  /** The number of recipients, when known, for `progress.total` and `progress.etaMs`. */
  total?: number | undefined;
  /** How often one recipient may be put back after a 429 before it is reported failed. Default 10. */
  maxRateLimitRetries?: number | undefined;
}

/** What a failed send means: see `classifyFailure` in `@kapsokit/core`. */
export type SendFailure =
  | { kind: "rate-limited"; retryAfter: number | undefined }
  | { kind: "unknown" }
  | { kind: "failed" };

/** What a bulk send needs from a client: one send, how its errors read, and optionally a per-template check. */
export interface BulkSender<R, D> {
  /** Sends to one recipient; called with retries off, since the bulk send paces and retries itself. */
  send(recipient: R, options: { signal: AbortSignal; maxRetries: 0 }): Promise<BulkSendAnswer<D>>;
  /** What an error of `send` means for the message (`classifyFailure` of `@kapsokit/core` for its errors). */
  classify(error: unknown): SendFailure;
  /**
   * A stable identity of a recipient for the journal; two recipients with the same key are
   * the same message, sent once. Defaults to a hash of the recipient.
   */
  keyOf?: ((recipient: R) => string) | undefined;
  /** The template a recipient gets, for {@link BulkSender.prepareTemplate}. */
  templateOf?: ((recipient: R) => string | undefined) | undefined;
  /**
   * Runs once per template before its first send (fetching and checking it, say). When it
   * fails, every recipient of that template fails with its error and nothing is sent to them.
   */
  prepareTemplate?: ((templateId: string, signal: AbortSignal) => Promise<unknown>) | undefined;
}

/** The answer of one send as the bulk send sees it. */
export interface BulkSendAnswer<D> {
  data: D;
  response?: Response | undefined;
  requestId?: string | undefined;
}
