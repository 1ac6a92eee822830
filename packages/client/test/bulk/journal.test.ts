import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openFileJournal } from "../../src/bulk/file-journal.js";
import {
  type BulkResult,
  createMemoryJournal,
  type JournalState,
  recipientKey,
  sendMany,
} from "../../src/internal/index.js";
import { createFakeSender, phones, type Recipient } from "./fake-sender.js";

async function collect<D>(results: AsyncIterable<BulkResult<Recipient, D>>) {
  const all: BulkResult<Recipient, D>[] = [];
  for await (const result of results) {
    all.push(result);
  }
  return all;
}

const statusOf = (results: BulkResult<Recipient, unknown>[], to: string) =>
  results.find((r) => r.recipient.to === to);

describe("resuming with a journal", () => {
  const [a, b, c, d, e] = phones(5);
  const left = new Map<string, JournalState>([
    [recipientKey(a), "sent"],
    [recipientKey(b), "in-flight"],
    [recipientKey(c), "unknown"],
    [recipientKey(d), "failed"],
  ]);

  it("skips what was sent, reports what was in flight as unknown, and resends what failed", async () => {
    const journal = createMemoryJournal(new Map(left));
    const sender = createFakeSender();
    const results = await collect(sendMany(sender, [a!, b!, c!, d!, e!], { journal }));
    expect(statusOf(results, a!.to)).toMatchObject({ status: "skipped", reason: "already-sent" });
    expect(statusOf(results, b!.to)).toMatchObject({ status: "unknown", reason: "in-flight-at-crash" });
    expect(statusOf(results, c!.to)).toMatchObject({ status: "unknown", reason: "outcome-unknown" });
    expect(statusOf(results, d!.to)).toMatchObject({ status: "sent" });
    expect(statusOf(results, e!.to)).toMatchObject({ status: "sent" });
    expect([...sender.attempts.keys()].sort()).toEqual([d!.to, e!.to]);
    expect(journal.entries.get(recipientKey(e))).toBe("sent");
  });

  it("resends the unknown ones with retryUnknown", async () => {
    const sender = createFakeSender();
    const results = await collect(
      sendMany(sender, [a!, b!, c!, d!, e!], {
        journal: createMemoryJournal(new Map(left)),
        retryUnknown: true,
      }),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["sent", "sent", "sent", "sent", "skipped"]);
    expect(sender.attempts.size).toBe(4);
  });

  it("marks a send in flight before it goes out and with its outcome after", async () => {
    const events: string[] = [];
    const journal = {
      get: () => undefined,
      begin: (key: string) => {
        events.push(`begin ${key}`);
      },
      end: (key: string, state: string) => {
        events.push(`${state} ${key}`);
      },
    };
    const sender = createFakeSender((r) => (r.to === b!.to ? "reject" : r.to === c!.to ? "unknown" : "ok"));
    const send = sender.send.bind(sender);
    const watched = {
      ...sender,
      send: (r: Recipient, o: { signal: AbortSignal; maxRetries: 0 }) => {
        events.push(`send ${recipientKey(r)}`);
        return send(r, o);
      },
    };
    await collect(sendMany(watched, [a!, b!, c!], { journal, concurrency: 1 }));
    const [ka, kb, kc] = [a, b, c].map(recipientKey);
    expect(events).toEqual([
      `begin ${ka}`,
      `send ${ka}`,
      `sent ${ka}`,
      `begin ${kb}`,
      `send ${kb}`,
      `failed ${kb}`,
      `begin ${kc}`,
      `send ${kc}`,
      `unknown ${kc}`,
    ]);
  });

  it("stops the run when the journal cannot record, without sending that recipient", async () => {
    const sender = createFakeSender();
    const journal = {
      get: () => undefined,
      begin: () => {
        throw new Error("ENOSPC: no space left on device");
      },
      end: () => undefined,
    };
    await expect(collect(sendMany(sender, phones(3), { journal }))).rejects.toThrow("ENOSPC");
    expect(sender.attempts.size).toBe(0);
  });
});

describe("recipientKey", () => {
  it("ignores the order of object keys and sees every field", () => {
    expect(recipientKey({ to: "+1", parameters: { a: "1", b: "2" } })).toBe(
      recipientKey({ parameters: { b: "2", a: "1" }, to: "+1" }),
    );
    expect(recipientKey({ to: "+1", parameters: ["x"] })).not.toBe(
      recipientKey({ to: "+1", parameters: ["y"] }),
    );
    expect(recipientKey({ to: "+1" })).toMatch(/^[0-9a-z]{22}$/);
  });
});

describe("openFileJournal", () => {
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-journal-"));

  it("appends JSONL events and reads the last state of each key back", async () => {
    const path = join(dir, "run.jsonl");
    const journal = await openFileJournal(path);
    journal.begin("k1");
    journal.end("k1", "sent");
    journal.begin("k2");
    await journal.close();
    expect(
      readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { key: "k1", state: "in-flight" },
      { key: "k1", state: "sent" },
      { key: "k2", state: "in-flight" },
    ]);
    const again = await openFileJournal(path);
    expect(again.get("k1")).toBe("sent");
    expect(again.get("k2")).toBe("in-flight");
    expect(again.counts()).toEqual({ "in-flight": 1, sent: 1, failed: 0, unknown: 0 });
    await again.close();
  });

  it("writes the in-flight mark before begin returns", async () => {
    const path = join(dir, "sync.jsonl");
    const journal = await openFileJournal(path);
    journal.begin("k1");
    expect(readFileSync(path, "utf8")).toBe('{"key":"k1","state":"in-flight"}\n');
    await journal.close();
  });

  it("with fsync, a mark is settled only once fdatasync has finished, one sync for marks made together", async () => {
    const path = join(dir, "fsync.jsonl");
    const syncs: (() => void)[] = [];
    const journal = await openFileJournal(
      path,
      { fsync: true },
      {
        fdatasync: ((_fd: number, done: (error: Error | null) => void) =>
          syncs.push(() => done(null))) as never,
      },
    );
    let settled = 0;
    const marks = [journal.begin("a"), journal.begin("b")].map((mark) =>
      Promise.resolve(mark).then(() => settled++),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Both lines are in the file, but neither mark has settled: the sync has not finished.
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(2);
    expect(syncs).toHaveLength(1);
    expect(settled).toBe(0);
    syncs[0]!();
    await Promise.all(marks);
    expect(settled).toBe(2);
    await journal.close();
  });

  it("with fsync, a failed fdatasync fails the mark, so the send never goes out", async () => {
    const journal = await openFileJournal(
      join(dir, "fsync-fail.jsonl"),
      { fsync: true },
      { fdatasync: ((_fd: number, done: (error: Error | null) => void) => done(new Error("EIO"))) as never },
    );
    await expect(Promise.resolve(journal.begin("a"))).rejects.toThrow("EIO");
    await journal.close();
  });

  it("skips a line cut short by a crash with a warning and starts the next on a fresh line", async () => {
    const path = join(dir, "torn.jsonl");
    writeFileSync(path, '{"key":"k1","state":"sent"}\n{"key":"k2","sta');
    const journal = await openFileJournal(path);
    expect(journal.size).toBe(1);
    expect(journal.get("k2")).toBeUndefined();
    expect(journal.warnings).toEqual([
      expect.stringMatching(/^line 2 of .*torn\.jsonl is not a journal record/),
    ]);
    journal.begin("k3");
    await journal.close();
    const reopened = await openFileJournal(path);
    expect(reopened.get("k3")).toBe("in-flight");
    await reopened.close();
  });

  it("skips lines that are not records (null, a number, a record of another shape) and resumes", async () => {
    const path = join(dir, "odd.jsonl");
    writeFileSync(
      path,
      [
        '{"key":"k1","state":"sent"}',
        "null",
        "42",
        '{"key":"k2","state":"delivered"}',
        "[]",
        '{"key":"k3","state":"failed"}',
        "",
      ].join("\n"),
    );
    const journal = await openFileJournal(path);
    expect(journal.get("k1")).toBe("sent");
    expect(journal.get("k3")).toBe("failed");
    expect(journal.warnings.map((w) => w.match(/^line (\d+)/)?.[1])).toEqual(["2", "3", "4", "5"]);
    journal.begin("k4");
    await journal.close();
    expect((await openFileJournal(path).then(async (j) => [j.get("k4"), await j.close()]))[0]).toBe(
      "in-flight",
    );
  });

  it("refuses events after close", async () => {
    const journal = await openFileJournal(join(dir, "closed.jsonl"));
    await journal.close();
    expect(() => journal.begin("k")).toThrow(/closed/);
  });

  it("resumes a bulk send across two runs", async () => {
    const path = join(dir, "bulk.jsonl");
    const recipients = phones(30);
    const sender = createFakeSender();
    const first = await openFileJournal(path);
    let count = 0;
    for await (const _ of sendMany(sender, recipients, { journal: first, concurrency: 2 })) {
      if (++count === 10) {
        break;
      }
    }
    await first.close();
    const second = await openFileJournal(path);
    const results = await collect(sendMany(sender, recipients, { journal: second, concurrency: 2 }));
    await second.close();
    expect(results.filter((r) => r.status === "skipped").length).toBeGreaterThanOrEqual(10);
    expect([...sender.delivered.values()].every((n) => n === 1)).toBe(true);
    expect(sender.delivered.size).toBe(30);
  });
});
