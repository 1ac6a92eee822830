import { describe, expect, it } from "vitest";
import { subjects } from "../../src/subjects/index.js";
import { typeCheck } from "../../src/type-check/type-check.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("type-check benchmark", () => {
  it("runs tsc --noEmit once per client and reads the files it checked", async () => {
    const section = await typeCheck(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(section.rows).toHaveLength(subjects.length);
  }, 120_000);
});
