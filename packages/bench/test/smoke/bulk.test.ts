import { describe, expect, it } from "vitest";
import { bulkSend } from "../../src/bulk.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("bulk benchmark", () => {
  it("sends a small CSV unthrottled and throttled through kapsokit send-bulk", async () => {
    const section = await bulkSend(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6] });
    expect(section.rows.map((row) => row[0])).toEqual([
      "unthrottled",
      expect.stringMatching(/^throttled to \d+\/s$/),
    ]);
    expect(section.targets).toHaveLength(2);
  }, 120_000);
});
