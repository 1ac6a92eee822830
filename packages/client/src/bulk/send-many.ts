// The bulk send: a pool of workers pulls recipients one by one from any iterable, paces each
// send, journals it, and hands one result per recipient to the consumer.
import { Channel } from "./channel.js";
import { type Clock, systemClock } from "./clock.js";
import { classifySendError, toError } from "./outcome.js";
import { Pacer } from "./pacer.js";
import { ProgressCounter } from "./progress.js";
import { rateToIntervalMs } from "./rate.js";
import { recipientKey } from "./recipient-key.js";
import type { BulkOptions, BulkResult, BulkSender } from "./types.js";

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_RATE_LIMIT_RETRIES = 10;

/** Internals a test may replace. */
export interface SendManyInternals {
  clock?: Clock | undefined;
}

function iteratorOf<R>(recipients: Iterable<R> | AsyncIterable<R>): AsyncIterator<R> | Iterator<R> {
  if (recipients !== null && typeof recipients === "object" && Symbol.asyncIterator in recipients) {
    return recipients[Symbol.asyncIterator]();
  }
  if (recipients !== null && typeof recipients === "object" && Symbol.iterator in recipients) {
    return (recipients as Iterable<R>)[Symbol.iterator]();
  }
  throw new TypeError("recipients must be an iterable or an async iterable");
}

/**
 * Sends to every recipient and yields one result per recipient, in the order the sends finish.
 * Recipients are pulled one at a time, so a file of a million rows is never held in memory.
 * One failure never stops the run; a failure of the input or of the journal does, after the
 * sends in flight have finished. Aborting `signal` stops taking new recipients, aborts the
 * sends in flight (reported `unknown`) and then throws the abort reason.
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
  const maxRateLimitRetries = options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
  const intervalMs = options.rate === undefined ? 0 : rateToIntervalMs(options.rate);
  const iterator = iteratorOf(recipients);
  return run(sender, iterator, options, {
    concurrency,
    maxRateLimitRetries,
    intervalMs,
    clock: internals.clock ?? systemClock,
  });
}

interface RunSettings {
  concurrency: number;
  maxRateLimitRetries: number;
  intervalMs: number;
  clock: Clock;
}

async function* run<R, D>(
  sender: BulkSender<R, D>,
  iterator: AsyncIterator<R> | Iterator<R>,
  options: BulkOptions,
  settings: RunSettings,
): AsyncGenerator<BulkResult<R, D>, void, undefined> {
  const { journal, retryUnknown = false, onProgress } = options;
  const keyOf = sender.keyOf ?? recipientKey;
  const controller = new AbortController();
  const signal = controller.signal;
  // Each send gets a signal of its own, aborted from here: one listener on the caller's
  // signal however many sends are in flight (a shared signal would collect one per send).
  const sending = new Set<AbortController>();
  const onAbort = () => {
    controller.abort(options.signal?.reason);
    for (const send of sending) send.abort(options.signal?.reason);
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const pacer = new Pacer({
    intervalMs: settings.intervalMs,
    windowMs: options.rateLimitWindowMs,
    clock: settings.clock,
  });
  const progress = new ProgressCounter(settings.clock, options.total);
  const results = new Channel<BulkResult<R, D>>(settings.concurrency * 2);
  const templates = new Map<string, Promise<unknown>>();
  let nextIndex = 0;
  let exhausted = false;
  let stopped = false;
  let fatal: { error: unknown } | undefined;
  let pulling: Promise<unknown> = Promise.resolve();

  const report = () => onProgress?.(progress.snapshot(pacer.inFlight, pacer.rateLimited, pacer.paused));

  // Pulls are chained: not every async iterator copes with overlapping `next()` calls.
  const pull = (): Promise<{ recipient: R; index: number } | undefined> => {
    const turn = pulling.then(async () => {
      if (exhausted || stopped || signal.aborted) return undefined;
      const step = await iterator.next();
      if (step.done) {
        exhausted = true;
        return undefined;
      }
      progress.started++;
      return { recipient: step.value, index: nextIndex++ };
    });
    pulling = turn.catch(() => undefined);
    return turn;
  };

  const prepare = (templateId: string): Promise<unknown> => {
    let prepared = templates.get(templateId);
    if (!prepared) {
      prepared = sender.prepareTemplate!(templateId, signal);
      // Keep a rejection observed even when no recipient awaits it any more.
      prepared.catch(() => undefined);
      templates.set(templateId, prepared);
    }
    return prepared;
  };

  const sendOne = async (recipient: R, index: number): Promise<BulkResult<R, D> | undefined> => {
    const key = keyOf(recipient);
    const base = { recipient, index, key };
    if (journal) {
      const state = await journal.get(key);
      if (state === "sent") return { ...base, status: "skipped", reason: "already-sent" };
      if ((state === "in-flight" || state === "unknown") && !retryUnknown) {
        return {
          ...base,
          status: "unknown",
          reason: state === "in-flight" ? "in-flight-at-crash" : "outcome-unknown",
        };
      }
    }
    const templateId = sender.templateOf?.(recipient);
    if (templateId !== undefined && sender.prepareTemplate) {
      try {
        await prepare(templateId);
      } catch (error) {
        if (signal.aborted) return undefined;
        return { ...base, status: "failed", error: toError(error) };
      }
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await pacer.acquire(signal);
      } catch {
        return undefined; // stopped before anything was sent
      }
      try {
        await journal?.begin(key);
      } catch (error) {
        pacer.complete();
        throw error;
      }
      const sendController = new AbortController();
      if (signal.aborted) sendController.abort(signal.reason);
      sending.add(sendController);
      try {
        const answer = await sender.send(recipient, { signal: sendController.signal, maxRetries: 0 });
        pacer.complete({ headers: answer.response?.headers, status: answer.response?.status });
        await journal?.end(key, "sent");
        const requestId = answer.requestId ?? answer.response?.headers.get("x-request-id") ?? undefined;
        return { ...base, status: "sent", data: answer.data, requestId };
      } catch (error) {
        const outcome = classifySendError(error);
        if (outcome.kind === "rate-limited") {
          pacer.complete({ headers: outcome.headers, status: 429, retryAfterMs: outcome.retryAfterMs });
          // A 429 means the server did not act, so the journal may say so and the send can wait.
          await journal?.end(key, "failed");
          report();
          if (attempt < settings.maxRateLimitRetries && !signal.aborted) continue;
          return { ...base, status: "failed", error: toError(error) };
        }
        pacer.complete({ headers: outcome.headers });
        if (outcome.kind === "unknown") {
          await journal?.end(key, "unknown");
          return { ...base, status: "unknown", reason: "outcome-unknown", error: toError(error) };
        }
        await journal?.end(key, "failed");
        return { ...base, status: "failed", error: toError(error) };
      } finally {
        sending.delete(sendController);
      }
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      let next: { recipient: R; index: number } | undefined;
      try {
        next = await pull();
      } catch (error) {
        fatal ??= { error };
        stopped = true;
        return;
      }
      if (!next) return;
      const result = await sendOne(next.recipient, next.index);
      if (!result) return;
      const answered = !(result.status === "skipped" || (result.status === "unknown" && !result.error));
      progress.record(result.status, answered);
      report();
      await results.push(result);
    }
  };

  const workers = Promise.all(
    Array.from({ length: settings.concurrency }, () =>
      worker().catch((error: unknown) => {
        fatal ??= { error };
        stopped = true;
      }),
    ),
  ).then(() => {
    if (fatal) results.fail(fatal.error);
    else if (signal.aborted) results.fail(signal.reason);
    else results.close();
  });

  try {
    yield* results;
  } finally {
    // The consumer stopped early or the run ended: take nothing new, let the sends in flight
    // finish so the journal records them, then close the input.
    stopped = true;
    const drain = (async () => {
      for await (const _ of results) {
        // Results nobody reads any more; their journal entries are written all the same.
      }
    })().catch(() => undefined);
    await workers;
    await drain;
    options.signal?.removeEventListener("abort", onAbort);
    if (!exhausted) await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
