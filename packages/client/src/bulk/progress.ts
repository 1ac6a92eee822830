// Counts the results of a bulk send and derives its rate, its time left and any pause.
import type { Clock } from "./clock.js";
import type { BulkProgress, BulkResult, BulkStatus } from "./types.js";

export class ProgressCounter {
  readonly #clock: Clock;
  readonly #startedAt: number;
  readonly #total: number | undefined;
  started = 0;
  readonly counts: Record<BulkStatus, number> = { sent: 0, failed: 0, skipped: 0, unknown: 0, duplicate: 0 };
  // Recipients answered by the server in this run, the base of the rate.
  #answered = 0;

  constructor(clock: Clock, total: number | undefined) {
    this.#clock = clock;
    this.#startedAt = clock.now();
    this.#total = total;
  }

  /** Counts a result; only a send that reached the server counts towards the rate. */
  record(result: BulkResult<unknown, unknown>): void {
    this.counts[result.status]++;
    if (
      result.status === "sent" ||
      result.status === "failed" ||
      (result.status === "unknown" && result.error)
    ) {
      this.#answered++;
    }
  }

  /**
   * The counters now. The rate is over the whole run, pauses included, so the time left it
   * implies holds; while paused, the pause still to come is added to it.
   */
  snapshot(inFlight: number, rateLimited: number, pausedUntil: number): BulkProgress {
    const now = this.#clock.now();
    const elapsedMs = now - this.#startedAt;
    const { sent, failed, skipped, unknown, duplicate } = this.counts;
    const completed = sent + failed + skipped + unknown + duplicate;
    const ratePerSecond = elapsedMs > 0 ? (this.#answered * 1000) / elapsedMs : 0;
    const resumesInMs = pausedUntil > now ? pausedUntil - now : undefined;
    const total = this.#total;
    const etaMs =
      total === undefined || ratePerSecond === 0
        ? undefined
        : (Math.max(0, total - completed) / ratePerSecond) * 1000 + (resumesInMs ?? 0);
    return {
      started: this.started,
      completed,
      sent,
      failed,
      skipped,
      unknown,
      duplicate,
      inFlight,
      rateLimited,
      paused: resumesInMs !== undefined,
      resumesInMs,
      elapsedMs,
      ratePerSecond,
      total,
      etaMs,
    };
  }
}
