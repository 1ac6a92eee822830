// A worker stops the way operators stop it: SIGTERM takes no new job and waits for the sends
// in flight, whose outcomes are recorded; then it exits 0.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const KEY = "key-worker-close";
let redis: RedisServer;
let api: ApiServer;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  [redis, api] = await Promise.all([RedisServer.start(), ApiServer.start()]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all([api?.stop(), redis?.stop()]);
});

it("SIGTERM: the send in flight finishes and is recorded, nothing new starts, exit 0", async () => {
  const list = recipients(4, "1901");
  const first = await WorkerProcess.start({
    redis: redis.url,
    apiKey: KEY,
    baseUrl: api.url,
    concurrency: 1,
  });
  workers.push(first);
  const held = api.hold(list[0]!.to);
  const run = collect({ redis: redis.url, apiKey: KEY, campaignId: campaignId("close"), recipients: list });
  await held;
  first.child.kill("SIGTERM");
  // Still waiting for its send: it has not exited.
  const early = await Promise.race([
    first.exited,
    new Promise((resolve) => setTimeout(() => resolve("running"), 300)),
  ]);
  expect(early).toBe("running");
  api.release(list[0]!.to);
  expect(await first.exited).toEqual({ code: 0, signal: null });
  // It took nothing new: only the held recipient went out through it.
  expect(first.messages.filter((m) => m.type === "job").map((m) => m.result)).toEqual(["sent"]);
  workers.push(await WorkerProcess.start({ redis: redis.url, apiKey: KEY, baseUrl: api.url }));
  const statuses = statusByPhone((await run).results);
  for (const { to } of list) {
    expect(statuses.get(to)).toBe("sent");
  }
  const stats = await api.stats();
  for (const { to } of list) {
    expect(stats.sends[to]).toBe(1);
  }
});
