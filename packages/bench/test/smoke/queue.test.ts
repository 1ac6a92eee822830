import { describe, expect, it } from "vitest";
import { queueCampaigns } from "../../src/queue/queue.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("queue benchmark", () => {
  it("runs small campaigns through one and three workers, unthrottled and held to a rate", async () => {
    const section = await queueCampaigns(quick);
    expectWellFormed(section, { figureColumns: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(section.rows.map((row) => [row[0], row[1]])).toEqual([
      ["unthrottled", "1"],
      ["unthrottled", "3"],
      [expect.stringMatching(/^held to \d+\/min$/), "3"],
    ]);
    expect(section.targets).toHaveLength(3);
  }, 120_000);
});
