// One bulk send in progress: its state in one place, and the protocol every send follows in
// one helper (a pacer slot, the journal's in-flight mark, the send, its outcome). Workers pull
// recipients one at a time and push one result per recipient into a bounded channel.
import { Channel } from "./channel.js";
import type { Clock } from "./clock.js";
import { KeyIndex } from "./key-index.js";
import { Pacer } from "./pacer.js";
import { ProgressCounter } from "./progress.js";
import { recipientKey } from "./recipient-key.js";
import type { BulkOptions, BulkResult, BulkSender } from "./types.js";

/** What a run needs besides the caller's options, all checked already. */
export interface RunSettings {
  concurrency: number;
  maxRateLimitRetries: number;
  intervalMs: number;
  clock: Clock;
}

type Base<R> = { recipient: R; index: number; key: string };
/** A result, or nothing when the run stopped before the recipient was sent. */
type Outcome<R, D> = BulkResult<R, D> | undefined;

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class BulkRun<R, D> {
  readonly results: Channel<BulkResult<R, D>>;
  readonly #sender: BulkSender<R, D>;
  readonly #iterator: AsyncIterator<R> | Iterator<R>;
  readonly #options: BulkOptions;
  readonly #settings: RunSettings;
  readonly #pacer: Pacer;
  readonly #progress: ProgressCounter;
  /** Aborted when the caller's signal fires; each send has a controller of its own below. */
  readonly #controller = new AbortController();
  readonly #sending = new Set<AbortController>();
  readonly #templates = new Map<string, Promise<unknown>>();
  /** The index of the first recipient of each key in this run: identical ones are sent once. */
  readonly #firstOf = new KeyIndex();
  #next = 0;
  #pulling: Promise<unknown> = Promise.resolve();
  #exhausted = false;
  #stopped = false;
  #fatal: { error: unknown } | undefined;

  constructor(
    sender: BulkSender<R, D>,
    iterator: AsyncIterator<R> | Iterator<R>,
    options: BulkOptions,
    settings: RunSettings,
  ) {
    this.#sender = sender;
    this.#iterator = iterator;
    this.#options = options;
    this.#settings = settings;
    this.#pacer = new Pacer({
      intervalMs: settings.intervalMs,
      windowMs: options.rateLimitWindowMs,
      clock: settings.clock,
    });
    this.#progress = new ProgressCounter(settings.clock, options.total);
    this.results = new Channel(settings.concurrency * 2);
  }

  /** Whether the caller's signal has stopped the run. */
  get aborted(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Runs the workers; the channel closes (or fails) when they are done. */
  async start(): Promise<void> {
    const workers = Array.from({ length: this.#settings.concurrency }, () =>
      this.#work().catch((error: unknown) => this.#fail(error)),
    );
    await Promise.all(workers);
    if (this.#fatal) {
      this.results.fail(this.#fatal.error);
    } else if (this.aborted) {
      this.results.fail(this.#controller.signal.reason);
    } else {
      this.results.close();
    }
  }

  /** Takes nothing new; the sends in flight finish and are recorded. */
  stop(): void {
    this.#stopped = true;
  }

  /** Stops taking recipients and aborts the sends in flight (they are reported unknown). */
  abort(reason: unknown): void {
    this.#controller.abort(reason);
    for (const send of this.#sending) {
      send.abort(reason);
    }
  }

  /** Closes the input when it was not read to its end. */
  async closeInput(): Promise<void> {
    if (!this.#exhausted) {
      await Promise.resolve(this.#iterator.return?.()).catch(() => undefined);
    }
  }

  #fail(error: unknown): void {
    this.#fatal ??= { error };
    this.#stopped = true;
  }

  #report(): void {
    const pacer = this.#pacer;
    this.#options.onProgress?.(this.#progress.snapshot(pacer.inFlight, pacer.rateLimited, pacer.pausedUntil));
  }

  async #work(): Promise<void> {
    for (;;) {
      const next = await this.#pull();
      if (!next) {
        return;
      }
      const result = await this.#resultOf(next);
      if (!result) {
        return;
      }
      this.#progress.record(result);
      this.#report();
      await this.results.push(result);
    }
  }

  /** The next recipient. Pulls are chained: not every async iterator copes with overlapping `next()` calls. */
  #pull(): Promise<{ recipient: R; index: number } | undefined> {
    const turn = this.#pulling.then(async () => {
      if (this.#exhausted || this.#stopped || this.aborted) {
        return undefined;
      }
      const step = await this.#iterator.next();
      if (step.done) {
        this.#exhausted = true;
        return undefined;
      }
      this.#progress.started++;
      return { recipient: step.value, index: this.#next++ };
    });
    this.#pulling = turn.catch((error: unknown) => this.#fail(error));
    return turn.catch(() => undefined);
  }

  /** What becomes of one recipient: a duplicate, what an earlier run left, or a send. */
  async #resultOf({ recipient, index }: { recipient: R; index: number }): Promise<Outcome<R, D>> {
    const key = (this.#sender.keyOf ?? recipientKey)(recipient);
    const base = { recipient, index, key };
    const first = this.#firstOf.firstOf(key, index);
    if (first !== undefined) {
      return { ...base, status: "duplicate", duplicateOf: first };
    }
    const state = await this.#options.journal?.get(key);
    if (state === "sent") {
      return { ...base, status: "skipped", reason: "already-sent" };
    }
    if ((state === "in-flight" || state === "unknown") && !this.#options.retryUnknown) {
      const reason = state === "in-flight" ? "in-flight-at-crash" : "outcome-unknown";
      return { ...base, status: "unknown", reason };
    }
    const templateId = this.#sender.templateOf?.(recipient);
    if (templateId !== undefined && this.#sender.prepareTemplate) {
      try {
        await this.#prepare(templateId);
      } catch (error) {
        return this.aborted ? undefined : { ...base, status: "failed", error: toError(error) };
      }
    }
    return this.#sendPaced(base);
  }

  /** Checks each template once per run (the check's failure is kept for its other recipients). */
  #prepare(templateId: string): Promise<unknown> {
    let prepared = this.#templates.get(templateId);
    if (!prepared) {
      prepared = this.#sender.prepareTemplate!(templateId, this.#controller.signal);
      prepared.catch(() => undefined);
      this.#templates.set(templateId, prepared);
    }
    return prepared;
  }

  /** Sends in a pacer slot, putting the recipient back after each 429 (up to the limit). */
  async #sendPaced(base: Base<R>): Promise<Outcome<R, D>> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#pacer.acquire(this.#controller.signal);
      } catch {
        return undefined; // stopped before anything was sent
      }
      const outcome = await this.#sendInSlot(base);
      if (!("rateLimited" in outcome)) {
        return outcome;
      }
      this.#report();
      if (attempt >= this.#settings.maxRateLimitRetries || this.aborted) {
        return { ...base, status: "failed", error: outcome.rateLimited };
      }
    }
  }

  /**
   * The protocol of one send: the journal marks it in flight before it can leave, the pacer
   * hears how it went, the journal records the outcome. A journal that cannot record stops
   * the run (the error is thrown) without sending.
   */
  async #sendInSlot(base: Base<R>): Promise<BulkResult<R, D> | { rateLimited: Error }> {
    const journal = this.#options.journal;
    try {
      await journal?.begin(base.key);
    } catch (error) {
      this.#pacer.complete();
      throw error;
    }
    const send = new AbortController();
    if (this.aborted) {
      send.abort(this.#controller.signal.reason);
    }
    this.#sending.add(send);
    try {
      const answer = await this.#sender.send(base.recipient, { signal: send.signal, maxRetries: 0 });
      this.#pacer.complete({ headers: answer.response?.headers, status: answer.response?.status });
      await journal?.end(base.key, "sent");
      const requestId = answer.requestId ?? answer.response?.headers.get("x-request-id") ?? undefined;
      return { ...base, status: "sent", data: answer.data, requestId };
    } catch (thrown) {
      const error = toError(thrown);
      const failure = this.#sender.classify(error);
      const headers = (error as { headers?: Headers }).headers;
      if (failure.kind === "rate-limited") {
        this.#pacer.complete({ headers, status: 429, retryAfterMs: failure.retryAfter });
        // A 429 means the server did not act, so the journal may say so and the send can wait.
        await journal?.end(base.key, "failed");
        return { rateLimited: error };
      }
      this.#pacer.complete({ headers });
      await journal?.end(base.key, failure.kind === "unknown" ? "unknown" : "failed");
      return failure.kind === "unknown"
        ? { ...base, status: "unknown", reason: "outcome-unknown", error }
        : { ...base, status: "failed", error };
    } finally {
      this.#sending.delete(send);
    }
  }
}
