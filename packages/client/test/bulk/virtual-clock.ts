// A clock whose waits return at once and move time forward, so pacing is tested without
// waiting and without reading the wall clock.
import type { Clock } from "../../src/internal/index.js";

export interface VirtualClock extends Clock {
  /** Every wait asked for, in ms. */
  readonly sleeps: number[];
}

export function createVirtualClock(start = 1_000_000): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      const wakeAt = now + ms;
      sleeps.push(ms);
      await Promise.resolve();
      signal?.throwIfAborted();
      now = Math.max(now, wakeAt);
    },
  };
}
