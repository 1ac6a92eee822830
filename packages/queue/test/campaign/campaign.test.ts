// A campaign end to end: a real redis-server, the recording API server and worker processes.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CampaignRecipient, queueNameFor } from "../../src/index.js";
import { PREFIX } from "../../src/naming.js";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, phoneOf, recipients, statusByPhone } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const KEY = "key-campaign-test";
let redis: RedisServer;
let api: ApiServer;
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  [redis, api] = await Promise.all([RedisServer.start(), ApiServer.start()]);
  workers = await Promise.all(
    [1, 2].map(() => WorkerProcess.start({ redis: redis.url, apiKey: KEY, baseUrl: api.url })),
  );
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all([api?.stop(), redis?.stop()]);
});

describe("a campaign", () => {
  it("sends every recipient once through two workers and reports each", async () => {
    const list = recipients(60);
    const run = await collect({
      redis: redis.url,
      apiKey: KEY,
      campaignId: campaignId("basic"),
      recipients: list,
      total: 60,
    });
    const statuses = statusByPhone(run.results);
    expect(statuses.size).toBe(60);
    expect([...statuses.values()].every((s) => s === "sent")).toBe(true);
    const stats = await api.stats();
    for (const r of list) {
      expect(stats.sends[r.to]).toBe(1);
    }
    expect(run.report).toMatchObject({ sent: 60, failed: 0, unknown: 0, lost: false, interrupted: false });
  });

  it("reads its input lazily and keeps at most a window of jobs in Redis", async () => {
    const count = 600;
    const window = 50;
    let read = 0;
    let reported = 0;
    let mostAhead = 0;
    let mostJobs = 0;
    async function* input(): AsyncGenerator<CampaignRecipient> {
      for (let i = 0; i < count; i++) {
        read++;
        mostAhead = Math.max(mostAhead, read - reported);
        yield { to: phoneOf(i, "1102"), parameters: [`person ${i}`, `code ${i}`] };
      }
    }
    const queue = new Queue(queueNameFor(KEY), { connection: redis.client(), prefix: PREFIX });
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const jobs = await queue.getJobCounts("waiting", "active", "prioritized");
        mostJobs = Math.max(mostJobs, (jobs.waiting ?? 0) + (jobs.active ?? 0) + (jobs.prioritized ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const run = await collect({
      redis: redis.url,
      apiKey: KEY,
      campaignId: campaignId("window"),
      recipients: input(),
      window,
      onProgress: (p) => {
        reported = p.completed;
      },
    });
    watching = false;
    await watcher;
    await queue.close();
    expect(run.report.sent).toBe(count);
    expect(mostJobs).toBeGreaterThan(0);
    // At most the window, plus the jobs whose outcome is in and that BullMQ has yet to
    // complete (no more than the sends in flight, 16 by default).
    expect(mostJobs).toBeLessThanOrEqual(window + 16);
    // Read ahead of what is reported: the window plus one claim batch at most.
    expect(mostAhead).toBeLessThanOrEqual(window + 100);
  });
});
