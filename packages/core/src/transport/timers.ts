// Waiting, safely: Node's timers overflow above 2^31−1 ms (and then fire at once), so a long
// wait is armed in steps, and an infinite one never arms a timer at all.
import { APIUserAbortError } from "../errors.js";

/** The longest delay `setTimeout` takes as it is. */
export const MAX_TIMER = 2 ** 31 - 1;

/**
 * Calls `fire` after `ms` (never for `Infinity`); returns a function that cancels it.
 *
 * @example
 * ```ts
 * const cancel = after(30 * 86_400_000, () => console.log("a month later"));
 * cancel();
 * ```
 */
export function after(ms: number, fire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (left: number) => {
    timer = left > MAX_TIMER ? setTimeout(arm, MAX_TIMER, left - MAX_TIMER) : setTimeout(fire, left);
  };
  if (ms < Number.POSITIVE_INFINITY) {
    arm(Math.max(0, ms));
  }
  return () => clearTimeout(timer);
}

/** Waits `ms`; resolves early with an {@link APIUserAbortError} when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<APIUserAbortError | undefined> {
  return new Promise((resolve) => {
    const stop = () => {
      cancel();
      signal?.removeEventListener("abort", stop);
      resolve(signal?.aborted ? new APIUserAbortError() : undefined);
    };
    const cancel = after(ms, stop);
    signal?.addEventListener("abort", stop);
    if (signal?.aborted) {
      stop();
    }
  });
}

/**
 * Capped exponential backoff with jitter: 0.5 s, 1 s, 2 s, … up to 8 s, each shortened by a
 * random 0–25 % so that many clients do not retry in lockstep.
 */
export const backoff = (retry: number): number =>
  Math.min(500 * 2 ** retry, 8000) * (1 - Math.random() * 0.25);
