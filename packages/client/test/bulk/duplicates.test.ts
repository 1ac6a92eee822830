// Identical recipients are one message: sent once per run and across resumes, the others
// reported `duplicate` and never sent; a journal key never stands for two rows whose outcomes differ.
import { createKapsoMock, defineTemplate } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { Kapso, type SendManyResult } from "../../src/index.js";
import { type BulkResult, createMemoryJournal, sendMany } from "../../src/internal/index.js";
import { createFakeSender, type Recipient } from "./fake-sender.js";

async function collect<R, D>(results: AsyncIterable<BulkResult<R, D>>): Promise<BulkResult<R, D>[]> {
  const all: BulkResult<R, D>[] = [];
  for await (const result of results) {
    all.push(result);
  }
  return all.sort((a, b) => a.index - b.index);
}

describe("identical recipients", () => {
  it("are sent once; the others are duplicates of the first, never sent", async () => {
    const sender = createFakeSender();
    const a = { to: "+14155550001" };
    const b = { to: "+14155550002" };
    const results = await collect(sendMany(sender, [a, b, { ...a }, a, { ...b }], { concurrency: 3 }));
    expect(results.map((r) => r.status)).toEqual(["sent", "sent", "duplicate", "duplicate", "duplicate"]);
    expect(results.map((r) => (r.status === "duplicate" ? r.duplicateOf : undefined))).toEqual([
      undefined,
      undefined,
      0,
      0,
      1,
    ]);
    expect([...sender.attempts.values()]).toEqual([1, 1]);
  });

  it("stay one message across a resume, whatever the second row's send would have done", async () => {
    // The second row would be refused if it were sent: it never is, so one key means one outcome.
    let seen = 0;
    const sender = createFakeSender(() => (seen++ === 0 ? "ok" : "reject"));
    const journal = createMemoryJournal();
    const row: Recipient = { to: "+14155550003" };
    const first = await collect(sendMany(sender, [row, { ...row }], { journal }));
    expect(first.map((r) => r.status)).toEqual(["sent", "duplicate"]);
    const resumed = await collect(sendMany(sender, [row, { ...row }], { journal }));
    expect(resumed.map((r) => r.status)).toEqual(["skipped", "duplicate"]);
    expect(sender.delivered.get(row.to)).toBe(1);
    expect(sender.attempts.get(row.to)).toBe(1);
  });

  it("are counted in the progress", async () => {
    const snapshots: number[] = [];
    const row = { to: "+14155550004" };
    await collect(
      sendMany(createFakeSender(), [row, row, row], { onProgress: (p) => snapshots.push(p.duplicate) }),
    );
    expect(snapshots.at(-1)).toBe(2);
  });
});

describe("identical recipients through kapso.templates.sendMany", () => {
  const NOTICE = defineTemplate({
    id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c91",
    name: "dup_notice",
    content: "Hi {{1}}.",
  });

  it("are recognised after normalisation: the same number written three ways is sent once", async () => {
    const mock = createKapsoMock({ templates: [NOTICE] });
    const kapso = new Kapso({ apiKey: "test", baseUrl: mock.baseUrl, fetch: mock.fetch, logLevel: "off" });
    const results: SendManyResult[] = [];
    for await (const result of kapso.templates.sendMany(
      [
        { to: "+1 415 555 0123", parameters: ["Ana"] },
        { to: "+1 (415) 555-0123", parameters: ["Ana"] },
        { to: "+14155550123", parameters: ["Ana"] },
        { to: "+14155550123", parameters: ["Bea"] },
      ],
      { templateId: NOTICE.id, concurrency: 1 },
    )) {
      results.push(result);
    }
    expect(results.map((r) => r.status)).toEqual(["sent", "duplicate", "duplicate", "sent"]);
    expect(mock.sent.map((m) => m.template.template_parameters)).toEqual([["Ana"], ["Bea"]]);
  });
});
