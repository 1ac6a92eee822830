// 10,000 recipients through the real client against the mock's per-minute rate limiter, on a
// clock shared by the mock and the pacer: nothing waits for real, and nothing reads the wall.
import { classifyFailure } from "@kapsokit/core";
import { createKapsoMock, defineTemplate } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import type { SendManyRecipient } from "../../src/bulk/templates-send-many.js";
import { Kapso } from "../../src/index.js";
import { type BulkOptions, type BulkResult, sendMany } from "../../src/internal/index.js";
import { createVirtualClock } from "./virtual-clock.js";

const TEMPLATE = defineTemplate({
  id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
  name: "bulk_notice",
  content: "Hi {{1}}, your code is {{2}}.",
});
const COUNT = 10_000;
const PER_MINUTE = 1000;

function* recipients(count: number): Generator<SendManyRecipient> {
  for (let i = 0; i < count; i++) {
    yield { to: `+1415${String(i).padStart(7, "0")}`, parameters: [`person ${i}`, String(i)] };
  }
}

async function run(options: BulkOptions) {
  const clock = createVirtualClock();
  const mock = createKapsoMock({
    templates: [TEMPLATE],
    rateLimit: { perMinute: PER_MINUTE },
    now: clock.now,
  });
  const kapso = new Kapso({ apiKey: "test", baseUrl: mock.baseUrl, fetch: mock.fetch, logLevel: "off" });
  const start = clock.now();
  const statuses: Record<string, number> = {};
  const results = sendMany(
    {
      send: (r: SendManyRecipient, o) => kapso.templates.send(TEMPLATE.id, r, o).withResponse(),
      classify: classifyFailure,
    },
    recipients(COUNT),
    options,
    { clock },
  );
  for await (const result of results as AsyncIterable<BulkResult<SendManyRecipient, unknown>>) {
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  const perPhone = new Map<string, number>();
  for (const message of mock.sent) {
    perPhone.set(message.to, (perPhone.get(message.to) ?? 0) + 1);
  }
  const refused = mock.calls.filter((call) => call.response?.status === 429).length;
  const windows = Math.ceil((clock.now() - start) / 60_000);
  return { statuses, perPhone, refused, windows };
}

describe("a 10,000-recipient bulk send against the mock's rate limiter", () => {
  it("sends every recipient exactly once, paced by X-RateLimit-Limit, with no 429", async () => {
    const { statuses, perPhone, refused, windows } = await run({ concurrency: 8 });
    expect(statuses).toEqual({ sent: COUNT });
    expect(perPhone.size).toBe(COUNT);
    expect(Math.max(...perPhone.values())).toBe(1);
    expect(refused).toBe(0);
    // 1000 a minute: ten windows of work, and not much idle time on top.
    expect(windows).toBeGreaterThanOrEqual(COUNT / PER_MINUTE);
    expect(windows).toBeLessThanOrEqual(COUNT / PER_MINUTE + 2);
  }, 60_000);

  it("meets at most one 429 per window when it misjudges the window", async () => {
    // Told the window is a second, the pacer runs 60 times too fast and learns from
    // X-RateLimit-Remaining and the 429s instead.
    const { statuses, perPhone, refused, windows } = await run({ concurrency: 8, rateLimitWindowMs: 1000 });
    expect(statuses).toEqual({ sent: COUNT });
    expect(perPhone.size).toBe(COUNT);
    expect(Math.max(...perPhone.values())).toBe(1);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(windows);
  }, 60_000);
});
