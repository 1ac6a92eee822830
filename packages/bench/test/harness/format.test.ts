import { describe, expect, it } from "vitest";
import { fmt, kB, times } from "../../src/harness/format.js";

describe("figure formatting", () => {
  it("keeps about three significant digits", () => {
    expect(fmt(1234.5)).toBe("1,235");
    expect(fmt(12.345)).toBe("12.3");
    expect(fmt(1.2345)).toBe("1.23");
    expect(fmt(0.012345)).toBe("0.012");
  });

  it("shows a tiny ratio as a fraction rather than 0.000×", () => {
    expect(times(0.5)).toBe("0.500×");
    expect(times(1 / 25_203)).toBe("1/25,203×");
  });

  it("says n/a for a figure that could not be measured", () => {
    expect(fmt(Number.NaN)).toBe("n/a");
  });

  it("gives sizes in kB", () => {
    expect(kB(5_101)).toBe("5.10 kB");
  });
});
