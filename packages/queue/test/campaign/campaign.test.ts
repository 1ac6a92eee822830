// A campaign end to end: a real redis-server, the recording API server and worker processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
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
    for (const r of list) expect(stats.sends[r.to]).toBe(1);
    expect(run.report).toMatchObject({ sent: 60, failed: 0, unknown: 0, lost: false, interrupted: false });
  });
});
