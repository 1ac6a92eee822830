// Counts the results of a bulk send and derives its rate and time left.
import type { Clock } from "./clock.js";
import type { BulkProgress, BulkStatus } from "./types.js";

export class ProgressCounter {
  readonly #clock: Clock;
  readonly #startedAt: number;
  readonly #total: number | undefined;
  started = 0;
  readonly counts: Record<BulkStatus, number> = { sent: 0, failed: 0, skipped: 0, unknown: 0 };
  // Recipients answered by the server in this run, the base of the rate.
  #answered = 0;

  constructor(clock: Clock, total: number | undefined) {
    this.#clock = clock;
    this.#startedAt = clock.now();
    this.#total = total;
  }

  record(status: BulkStatus, answered: boolean): void {
    this.counts[status]++;
    if (answered) this.#answered++;
  }

  snapshot(inFlight: number, rateLimited: number, paused: boolean): BulkProgress {
    const elapsedMs = this.#clock.now() - this.#startedAt;
    const { sent, failed, skipped, unknown } = this.counts;
    const completed = sent + failed + skipped + unknown;
    const ratePerSecond = elapsedMs > 0 ? (this.#answered * 1000) / elapsedMs : 0;
    const total = this.#total;
    const etaMs =
      total === undefined || ratePerSecond === 0
        ? undefined
        : (Math.max(0, total - completed) / ratePerSecond) * 1000;
    return {
      started: this.started,
      completed,
      sent,
      failed,
      skipped,
      unknown,
      inFlight,
      rateLimited,
      paused,
      elapsedMs,
      ratePerSecond,
      total,
      etaMs,
    };
  }
}
