// The coordinator: killed and resumed, two of them on one campaign, a campaign id reused.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CampaignLockedError, CampaignStateError, runCampaign } from "../../src/index.js";
import { ApiServer, TEMPLATE_ID } from "../support/api-server.js";
import { campaignId, collect, phoneOf, recipients } from "../support/campaign.js";
import { sleep } from "../support/random.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

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

async function startWorkers(key: string, count: number) {
  const started = await Promise.all(
    Array.from({ length: count }, () =>
      WorkerProcess.start({ redis: redis.url, apiKey: key, baseUrl: api.url }),
    ),
  );
  workers.push(...started);
}

type Message = { type: string; to?: string; status?: string; report?: { sent: number }; name?: string };

function coordinator(options: Record<string, unknown>) {
  const script = fileURLToPath(new URL("../support/coordinator-process.mjs", import.meta.url));
  const child: ChildProcess = fork(
    script,
    [JSON.stringify({ redis: redis.url, templateId: TEMPLATE_ID, ...options })],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const messages: Message[] = [];
  child.on("message", (message: Message) => messages.push(message));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, messages, exited };
}

it.concurrent("a coordinator SIGKILLed mid-campaign and resumed: every recipient sent exactly once", async () => {
  const key = "key-coordinator-resume";
  await startWorkers(key, 2);
  const id = campaignId("resume");
  const count = 400;
  const prefix = "1501";
  const options = { apiKey: key, campaignId: id, count, prefix, rate: { limit: 100, perMs: 1_000 } };
  const first = coordinator(options);
  while ((await api.accepted(key)) < 150) {
    await sleep(10);
  }
  first.child.kill("SIGKILL");
  await first.exited;
  // The killed coordinator's lock lapses on its own (1.5 s here); until then a resume is refused.
  let second = coordinator({ ...options, resume: true });
  await second.exited;
  const refused = second.messages.find((m) => m.type === "error");
  if (refused) {
    expect(refused.name).toBe("CampaignLockedError");
    await sleep(1_600);
    second = coordinator({ ...options, resume: true });
    await second.exited;
  }
  expect(second.messages.find((m) => m.type === "error")).toBeUndefined();
  const results = second.messages.filter((m) => m.type === "result");
  expect(results).toHaveLength(count);
  const stats = await api.stats();
  const statuses = new Map(results.map((m) => [m.to!, m.status!]));
  expect(statuses.size).toBe(count);
  for (let i = 0; i < count; i++) {
    const phone = phoneOf(i, prefix);
    // Killing the coordinator stops no send: every recipient went out, once.
    expect(stats.sends[phone], phone).toBe(1);
    expect(["sent", "skipped"], phone).toContain(statuses.get(phone));
  }
  // The first run's sends are reported as sent by an earlier run, not sent again.
  expect([...statuses.values()].filter((s) => s === "skipped").length).toBeGreaterThanOrEqual(150);
});

it.concurrent("two coordinators on one campaign: the second is refused", async () => {
  const key = "key-coordinator-two";
  await startWorkers(key, 1);
  const id = campaignId("two");
  const list = recipients(100, "1502");
  const first = runCampaign({
    redis: redis.url,
    apiKey: key,
    campaignId: id,
    templateId: TEMPLATE_ID,
    recipients: list,
    rate: { limit: 40, perMs: 1_000 },
  });
  const iterator = first[Symbol.asyncIterator]();
  await iterator.next();
  const resumed = collect({ redis: redis.url, apiKey: key, campaignId: id, recipients: list, resume: true });
  await expect(resumed).rejects.toBeInstanceOf(CampaignLockedError);
  await expect(resumed).rejects.toThrow(/is being run by .* pid \d+/);
  const again = collect({ redis: redis.url, apiKey: key, campaignId: id, recipients: list });
  await expect(again).rejects.toBeInstanceOf(CampaignStateError);
  let rest = 1;
  while (!(await iterator.next()).done) {
    rest++;
  }
  expect(rest).toBe(100);
  expect((await first.report).sent).toBe(100);
});

it.concurrent("a coordinator paused past its lock's expiry finds the campaign taken over and stops; nobody twice", async () => {
  const key = "key-coordinator-fenced";
  await startWorkers(key, 1);
  const count = 150;
  const prefix = "1503";
  const options = {
    apiKey: key,
    campaignId: campaignId("fenced"),
    count,
    prefix,
    rate: { limit: 60, perMs: 1_000 },
    window: 20,
    lockTtlMs: 1_500,
  };
  const first = coordinator(options);
  while ((await api.accepted(key)) < 20) {
    await sleep(10);
  }
  // Paused (as by a long garbage collection or a stopped VM) for longer than its lock lasts.
  first.child.kill("SIGSTOP");
  await sleep(1_700);
  const second = coordinator({ ...options, resume: true });
  while (!second.messages.some((m) => m.type === "result" || m.type === "error")) {
    await sleep(10);
  }
  first.child.kill("SIGCONT");
  await Promise.all([first.exited, second.exited]);
  expect(first.messages.find((m) => m.type === "error")?.name).toBe("CampaignLockedError");
  expect(second.messages.find((m) => m.type === "error")).toBeUndefined();
  const results = second.messages.filter((m) => m.type === "result");
  expect(results).toHaveLength(count);
  const stats = await api.stats();
  for (let i = 0; i < count; i++) {
    expect(stats.sends[phoneOf(i, prefix)], phoneOf(i, prefix)).toBe(1);
  }
});
