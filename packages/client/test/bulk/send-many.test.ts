import { describe, expect, it } from "vitest";
import { type BulkProgress, type BulkResult, sendMany } from "../../src/internal/index.js";
import { createFakeSender, phones, type Recipient } from "./fake-sender.js";
import { createVirtualClock } from "./virtual-clock.js";

async function collect<R, D>(results: AsyncIterable<BulkResult<R, D>>): Promise<BulkResult<R, D>[]> {
  const all: BulkResult<R, D>[] = [];
  for await (const result of results) {
    all.push(result);
  }
  return all;
}

function byStatus<R, D>(results: BulkResult<R, D>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
  return counts;
}

describe("sendMany", () => {
  it("yields one result per recipient and carries on past failures", async () => {
    const sender = createFakeSender((r) =>
      r.to.endsWith("3") ? "reject" : r.to.endsWith("7") ? "unknown" : "ok",
    );
    const results = await collect(sendMany(sender, phones(100), { concurrency: 5 }));
    expect(results).toHaveLength(100);
    expect(new Set(results.map((r) => r.index)).size).toBe(100);
    expect(byStatus(results)).toEqual({ sent: 80, failed: 10, unknown: 10 });
    const failed = results.find((r) => r.status === "failed");
    expect(failed?.status === "failed" && failed.error.name).toBe("UnprocessableEntityError");
    const unknown = results.find((r) => r.status === "unknown");
    expect(unknown?.status === "unknown" && unknown.reason).toBe("outcome-unknown");
    const sent = results.find((r) => r.status === "sent");
    expect(sent?.status === "sent" && sent.requestId).toBe(`req-${sent?.recipient.to}`);
  });

  it("never has more sends on the wire than the concurrency", async () => {
    const sender = createFakeSender(() => "ok", { latencyMs: 1 });
    await collect(sendMany(sender, phones(60), { concurrency: 4 }));
    expect(sender.maxInFlight).toBe(4);
  });

  it("pulls recipients as it goes instead of reading the whole input", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Recipient> {
      for (let i = 0; ; i++) {
        pulled++;
        yield { to: `+1415${String(i).padStart(7, "0")}` };
      }
    }
    const sender = createFakeSender();
    let seen = 0;
    for await (const _ of sendMany(sender, endless(), { concurrency: 3 })) {
      if (++seen === 50) {
        break;
      }
    }
    // Workers, plus the results waiting for the consumer, plus one pull: never the input.
    expect(pulled).toBeLessThanOrEqual(50 + 3 * 3 + 1);
  });

  it("closes the input and finishes the sends in flight when the consumer stops early", async () => {
    let closed = false;
    function* input(): Generator<Recipient> {
      try {
        yield* phones(1000);
      } finally {
        closed = true;
      }
    }
    const sender = createFakeSender(() => "ok", { latencyMs: 2 });
    for await (const _ of sendMany(sender, input(), { concurrency: 4 })) {
      break;
    }
    expect(closed).toBe(true);
    const attempted = [...sender.attempts.values()].reduce((a, b) => a + b, 0);
    const delivered = [...sender.delivered.values()].reduce((a, b) => a + b, 0);
    expect(attempted).toBe(delivered);
    expect(attempted).toBeLessThan(20);
  });

  it("puts a rate-limited recipient back and sends it once after the pause", async () => {
    const clock = createVirtualClock();
    const sender = createFakeSender((r) => (r.to.endsWith("5") ? "rate-limit-once" : "ok"));
    const progress: BulkProgress[] = [];
    const results = await collect(
      sendMany(sender, phones(30), { concurrency: 2, onProgress: (p) => progress.push(p) }, { clock }),
    );
    expect(byStatus(results)).toEqual({ sent: 30 });
    expect([...sender.delivered.values()].every((n) => n === 1)).toBe(true);
    expect(sender.attempts.get("+14155550005")).toBe(2);
    expect(progress.at(-1)?.rateLimited).toBe(3);
    expect(progress.some((p) => p.paused)).toBe(true);
    expect(clock.sleeps.filter((ms) => ms > 1900)).not.toHaveLength(0);
  });

  it("reports a recipient failed after too many 429s", async () => {
    const clock = createVirtualClock();
    const sender = createFakeSender();
    const limited = {
      ...sender,
      send: () =>
        Promise.reject(
          Object.assign(new Error("Rate limit exceeded"), {
            name: "RateLimitError",
            status: 429,
            retryAfter: 10,
          }),
        ),
    };
    const [result] = await collect(sendMany(limited, phones(1), { maxRateLimitRetries: 3 }, { clock }));
    expect(result?.status).toBe("failed");
    expect(clock.sleeps).toEqual([10, 10, 10]);
  });

  it("checks each template once, and fails its recipients unsent when the check fails", async () => {
    const checked: string[] = [];
    const sender = createFakeSender(() => "ok", {
      templates: async (id) => {
        checked.push(id);
        if (id === "missing") {
          throw new Error("template missing not found");
        }
      },
    });
    const recipients = phones(40).map((r, i) => ({ ...r, templateId: i % 2 ? "present" : "missing" }));
    const results = await collect(sendMany(sender, recipients, { concurrency: 6 }));
    expect(checked.sort()).toEqual(["missing", "present"]);
    expect(byStatus(results)).toEqual({ sent: 20, failed: 20 });
    expect(sender.attempts.size).toBe(20);
  });

  it("paces to the configured rate", async () => {
    const clock = createVirtualClock();
    const sender = createFakeSender();
    const start = clock.now();
    await collect(sendMany(sender, phones(61), { rate: "60/min", concurrency: 8 }, { clock }));
    expect(clock.now() - start).toBe(60_000);
  });

  it("reports progress with the total and the time left", async () => {
    const progress: BulkProgress[] = [];
    const sender = createFakeSender((r) => (r.to.endsWith("1") ? "reject" : "ok"), { latencyMs: 1 });
    await collect(sendMany(sender, phones(20), { total: 20, onProgress: (p) => progress.push(p) }));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ total: 20, completed: 20, started: 20, sent: 18, failed: 2, inFlight: 0 });
    expect(last.etaMs).toBe(0);
    expect(progress[0]!.etaMs).toBeGreaterThan(0);
    expect(last.ratePerSecond).toBeGreaterThan(0);
  });

  it("on abort stops taking recipients, reports the sends in flight unknown, then throws", async () => {
    const controller = new AbortController();
    const sender = createFakeSender(() => "ok", { latencyMs: 20 });
    const results: BulkResult<Recipient, unknown>[] = [];
    const run = (async () => {
      for await (const result of sendMany(sender, phones(1000), {
        concurrency: 3,
        signal: controller.signal,
      })) {
        results.push(result);
        if (results.length === 6) {
          controller.abort(new Error("stopped by the user"));
        }
      }
    })();
    await expect(run).rejects.toThrow("stopped by the user");
    // Every send that started has its result; those cut off are unknown, none is lost.
    expect(results.length).toBe(sender.attempts.size);
    expect(byStatus(results).unknown).toBeGreaterThanOrEqual(1);
    expect(results.length).toBeLessThan(20);
  });

  it("puts one listener on the caller's signal however many sends are in flight", async () => {
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<AbortSignal["addEventListener"]>) => {
      listeners++;
      add(...args);
    };
    const sender = createFakeSender(() => "ok", { latencyMs: 1 });
    await collect(sendMany(sender, phones(100), { concurrency: 16, signal: controller.signal }));
    expect(sender.maxInFlight).toBe(16);
    expect(listeners).toBe(1);
  });

  it("ends with the input's error after the sends in flight finish", async () => {
    function* broken(): Generator<Recipient> {
      yield* phones(5);
      throw new Error("row 6: unterminated quote");
    }
    const results: BulkResult<Recipient, unknown>[] = [];
    const run = (async () => {
      for await (const result of sendMany(createFakeSender(), broken(), { concurrency: 2 })) {
        results.push(result);
      }
    })();
    await expect(run).rejects.toThrow("row 6: unterminated quote");
    expect(results).toHaveLength(5);
  });

  it("refuses bad options before anything starts", () => {
    const sender = createFakeSender();
    expect(() => sendMany(sender, [], { concurrency: 0 })).toThrow(/concurrency/);
    expect(() => sendMany(sender, [], { rate: "lots" as "1/s" })).toThrow(/rate/);
    expect(() => sendMany(sender, 42 as unknown as Recipient[])).toThrow(/iterable/);
  });
});
