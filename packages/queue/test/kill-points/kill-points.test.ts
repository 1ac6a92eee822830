// A worker SIGKILLed at each point of a send, deterministically: the server or the worker's
// fetch holds the send exactly there, the test kills the worker, and a second worker finishes
// the campaign. No recipient is ever sent twice; the one at the kill point ends as the point
// implies: sent again when no attempt was recorded, unknown once one was.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess, type WorkerProcessOptions } from "../support/workers.js";

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

async function worker(key: string, extra: Partial<WorkerProcessOptions> = {}): Promise<WorkerProcess> {
  const started = await WorkerProcess.start({
    redis: redis.url,
    apiKey: key,
    baseUrl: api.url,
    lockDurationMs: 2_000,
    stalledIntervalMs: 500,
    ...extra,
  });
  workers.push(started);
  return started;
}

/**
 * Runs a campaign of 6 recipients (phones with `prefix`) through a first worker that takes
 * one job at a time: `killAt` resolves once it sits at the kill point with the first
 * recipient, it is killed, and a second worker finishes the campaign.
 */
async function killAndFinish(
  prefix: string,
  firstWorker: (key: string, phone: string) => Promise<WorkerProcess>,
  killAt: (phone: string, first: WorkerProcess) => Promise<unknown>,
) {
  const key = `key-kill-${prefix}`;
  const list = recipients(6, prefix);
  const phone = list[0]!.to;
  const first = await firstWorker(key, phone);
  const run = collect({
    redis: redis.url,
    apiKey: key,
    campaignId: campaignId(`kill-${prefix}`),
    recipients: list,
  });
  await killAt(phone, first);
  await first.kill();
  api.release(phone);
  api.release();
  await worker(key);
  const { results, report } = await run;
  const stats = await api.stats();
  const statuses = statusByPhone(results);
  expect(statuses.size).toBe(6);
  for (const r of list) {
    expect(stats.sends[r.to] ?? 0, r.to).toBeLessThanOrEqual(1);
  }
  for (const r of list.slice(1)) {
    expect(statuses.get(r.to), r.to).toBe("sent");
    expect(stats.sends[r.to], r.to).toBe(1);
  }
  return { status: statuses.get(phone), sends: stats.sends[phone] ?? 0, report };
}

it.concurrent("killed before recording its attempt: nothing was sent, so another worker sends it once", async () => {
  const outcome = await killAndFinish(
    "1201",
    async (key) => {
      const held = api.holdTemplates();
      const first = await worker(key, { concurrency: 1 });
      (first as WorkerProcess & { held?: Promise<unknown> }).held = held;
      return first;
    },
    (_phone, first) => (first as WorkerProcess & { held?: Promise<unknown> }).held!,
  );
  expect(outcome).toMatchObject({ status: "sent", sends: 1 });
});

it.concurrent("killed after recording its attempt, before the request left: unknown, never sent", async () => {
  const outcome = await killAndFinish(
    "1202",
    (key, phone) => worker(key, { concurrency: 1, pauseBeforeSend: phone }),
    (phone, first) => first.next((m) => m.type === "paused-before-send" && m.phone === phone),
  );
  expect(outcome).toMatchObject({ status: "unknown", sends: 0 });
});

it.concurrent("killed while the server holds the answer: unknown, sent once", async () => {
  const outcome = await killAndFinish(
    "1203",
    (key) => worker(key, { concurrency: 1 }),
    (phone) => api.hold(phone),
  );
  expect(outcome).toMatchObject({ status: "unknown", sends: 1 });
});

it.concurrent("killed after the answer, before the outcome was recorded: unknown, sent once", async () => {
  const outcome = await killAndFinish(
    "1204",
    (key, phone) => worker(key, { concurrency: 1, pauseAfterAnswer: phone }),
    (phone, first) => first.next((m) => m.type === "paused-after-answer" && m.phone === phone),
  );
  expect(outcome).toMatchObject({ status: "unknown", sends: 1 });
});
