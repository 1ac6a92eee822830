import { describe, expect, it } from "vitest";
import { mockStart } from "../../src/mock-start/mock-start.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("mock-start benchmark", () => {
  it("starts the mock, its server and Prism, and measures their requests per second", async () => {
    const section = await mockStart(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6] });
    expect(section.rows.filter((row) => row[0]?.endsWith("requests/s"))).toHaveLength(3);
    expect(section.targets).toHaveLength(1);
  }, 120_000);
});
