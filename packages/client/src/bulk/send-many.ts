// The bulk send: checks its options, then runs a `BulkRun` (run.ts) and hands its results to
// the consumer one by one, in the order the sends finish.
import { type Clock, systemClock } from "./clock.js";
import { rateToIntervalMs } from "./rate.js";
import { BulkRun } from "./run.js";
import type { BulkOptions, BulkResult, BulkSender } from "./types.js";

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_RATE_LIMIT_RETRIES = 10;

/** Internals a test may replace. */
export interface SendManyInternals {
  clock?: Clock | undefined;
}

function iteratorOf<R>(recipients: Iterable<R> | AsyncIterable<R>): AsyncIterator<R> | Iterator<R> {
  if (recipients !== null && typeof recipients === "object") {
    if (Symbol.asyncIterator in recipients) {
      return recipients[Symbol.asyncIterator]();
    }
    if (Symbol.iterator in recipients) {
      return (recipients as Iterable<R>)[Symbol.iterator]();
    }
  }
  throw new TypeError("recipients must be an iterable or an async iterable");
}

/**
 * Sends to every recipient and yields one result per recipient, in the order the sends finish.
 * Recipients are pulled one at a time, so a file of a million rows is never held in memory.
 * Identical recipients (same journal key) are sent once; the others are `duplicate`. One
 * failure never stops the run; a failure of the input or of the journal does, after the sends
 * in flight have finished. Aborting `signal` stops taking new recipients, aborts the sends in
 * flight (reported `unknown`) and then throws the abort reason.
 *
 * @example
 * ```ts
 * for await (const result of sendMany(sender, recipients, { concurrency: 4, rate: "100/min" })) {
 *   if (result.status === "failed") console.error(result.recipient, result.error.message);
 * }
 * ```
 */
export function sendMany<R, D>(
  sender: BulkSender<R, D>,
  recipients: Iterable<R> | AsyncIterable<R>,
  options: BulkOptions = {},
  internals: SendManyInternals = {},
): AsyncGenerator<BulkResult<R, D>, void, undefined> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError("concurrency must be a whole number of at least 1");
  }
  const run = new BulkRun(sender, iteratorOf(recipients), options, {
    concurrency,
    maxRateLimitRetries: options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES,
    intervalMs: options.rate === undefined ? 0 : rateToIntervalMs(options.rate),
    clock: internals.clock ?? systemClock,
  });
  return consume(run, options.signal);
}

async function* consume<R, D>(
  run: BulkRun<R, D>,
  signal: AbortSignal | undefined,
): AsyncGenerator<BulkResult<R, D>, void, undefined> {
  // One listener on the caller's signal, however many sends are in flight.
  const onAbort = () => run.abort(signal?.reason);
  if (signal?.aborted) {
    onAbort();
  }
  signal?.addEventListener("abort", onAbort, { once: true });
  const finished = run.start();
  try {
    yield* run.results;
  } finally {
    // The consumer stopped early or the run ended: take nothing new, let the sends in flight
    // finish so the journal records them (results nobody reads any more are dropped), then
    // close the input.
    run.stop();
    const drain = (async () => {
      for await (const _ of run.results) {
        // dropped
      }
    })().catch(() => undefined);
    await finished;
    await drain;
    signal?.removeEventListener("abort", onAbort);
    await run.closeInput();
  }
}
