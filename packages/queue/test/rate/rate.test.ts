// One rate limit per API key, shared by every worker of the key: two keys paced each to its
// own limit; a 429 that pauses every worker and puts the job back without using its one
// attempt; and the limit the server announces taken up when the campaign gives none.
import { Queue } from "bullmq";
import { afterAll, beforeAll, expect, it } from "vitest";
import { planRate, queueNameFor } from "../../src/index.js";
import { PREFIX } from "../../src/naming.js";
import { ApiServer, maxInSpan } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const SLOW = { key: "key-rate-slow", limit: 20 };
const FAST = { key: "key-rate-fast", limit: 60 };
const BURSTY = { key: "key-rate-429", limit: 5 };
const ANNOUNCED = { key: "key-rate-announced", limit: 600 };

let redis: RedisServer;
let api: ApiServer;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  [redis, api] = await Promise.all([
    RedisServer.start(),
    ApiServer.start({
      limits: {
        [SLOW.key]: { limit: SLOW.limit, windowMs: 1_000 },
        [FAST.key]: { limit: FAST.limit, windowMs: 1_000 },
        [BURSTY.key]: { limit: BURSTY.limit, windowMs: 1_000 },
        [ANNOUNCED.key]: { limit: ANNOUNCED.limit, windowMs: 60_000, announce: true },
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all([api?.stop(), redis?.stop()]);
});

async function startWorkers(key: string, count: number) {
  const started = await Promise.all(
    Array.from({ length: count }, () =>
      WorkerProcess.start({ redis: redis.url, apiKey: key, baseUrl: api.url, concurrency: 8 }),
    ),
  );
  workers.push(...started);
}

it.concurrent("two keys are paced independently, each to its own limit", async () => {
  await Promise.all([startWorkers(SLOW.key, 2), startWorkers(FAST.key, 2)]);
  const run = (key: string, limit: number, prefix: string) =>
    collect({
      redis: redis.url,
      apiKey: key,
      campaignId: campaignId(key),
      recipients: recipients(120, prefix),
      // A generous allowance for the delay from a job's start to its request on a busy machine.
      rate: { limit, perMs: 1_000, jitterMs: 400 },
      maxInFlight: 16,
    });
  const [slow, fast] = await Promise.all([
    run(SLOW.key, SLOW.limit, "1601"),
    run(FAST.key, FAST.limit, "1602"),
  ]);
  expect(slow.report.sent).toBe(120);
  expect(fast.report.sent).toBe(120);
  const stats = await api.stats();
  expect(stats.rejected[SLOW.key] ?? 0).toBe(0);
  expect(stats.rejected[FAST.key] ?? 0).toBe(0);
  const slowPeak = maxInSpan(stats.accepted[SLOW.key]!, 1_000);
  const fastPeak = maxInSpan(stats.accepted[FAST.key]!, 1_000);
  expect(slowPeak).toBeLessThanOrEqual(SLOW.limit);
  expect(fastPeak).toBeLessThanOrEqual(FAST.limit);
  // The fast key was not held to the slow key's limit.
  expect(fastPeak).toBeGreaterThan(SLOW.limit);
});

it.concurrent("a 429 pauses every worker of the key and puts the job back without using its attempt", async () => {
  await startWorkers(BURSTY.key, 2);
  const list = recipients(15, "1603");
  // No rate given and none announced: the workers overrun the server, and its 429s must not
  // cost any recipient its one attempt.
  const run = await collect({
    redis: redis.url,
    apiKey: BURSTY.key,
    campaignId: campaignId("429"),
    recipients: list,
  });
  const stats = await api.stats();
  expect(stats.rejected[BURSTY.key]).toBeGreaterThan(0);
  const statuses = statusByPhone(run.results);
  for (const { to } of list) {
    expect(statuses.get(to), to).toBe("sent");
    expect(stats.sends[to], to).toBe(1);
  }
  expect(Math.max(...run.progress.map((p) => p.rateLimited))).toBeGreaterThan(0);
});

it.concurrent("without a rate, the workers take up the limit the server announces", async () => {
  await startWorkers(ANNOUNCED.key, 1);
  const run = await collect({
    redis: redis.url,
    apiKey: ANNOUNCED.key,
    campaignId: campaignId("announced"),
    recipients: recipients(10, "1604"),
  });
  expect(run.report.sent).toBe(10);
  const queue = new Queue(queueNameFor(ANNOUNCED.key), { connection: redis.client(), prefix: PREFIX });
  const { max, duration } = planRate({ limit: ANNOUNCED.limit, perMs: 60_000 });
  expect(await queue.getGlobalRateLimit()).toEqual({ max, duration });
  await queue.close();
});
