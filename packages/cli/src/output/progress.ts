// Progress of a bulk send: a bar redrawn on a timer on a terminal, a plain line every few
// seconds elsewhere (a log file or CI), nothing in --json mode.
//
// The bulk engine reports after each result; during a rate-limit pause no result comes for a
// minute, so the display runs on its own timer and ages the last report itself: the pause
// counts down, and the rate and the time left count the time that passed since, so they never
// claim a pace the run is not keeping.
import type { BulkProgress } from "@kapsokit/client";
import type { OutputStream } from "../io.js";
import { formatDuration, formatRate } from "./format.js";

/** A report of the bulk engine. */
export type Progress = BulkProgress;

export interface ProgressReporter {
  /** The engine's latest report, and rows the command failed before they reached it. */
  update(progress: Progress, extraFailed: number): void;
  /** Stops the timer, draws the last state and ends the line. */
  finish(): void;
}

/** What the reporter needs of time, replaceable in tests. */
export interface ProgressClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

const systemClock: ProgressClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

const BAR_WIDTH = 20;
const TTY_EVERY_MS = 250;
const PLAIN_EVERY_MS = 5_000;

/** The line's words for the report `p`, aged by `sinceMs` milliseconds. */
export function describeProgress(
  p: Progress,
  extraFailed: number,
  sinceMs: number,
): { done: number; text: string } {
  const failed = p.failed + extraFailed;
  const done = p.completed + extraFailed;
  const parts = [
    p.total === undefined ? `${done}` : `${done}/${p.total}`,
    `sent ${p.sent}`,
    `failed ${failed}`,
  ];
  if (p.skipped) {
    parts.push(`skipped ${p.skipped}`);
  }
  if (p.unknown) {
    parts.push(`unknown ${p.unknown}`);
  }
  if (p.duplicate) {
    parts.push(`duplicate ${p.duplicate}`);
  }
  // The rate over the whole run until now: the time since the report has no answers in it.
  const elapsedMs = p.elapsedMs + sinceMs;
  const rate = elapsedMs > 0 ? (p.ratePerSecond * p.elapsedMs) / elapsedMs : 0;
  parts.push(formatRate(rate));
  const resumesInMs = p.resumesInMs === undefined ? undefined : Math.max(0, p.resumesInMs - sinceMs);
  if (p.paused) {
    parts.push(
      resumesInMs === undefined
        ? "paused for the rate limit"
        : `paused for the rate limit, resumes in ${Math.ceil(resumesInMs / 1000)} s`,
    );
  }
  const left = Math.max(0, (p.total ?? 0) - done);
  if (p.total !== undefined && left > 0 && rate > 0) {
    parts.push(`ETA ${formatDuration((left / rate) * 1000 + (p.paused ? (resumesInMs ?? 0) : 0))}`);
  }
  return { done, text: parts.join(" · ") };
}

/**
 * A reporter for a stream: a bar when it is a terminal, plain lines when not. Its timer starts
 * with the first report and stops at `finish()`.
 */
export function createProgressReporter(
  stream: OutputStream,
  clock: ProgressClock = systemClock,
): ProgressReporter {
  let last: { progress: Progress; extraFailed: number; at: number } | undefined;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let stopTimer: (() => void) | undefined;
  const tty = stream.isTTY === true;
  const every = tty ? TTY_EVERY_MS : PLAIN_EVERY_MS;

  const draw = () => {
    if (!last) {
      return;
    }
    const now = clock.now();
    drawnAt = now;
    const { done, text } = describeProgress(last.progress, last.extraFailed, now - last.at);
    if (!tty) {
      stream.write(`progress: ${text}\n`);
      return;
    }
    const total = last.progress.total;
    const fraction = total ? Math.min(1, done / total) : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = total
      ? `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${Math.floor(fraction * 100)}% `
      : "";
    const line = `${bar}${text}`;
    const width = stream.columns ?? 100;
    stream.write(`\r\x1b[2K${line.length > width - 1 ? line.slice(0, width - 1) : line}`);
  };

  return {
    update(progress, extraFailed) {
      last = { progress, extraFailed, at: clock.now() };
      stopTimer ??= clock.every(every, draw);
      if (last.at - drawnAt >= every) {
        draw();
      }
    },
    finish() {
      stopTimer?.();
      stopTimer = undefined;
      if (tty && last) {
        draw();
        stream.write("\n");
      }
    },
  };
}
