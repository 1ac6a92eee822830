import { describe, expect, it } from "vitest";
import { bundleSize } from "../../src/bundle-size/bundle-size.js";
import { subjects } from "../../src/subjects/index.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("bundle-size benchmark", () => {
  it("bundles every client for the browser and for Node", async () => {
    const section = await bundleSize(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6] });
    expect(section.rows.map((row) => row[0])).toEqual(subjects.map((s) => s.name));
    expect(section.targets).toHaveLength(4);
  });
});
