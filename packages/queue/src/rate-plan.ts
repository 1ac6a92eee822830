// Turns "at most L sends in any span of S ms" into BullMQ's global rate limit, which allows
// `max` job starts per fixed window of `duration` ms. Fixed windows alone let a burst at the end
// of one window meet a burst at the start of the next (up to 2·L in one span when the window
// is the span), so the span is cut into n windows and `max` is chosen so that every window a
// span can touch, all full, still stays within L.
//
// The bound. Windows are disjoint and `duration` long; a send leaves at most `jitterMs` after
// its job started. The sends of a span of S ms started within S + jitter ms, and a stretch
// that long touches at most n + 1 windows when duration = (S + jitter) / n. So
// max · (n + 1) ≤ L keeps every span within the limit.
import { QueueError } from "./errors.js";

/** A rate limit as the API states it: `limit` sends in any `perMs` milliseconds. */
export interface RateLimit {
  limit: number;
  /** The span the limit counts over. Default 60 000 (the Kapso API counts per minute). */
  perMs?: number | undefined;
  /**
   * The longest delay between a job's start and its request reaching the server that the
   * bound tolerates. Default 250 ms, or an eighth of `perMs` when that is shorter.
   */
  jitterMs?: number | undefined;
}

/** BullMQ's global rate limit for a queue, and what it guarantees. */
export interface RatePlan {
  /** Job starts per window. */
  max: number;
  /** The window, in ms. */
  duration: number;
  /** The most sends any span of `perMs` can hold: max · (n + 1), at most `limit`. */
  worstCasePerSpan: number;
  /** Sends per second when the queue is never empty and each window starts as the last ends. */
  steadyPerSecond: number;
  limit: number;
  perMs: number;
  jitterMs: number;
}

// The shortest window worth having: timers and a Redis round trip cost a few ms per window,
// so very short windows lose more than the finer cut gains.
const MIN_WINDOW_MS = 20;
// What each window costs in practice: its first job starts a little after the previous
// window ends (a worker's timer, then a round trip to Redis): about 2 ms on an idle machine,
// 20 ms on a saturated one (measured in packages/bench). Counting 5 ms picks longer windows
// where that costs nothing when idle and keeps more of the limit when busy.
const WINDOW_LATENCY_MS = 5;

/**
 * Chooses `max` and `duration` for a limit, maximising the steady rate within the bound.
 *
 * @example
 * ```ts
 * planRate({ limit: 100 }); // { max: 1, duration: 609, worstCasePerSpan: 100, steadyPerSecond: 1.642, … }
 * ```
 */
export function planRate(rate: RateLimit): RatePlan {
  const perMs = rate.perMs ?? 60_000;
  const jitterMs = rate.jitterMs ?? Math.min(250, perMs / 8);
  const limit = Math.floor(rate.limit);
  if (!Number.isFinite(perMs) || perMs < 100) {
    throw new QueueError(`a rate's span must be at least 100 ms, not ${perMs}`);
  }
  if (!Number.isFinite(jitterMs) || jitterMs < 0) {
    throw new QueueError(`a rate's jitter allowance must be 0 ms or more, not ${jitterMs}`);
  }
  if (!Number.isFinite(limit) || limit < 2) {
    throw new QueueError(`a rate must allow at least 2 sends per span, not ${rate.limit}`);
  }
  let best: RatePlan | undefined;
  for (let max = 1; max <= limit / 2; max++) {
    const windows = Math.floor(limit / max) - 1;
    const duration = Math.ceil((perMs + jitterMs) / windows);
    if (duration < MIN_WINDOW_MS) {
      continue;
    }
    // Chosen by the rate expected once each window's latency is counted.
    const expected = max / (duration + WINDOW_LATENCY_MS);
    if (!best || expected > best.max / (best.duration + WINDOW_LATENCY_MS)) {
      const steadyPerSecond = (max * 1000) / duration;
      best = {
        max,
        duration,
        worstCasePerSpan: max * (windows + 1),
        steadyPerSecond,
        limit,
        perMs,
        jitterMs,
      };
    }
  }
  // Unreachable: max = 1 gives a window of (perMs + jitter) / (limit - 1) ms, and the loop
  // only skips windows under MIN_WINDOW_MS, which a larger max always lengthens past.
  if (!best) {
    throw new QueueError(`no rate plan fits ${limit} sends per ${perMs} ms`);
  }
  return best;
}

const RATE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|m|min|minute)\s*$/i;

/**
 * Reads `"100/min"` or `"5/s"` as a limit per minute: "5/s" is 300 per minute, the unit the
 * Kapso API counts in, so a send rate is never held to a one-second span it need not keep.
 *
 * @example
 * ```ts
 * parseRate("5/s"); // { limit: 300, perMs: 60_000 }
 * ```
 */
export function parseRate(text: string): RateLimit {
  const match = RATE_TEXT.exec(text);
  if (!match) {
    throw new QueueError(`a rate looks like 100/min or 5/s, not "${text}"`);
  }
  const count = Number(match[1]);
  const perMinute = match[2]!.toLowerCase().startsWith("m") ? count : count * 60;
  return { limit: Math.floor(perMinute), perMs: 60_000 };
}
