// Redis dies under a running campaign. With the append-only file fsynced on every write it
// comes back with every record, and the campaign completes. Without persistence it comes
// back empty: the coordinator notices, reports everyone without an outcome as unknown, and
// stops; nothing is sent after that and nobody is sent twice.
import { afterAll, beforeAll, expect, it } from "vitest";
import { RedisConnectionError } from "../../src/index.js";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
import { sleep } from "../support/random.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const COUNT = 300;
let api: ApiServer;
const servers: RedisServer[] = [];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await ApiServer.start({ latencyMs: 5 });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all([api?.stop(), ...servers.map((s) => s.stop())]);
});

async function setUp(key: string) {
  const redis = await RedisServer.start();
  servers.push(redis);
  const started = await Promise.all(
    [1, 2].map(() =>
      WorkerProcess.start({
        redis: redis.url,
        apiKey: key,
        baseUrl: api.url,
        lockDurationMs: 2_000,
        stalledIntervalMs: 500,
      }),
    ),
  );
  workers.push(...started);
  return redis;
}

it.concurrent("Redis SIGKILLed and restarted with its append-only file: the campaign completes, nobody twice", async () => {
  const key = "key-restart-aof";
  const redis = await setUp(key);
  const list = recipients(COUNT, "1401");
  const run = collect({
    redis: redis.url,
    apiKey: key,
    campaignId: campaignId("restart-aof"),
    recipients: list,
    rate: { limit: 100, perMs: 1_000 },
  });
  while ((await api.accepted(key)) < 100) {
    await sleep(10);
  }
  await redis.kill();
  await sleep(300);
  await redis.restart();
  const { results, report, notices } = await run;
  const statuses = statusByPhone(results);
  const stats = await api.stats();
  expect(statuses.size).toBe(COUNT);
  expect(report.lost).toBe(false);
  for (const { to } of list) {
    expect(stats.sends[to] ?? 0, to).toBeLessThanOrEqual(1);
    if (statuses.get(to) === "sent") {
      expect(stats.sends[to], to).toBe(1);
    }
  }
  // At most the sends in flight at the crash are unknown; the rest went out.
  expect(report.sent).toBeGreaterThanOrEqual(COUNT - 16);
  expect(notices.some((n) => n.startsWith("lost the connection to Redis"))).toBe(true);
  expect(notices.some((n) => /is back after/.test(n))).toBe(true);
});

it.concurrent("Redis restarted without persistence: the coordinator halts, everyone without an outcome is unknown, nobody twice", async () => {
  const key = "key-restart-empty";
  const redis = await setUp(key);
  const list = recipients(COUNT, "1402");
  const run = collect({
    redis: redis.url,
    apiKey: key,
    campaignId: campaignId("restart-empty"),
    recipients: list,
    rate: { limit: 100, perMs: 1_000 },
  });
  while ((await api.accepted(key)) < 100) {
    await sleep(10);
  }
  await redis.restart({ persistence: false });
  const { results, report, notices } = await run;
  const statuses = statusByPhone(results);
  expect(report.lost).toBe(true);
  expect(statuses.size).toBe(COUNT);
  const afterHalt = await api.accepted(key);
  await sleep(1_000);
  // Nothing was sent after the coordinator stopped.
  expect(await api.accepted(key)).toBe(afterHalt);
  const stats = await api.stats();
  for (const { to } of list) {
    const sends = stats.sends[to] ?? 0;
    expect(sends, to).toBeLessThanOrEqual(1);
    expect(["sent", "unknown"]).toContain(statuses.get(to));
    if (statuses.get(to) === "sent") {
      expect(sends, to).toBe(1);
    }
  }
  expect([...statuses.values()].filter((s) => s === "unknown").length).toBeGreaterThan(0);
  expect(notices.some((n) => n.includes("never enqueued again"))).toBe(true);
});

it.concurrent("Redis gone for longer than the wait allowed: the worker and the coordinator say so and stop", async () => {
  const key = "key-restart-gone";
  const redis = await RedisServer.start();
  servers.push(redis);
  const worker = await WorkerProcess.start({
    redis: redis.url,
    apiKey: key,
    baseUrl: api.url,
    maxOutageMs: 1_500,
  });
  workers.push(worker);
  const list = recipients(300, "1403");
  const run = collect({
    redis: redis.url,
    apiKey: key,
    campaignId: campaignId("gone"),
    recipients: list,
    rate: { limit: 50, perMs: 1_000 },
    maxOutageMs: 1_500,
  });
  while ((await api.accepted(key)) < 20) {
    await sleep(10);
  }
  await redis.kill();
  const error = await run.then(
    () => expect.fail("the campaign ended without Redis"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RedisConnectionError);
  expect((error as RedisConnectionError).reason).toBe("lost");
  expect((error as Error).message).toMatch(/stayed away for more than 2s/);
  expect(await worker.exited).toEqual({ code: 1, signal: null });
  expect(worker.messages.map((m) => m.type)).toEqual(expect.arrayContaining(["redis-down", "stopped"]));
});
