// What each recipient ends as, and what a resumed campaign does with it: a refusal fails
// (safe to send again; a resume does), a 5xx is unknown (never sent again unless asked),
// an identical row is a duplicate, and a stopped campaign resumes without sending twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CampaignRecipient, readCampaignStatus } from "../../src/index.js";
import { ApiServer, TEMPLATE_ID } from "../support/api-server.js";
import { campaignId, collect, recipients, statusByPhone } from "../support/campaign.js";
import { RedisServer } from "../support/redis.js";
import { WorkerProcess } from "../support/workers.js";

const KEY = "key-outcomes";
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

const run = (id: string, list: CampaignRecipient[], extra: Record<string, unknown> = {}) =>
  collect({ redis: redis.url, apiKey: KEY, campaignId: id, recipients: list, ...extra });

describe("outcomes", () => {
  it("a refused send fails and a 5xx is unknown; a resume sends the failed one and leaves the unknown one", async () => {
    const list = recipients(5, "1801");
    const [refused, broken] = [list[1]!.to, list[3]!.to];
    api.answer(refused, 422);
    api.answer(broken, 500);
    const id = campaignId("outcomes");
    const first = await run(id, list);
    const firstStatuses = statusByPhone(first.results);
    expect(firstStatuses.get(refused)).toBe("failed");
    expect(firstStatuses.get(broken)).toBe("unknown");
    expect(first.results.find((r) => r.recipient.to === refused)).toMatchObject({
      detail: expect.stringMatching(/422/),
    });
    expect(first.report).toMatchObject({ sent: 3, failed: 1, unknown: 1 });

    const resumed = await run(id, list, { resume: true });
    const statuses = statusByPhone(resumed.results);
    expect(statuses.get(refused)).toBe("sent");
    expect(statuses.get(broken)).toBe("unknown");
    for (const phone of [list[0]!.to, list[2]!.to, list[4]!.to]) {
      expect(statuses.get(phone)).toBe("skipped");
    }
    const stats = await api.stats();
    for (const { to } of list) {
      expect(stats.sends[to], to).toBe(1);
    }

    const status = await readCampaignStatus(redis.url, id);
    expect(status).toMatchObject({
      state: "done",
      templateId: TEMPLATE_ID,
      records: { queued: 0, attempting: 0, sent: 4, failed: 0, unknown: 1 },
      coordinator: undefined,
    });

    // Asked explicitly, a resume sends the unknown one again.
    const retried = await run(id, list, { resume: true, retryUnknown: true });
    expect(statusByPhone(retried.results).get(broken)).toBe("sent");
    expect((await api.stats()).sends[broken]).toBe(2);
  });

  it("identical rows are one recipient: sent once, the others reported duplicate", async () => {
    const [a, b] = recipients(2, "1802");
    const list = [a!, b!, { ...a!, to: a!.to.replace(/^\+1(\d{3})/, "+1 ($1) ") }, a!];
    const { results, report } = await run(campaignId("duplicates"), list);
    expect(results).toHaveLength(4);
    const byIndex = new Map(results.map((r) => [r.index, r]));
    expect(byIndex.get(0)?.status).toBe("sent");
    expect(byIndex.get(1)?.status).toBe("sent");
    expect(byIndex.get(2)).toMatchObject({ status: "duplicate", duplicateOf: 0 });
    expect(byIndex.get(3)).toMatchObject({ status: "duplicate", duplicateOf: 0 });
    expect(report.duplicate).toBe(2);
    expect((await api.stats()).sends[a!.to]).toBe(1);
  });

  it("a campaign stopped part way resumes with the rest, nobody twice", async () => {
    const list = recipients(200, "1803");
    const stop = new AbortController();
    const id = campaignId("stopped");
    const progress: number[] = [];
    const first = await run(id, list, {
      rate: { limit: 100, perMs: 1_000 },
      // A small window, so most of the input is still unread when the run is stopped.
      window: 20,
      stop: stop.signal,
      onProgress: (p: { completed: number }) => {
        progress.push(p.completed);
        if (p.completed >= 50) {
          stop.abort();
        }
      },
    });
    expect(first.report.interrupted).toBe(true);
    expect(first.results.length).toBeLessThan(200);
    expect((await readCampaignStatus(redis.url, id)).state).toBe("stopped");
    const second = await run(id, list, { resume: true });
    const statuses = statusByPhone(second.results);
    expect(statuses.size).toBe(200);
    const stats = await api.stats();
    for (const { to } of list) {
      expect(stats.sends[to], to).toBe(1);
      expect(["sent", "skipped"]).toContain(statuses.get(to));
    }
    expect(second.report.skipped).toBe(first.results.length);
  });
});
