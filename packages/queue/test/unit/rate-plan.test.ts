import { describe, expect, it } from "vitest";
import { parseRate, planRate, QueueError } from "../../src/index.js";
import { seeded } from "../support/random.js";

describe("planRate", () => {
  it("never lets the windows a span can touch, all full, exceed the limit", () => {
    for (const limit of [2, 3, 7, 20, 60, 100, 101, 333, 1_000, 6_000, 60_000]) {
      for (const perMs of [1_000, 2_000, 60_000]) {
        for (const jitterMs of [0, 125, 250, 400]) {
          const { max, duration, worstCasePerSpan } = planRate({ limit, perMs, jitterMs });
          // A span and the jitter touch at most ceil((S + J) / D) + 1 windows.
          expect(max * (Math.ceil((perMs + jitterMs) / duration) + 1)).toBeLessThanOrEqual(limit);
          expect(worstCasePerSpan).toBeLessThanOrEqual(limit);
          expect(duration).toBeGreaterThanOrEqual(20);
        }
      }
    }
  });

  it("holds against an adversary that places every start and delay at its worst", () => {
    const random = seeded(7);
    for (let trial = 0; trial < 200; trial++) {
      const limit = 2 + Math.floor(random() * 200);
      const perMs = 1_000;
      const jitterMs = Math.floor(random() * 250);
      const { max, duration } = planRate({ limit, perMs, jitterMs });
      // Windows one after another with random gaps; each window's starts anywhere inside
      // it, each send up to the jitter later.
      const sends: number[] = [];
      for (let start = 0; start < 5 * perMs; start += duration + (random() < 0.5 ? 0 : random() * duration)) {
        for (let n = 0; n < max; n++) {
          const at = random() < 0.5 ? start + duration - 1e-6 : start + random() * duration;
          sends.push(at + (random() < 0.5 ? jitterMs : random() * jitterMs));
        }
      }
      sends.sort((a, b) => a - b);
      for (let i = 0, j = 0; i < sends.length; i++) {
        while (sends[i]! - sends[j]! >= perMs) {
          j++;
        }
        expect(i - j + 1, `limit ${limit}`).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("keeps most of the limit when the queue never empties", () => {
    const perSecond = (plan: { steadyPerSecond: number }) => plan.steadyPerSecond;
    expect(perSecond(planRate({ limit: 6_000 })) / 100).toBeGreaterThan(0.98);
    expect(perSecond(planRate({ limit: 100 })) / (100 / 60)).toBeGreaterThan(0.975);
  });

  it("refuses a limit, span or allowance it cannot keep", () => {
    expect(() => planRate({ limit: 1 })).toThrow(QueueError);
    expect(() => planRate({ limit: 100, perMs: 50 })).toThrow(/at least 100 ms/);
    expect(() => planRate({ limit: 100, jitterMs: -1 })).toThrow(/jitter/);
  });
});

describe("parseRate", () => {
  it("reads per minute and per second as a limit per minute", () => {
    expect(parseRate("100/min")).toEqual({ limit: 100, perMs: 60_000 });
    expect(parseRate("5/s")).toEqual({ limit: 300, perMs: 60_000 });
    expect(parseRate(" 2.5 / sec ")).toEqual({ limit: 150, perMs: 60_000 });
  });

  it("refuses anything else", () => {
    expect(() => parseRate("fast")).toThrow(/100\/min or 5\/s/);
  });
});
