import { describe, expect, it } from "vitest";
import { perCall } from "../../src/per-call/per-call.js";
import { subjects } from "../../src/subjects/index.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("per-call benchmark", () => {
  it("times a send through every client, in memory and over loopback", async () => {
    const section = await perCall(quick);
    expectWellFormed(section, { figureColumns: [2, 3, 4, 5, 6, 7] });
    expect(section.rows).toHaveLength(subjects.length * 2);
    expect(section.targets.map((t) => t.limit)).toEqual([1, 1.15]);
  });
});
