// Progress of a bulk send: a redrawn bar on a terminal, a plain line now and then elsewhere
// (a log file or CI), nothing in --json mode.
import type { BulkProgress } from "@kapsokit/client";
import type { OutputStream } from "../io.js";
import { formatDuration, formatRate } from "./format.js";

export interface ProgressReporter {
  update(progress: BulkProgress, extraFailed: number): void;
  /** Draws the last state and ends the line. */
  finish(): void;
}

const BAR_WIDTH = 20;
const TTY_EVERY_MS = 100;
const PLAIN_EVERY_MS = 5_000;

function describe(p: BulkProgress, extraFailed: number): { done: number; text: string } {
  const failed = p.failed + extraFailed;
  const done = p.completed + extraFailed;
  const parts = [
    p.total === undefined ? `${done}` : `${done}/${p.total}`,
    `sent ${p.sent}`,
    `failed ${failed}`,
  ];
  if (p.skipped) parts.push(`skipped ${p.skipped}`);
  if (p.unknown) parts.push(`unknown ${p.unknown}`);
  parts.push(formatRate(p.ratePerSecond));
  if (p.paused) parts.push("paused for the rate limit");
  else if (p.etaMs !== undefined && done < (p.total ?? 0)) parts.push(`ETA ${formatDuration(p.etaMs)}`);
  return { done, text: parts.join(" · ") };
}

/** A reporter for a stream: a bar when it is a terminal, plain lines when not. */
export function createProgressReporter(stream: OutputStream, now: () => number = Date.now): ProgressReporter {
  let last: { progress: BulkProgress; extraFailed: number } | undefined;
  let drawnAt = Number.NEGATIVE_INFINITY;
  const tty = stream.isTTY === true;

  const draw = () => {
    if (!last) return;
    const { done, text } = describe(last.progress, last.extraFailed);
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
      last = { progress, extraFailed };
      const t = now();
      if (t - drawnAt < (tty ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
      drawnAt = t;
      draw();
    },
    finish() {
      if (tty) {
        draw();
        if (last) stream.write("\n");
      }
    },
  };
}
