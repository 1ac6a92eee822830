import { describe, expect, it } from "vitest";
import { quantile, summarize } from "../../src/harness/stats.js";

describe("summarize", () => {
  it("gives the median, percentiles and median absolute deviation", () => {
    const summary = summarize([5, 1, 4, 2, 3]);
    expect(summary).toEqual({ median: 3, p75: 4, p99: 4.96, mad: 1, n: 5 });
  });

  it("interpolates between the two middle values of an even sample", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it("is NaN for no values rather than a made-up figure", () => {
    expect(summarize([]).median).toBeNaN();
  });
});
