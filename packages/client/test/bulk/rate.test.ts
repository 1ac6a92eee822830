import { describe, expect, it } from "vitest";
import { rateToIntervalMs } from "../../src/internal/index.js";

describe("rateToIntervalMs", () => {
  it.each([
    [10, 100],
    ["100/min", 600],
    ["5/s", 200],
    ["2.5/sec", 400],
    [{ perMinute: 120 }, 500],
    [{ perSecond: 4 }, 250],
  ] as const)("turns %j into %d ms between sends", (rate, interval) => {
    expect(rateToIntervalMs(rate)).toBe(interval);
  });

  it.each(["fast", "10/hour", "0/min", "-1/s"])("refuses %j and says what it accepts", (rate) => {
    expect(() => rateToIntervalMs(rate)).toThrow(RangeError);
  });

  it("refuses zero and negative numbers", () => {
    expect(() => rateToIntervalMs(0)).toThrow(/positive/);
    expect(() => rateToIntervalMs({ perMinute: -5 })).toThrow(/positive/);
  });
});
