// Real Redis deployments: passwords in the URL (never printed), a wrong one refused at once,
// and the settings a campaign depends on checked before anything is enqueued.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RedisConnectionError,
  RedisSettingsError,
  readCampaignStatus,
  startWorker,
} from "../../src/index.js";
import { ApiServer } from "../support/api-server.js";
import { campaignId, collect, recipients } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const PASSWORD = "s3cret-Pa55word-9f2c";
let api: ApiServer;
const servers: RedisServer[] = [];
const workers: WorkerProcess[] = [];

async function redisWith(options: Parameters<typeof RedisServer.start>[0]) {
  const server = await RedisServer.start(options);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  api = await ApiServer.start();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all([api?.stop(), ...servers.map((s) => s.stop())]);
});

const campaign = (url: string, extra: Record<string, unknown> = {}) =>
  collect({
    redis: url,
    apiKey: "key-connection",
    campaignId: campaignId("conn"),
    recipients: recipients(3, "1701"),
    ...extra,
  });

describe("credentials", () => {
  let secured: RedisServer;
  beforeAll(async () => {
    secured = await redisWith({ password: PASSWORD });
  });

  it("a password in the URL works, for the workers and the coordinator", async () => {
    const worker = await WorkerProcess.start({
      redis: secured.url,
      apiKey: "key-connection",
      baseUrl: api.url,
    });
    workers.push(worker);
    const run = await campaign(secured.url);
    expect(run.report.sent).toBe(3);
    expect(secured.url).toContain(PASSWORD);
  });

  it("a wrong password is a clear error that never shows the password", async () => {
    const wrong = secured.url.replace(PASSWORD, "not-the-password-7e1a");
    const attempts = [
      () => campaign(wrong),
      () => startWorker({ redis: wrong, apiKey: "key-connection" }),
      () => readCampaignStatus(wrong, "anything"),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => expect.fail("connected with a wrong password"),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RedisConnectionError);
      expect((error as RedisConnectionError).reason).toBe("auth");
      expect((error as Error).message).toMatch(/refused the credentials/);
      expect((error as Error).message).toContain(":***@127.0.0.1");
      expect(String((error as Error).stack)).not.toContain("not-the-password");
    }
  });

  it("no password where one is needed is refused the same way", async () => {
    const error = await campaign(`redis://127.0.0.1:${secured.port}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisConnectionError);
    expect((error as RedisConnectionError).reason).toBe("auth");
  });

  it("a Redis that is not there is an error, not a hang", async () => {
    const gone = await redisWith({});
    const url = gone.url;
    await gone.kill();
    const error = await campaign(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisConnectionError);
    expect((error as RedisConnectionError).reason).toBe("unreachable");
  });
});

describe("settings", () => {
  it("a coordinator refuses a Redis without an append-only file", async () => {
    const plain = await redisWith({ appendfsync: false });
    await expect(campaign(plain.url)).rejects.toThrow(RedisSettingsError);
    await expect(campaign(plain.url)).rejects.toThrow(/appendonly yes and appendfsync always/);
  });

  it("appendfsync everysec is refused unless the campaign accepts it, and then it runs", async () => {
    const everysec = await redisWith({ appendfsync: "everysec" });
    await expect(campaign(everysec.url)).rejects.toThrow(/appendfsync everysec.*durability "everysec"/);
    workers.push(
      await WorkerProcess.start({ redis: everysec.url, apiKey: "key-connection", baseUrl: api.url }),
    );
    const run = await campaign(everysec.url, { durability: "everysec" });
    expect(run.report.sent).toBe(3);
  });

  it("an eviction policy other than noeviction is refused by workers and coordinators", async () => {
    const evicting = await redisWith({ maxmemoryPolicy: "allkeys-lru" });
    await expect(campaign(evicting.url)).rejects.toThrow(/maxmemory-policy allkeys-lru/);
    await expect(startWorker({ redis: evicting.url, apiKey: "key-connection" })).rejects.toThrow(
      RedisSettingsError,
    );
  });
});
