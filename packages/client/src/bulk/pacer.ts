// Paces the sends of a bulk run: the caller's rate, the pace the server's X-RateLimit-* headers
// allow, and a pause of every worker after a 429. Slots are handed out in order, one at a time.
import { type Clock, systemClock } from "./clock.js";
import { type HeaderSource, readRateLimit } from "./rate-limit-headers.js";

export interface PacerOptions {
  /** The caller's spacing between two sends; 0 for none. */
  intervalMs?: number | undefined;
  /** The window `X-RateLimit-Limit` counts in. */
  windowMs?: number | undefined;
  clock?: Clock | undefined;
}

/** What one answer told the pacer. */
export interface PacerAnswer {
  headers?: HeaderSource;
  status?: number | undefined;
  /** The wait a 429 asked for, when an error already parsed it. */
  retryAfterMs?: number | undefined;
}

// Stay this much under the pace the server's limit allows, so jitter never crosses it.
const SAFETY = 1.02;
// How far behind schedule the sends may fall and still catch up. Within it the schedule stays
// absolute, so late timers, a busy event loop or a moment with every worker busy do not
// lower the rate; past it (after an idle spell or a 429 pause) the schedule restarts from
// now, so no burst follows.
const MAX_CATCH_UP_MS = 1000;
// Retry-After is documented but may be missing; the API's windows are a minute long.
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Hands out send slots for a bulk run. */
export class Pacer {
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #windowMs: number;
  #serverIntervalMs = 0;
  #nextAt = Number.NEGATIVE_INFINITY;
  #pausedUntil = 0;
  #remaining: number | undefined;
  #inFlight = 0;
  #rateLimited = 0;
  #turn: Promise<void> = Promise.resolve();
  #waiters: (() => void)[] = [];

  constructor(options: PacerOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#intervalMs = options.intervalMs ?? 0;
    this.#windowMs = options.windowMs ?? 60_000;
  }

  /** Whether every worker waits for a `Retry-After`. */
  get paused(): boolean {
    return this.#clock.now() < this.#pausedUntil;
  }

  /** When the wait for a `Retry-After` ends, on the pacer's clock (in the past when not paused). */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Answers with status 429 seen so far. */
  get rateLimited(): number {
    return this.#rateLimited;
  }

  /** Waits for the next slot; the caller must report the answer with {@link Pacer.complete}. */
  async acquire(signal: AbortSignal): Promise<void> {
    const previous = this.#turn;
    let release!: () => void;
    this.#turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      await this.#waitForSlot(signal);
      this.#inFlight++;
      if (this.#remaining !== undefined) {
        this.#remaining--;
      }
    } finally {
      release();
    }
  }

  /** Reports the answer to a send that {@link Pacer.acquire} let through. */
  complete(answer: PacerAnswer = {}): void {
    this.#inFlight--;
    const now = this.#clock.now();
    const state = readRateLimit(answer.headers, Date.now());
    if (state.remaining !== undefined) {
      // Sends still in flight will spend some of what the server reported.
      this.#remaining = state.remaining - this.#inFlight;
      if (state.resetInMs !== undefined) {
        this.#serverIntervalMs = (state.resetInMs / Math.max(state.remaining, 1)) * SAFETY;
      }
    }
    if (state.limit !== undefined && state.limit > 0 && state.resetInMs === undefined) {
      this.#serverIntervalMs = (this.#windowMs / state.limit) * SAFETY;
    }
    if (answer.status === 429) {
      this.#rateLimited++;
      this.#remaining = 0;
      const wait = answer.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
      this.#pausedUntil = Math.max(this.#pausedUntil, now + wait);
    }
    this.#notify();
  }

  async #waitForSlot(signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      const now = this.#clock.now();
      if (now < this.#pausedUntil) {
        await this.#clock.sleep(this.#pausedUntil - now, signal);
        continue;
      }
      // The server's budget looks spent: let one send through at a time until an answer
      // says how much is left (or a 429 says how long to wait).
      if (this.#remaining !== undefined && this.#remaining <= 0 && this.#inFlight > 0) {
        await this.#changed(signal);
        continue;
      }
      if (this.#nextAt > now) {
        await this.#clock.sleep(this.#nextAt - now, signal);
        continue;
      }
      const interval = Math.max(this.#intervalMs, this.#serverIntervalMs);
      const late = now - this.#nextAt;
      this.#nextAt = (late <= Math.max(interval, MAX_CATCH_UP_MS) ? this.#nextAt : now) + interval;
      return;
    }
  }

  #changed(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      const wake = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      this.#waiters.push(wake);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) {
      wake();
    }
  }
}
