import { describe, expect, it } from "vitest";
import { perCall } from "../../src/per-call/per-call.js";
import { subjects } from "../../src/subjects/index.js";
import { expectWellFormed, quick } from "../support/well-formed.js";

describe("per-call benchmark", () => {
  it("times a send through every client, in memory and over loopback", async () => {
    const section = await perCall(quick);
    expectWellFormed(section, { figureColumns: [2, 3, 4, 5, 6, 7] });
    expect(section.rows).toHaveLength(subjects.length * 2);
    // Each target is kapsokit's median over the peer's, as the table shows them.
    const median = (client: string) =>
      Number(
        section.rows.find((row) => row[0] === "in-memory fetch" && row[1] === client)![2]!.replace(/,/g, ""),
      );
    for (const target of section.targets) {
      const peer = subjects.find((s) => target.name.includes(s.name) && s.name !== "kapsokit")!.name;
      expect(target.ratio).toBeCloseTo(median("kapsokit") / median(peer), 1);
    }
  });
});
