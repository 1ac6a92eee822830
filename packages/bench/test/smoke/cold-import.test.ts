import { describe, expect, it } from "vitest";
import { coldImport } from "../../src/cold-import/cold-import.js";
import { subjects } from "../../src/subjects/index.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("cold-import benchmark", () => {
  it("imports every client once in a fresh process", async () => {
    const section = await coldImport(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6] });
    expect(section.rows.map((row) => row[6])).toEqual(subjects.map(() => "1"));
  });
});
