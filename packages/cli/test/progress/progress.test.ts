// The progress display runs on its own timer: during a rate-limit pause no report comes, yet
// the countdown moves, and the rate and the time left count the pause.
import { describe, expect, it } from "vitest";
import type { Progress, ProgressClock } from "../../src/output/progress.js";
import { createProgressReporter, describeProgress } from "../../src/output/progress.js";

/** A clock moved by hand, whose timer fires when told. */
function manualClock() {
  let now = 0;
  const ticks: (() => void)[] = [];
  const clock: ProgressClock = {
    now: () => now,
    every(_ms, tick) {
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      for (const tick of [...ticks]) {
        tick();
      }
    },
    timers: () => ticks.length,
  };
}

const paused: Progress = {
  started: 5,
  completed: 4,
  sent: 4,
  failed: 0,
  skipped: 0,
  unknown: 0,
  duplicate: 0,
  inFlight: 0,
  rateLimited: 1,
  paused: true,
  resumesInMs: 48_000,
  elapsedMs: 2_000,
  ratePerSecond: 2,
  total: 20,
  etaMs: 56_000,
};

describe("the progress display", () => {
  it("says how long a pause has left, and counts the pause in the rate and the time left", () => {
    expect(describeProgress(paused, 0, 0).text).toBe(
      "4/20 · sent 4 · failed 0 · 2.0/s · paused for the rate limit, resumes in 48 s · ETA 56s",
    );
    // Six seconds later, with no report in between: 4 answers in 8 s, 16 left, 42 s of pause left.
    expect(describeProgress(paused, 0, 6_000).text).toBe(
      "4/20 · sent 4 · failed 0 · 0.5/s · paused for the rate limit, resumes in 42 s · ETA 1m14s",
    );
  });

  it("redraws the bar on its timer while no report arrives, and stops the timer when done", () => {
    const out: string[] = [];
    const time = manualClock();
    const reporter = createProgressReporter(
      { write: (t: string) => out.push(t), isTTY: true, columns: 200 },
      time.clock,
    );
    reporter.update(paused, 0);
    expect(out.at(-1)).toContain("resumes in 48 s");
    time.advance(250);
    time.advance(1_000);
    const line = out.at(-1)!;
    expect(line.startsWith("\r\x1b[2K[████░░░░░░░░░░░░░░░░] 20% 4/20 · "), line).toBe(true);
    expect(line).toContain("resumes in 47 s · ETA ");
    time.advance(10_000);
    expect(out.at(-1)).toContain("resumes in 37 s");
    reporter.finish();
    expect(time.timers()).toBe(0);
    expect(out.at(-1)).toBe("\n");
  });

  it("writes a plain line every five seconds when not on a terminal, report or not", () => {
    const out: string[] = [];
    const time = manualClock();
    const reporter = createProgressReporter({ write: (t: string) => out.push(t) }, time.clock);
    reporter.update(paused, 0);
    reporter.update(paused, 0);
    expect(out).toHaveLength(1);
    time.advance(5_000);
    expect(out).toEqual([
      "progress: 4/20 · sent 4 · failed 0 · 2.0/s · paused for the rate limit, resumes in 48 s · ETA 56s\n",
      "progress: 4/20 · sent 4 · failed 0 · 0.6/s · paused for the rate limit, resumes in 43 s · ETA 1m11s\n",
    ]);
    reporter.finish();
    expect(time.timers()).toBe(0);
  });
});
