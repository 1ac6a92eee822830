// The table that tells a run's duplicates apart keeps every key it is given, through growth.
import { describe, expect, it } from "vitest";
import { KeyIndex } from "../../src/bulk/key-index.js";
import { recipientKey } from "../../src/internal/index.js";

describe("KeyIndex", () => {
  it("gives the first index of a key seen before, and records a new one", () => {
    const index = new KeyIndex();
    expect(index.firstOf("a", 0)).toBeUndefined();
    expect(index.firstOf("b", 1)).toBeUndefined();
    expect(index.firstOf("a", 2)).toBe(0);
    expect(index.firstOf("b", 3)).toBe(1);
    expect(index.firstOf("a", 4)).toBe(0);
  });

  it("keeps 50,000 keys through its growth, each told apart from the others", () => {
    const index = new KeyIndex();
    const keys = Array.from({ length: 50_000 }, (_, i) =>
      recipientKey({ to: `+1415${String(i).padStart(7, "0")}` }),
    );
    // One assertion over all of them: 100,000 expect() calls alone take seconds on a busy machine.
    const firstTime = keys.filter((key, i) => index.firstOf(key, i) !== undefined);
    expect(firstTime, "keys taken for one seen before").toEqual([]);
    const secondTime = keys.filter((key, i) => index.firstOf(key, 50_000 + i) !== i);
    expect(secondTime, "keys not found at their first index").toEqual([]);
  });
});
