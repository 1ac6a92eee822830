// Starting a coordinator run: the campaign created (only if its id is new) or found again,
// its lock taken, and the key's queue given the campaign's rate and bound on sends in flight.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { CampaignStateError } from "../errors.js";
import type { SendJobData } from "../job.js";
import { PREFIX } from "../naming.js";
import type { RateLimit, RatePlan } from "../rate-plan.js";
import { configureRate } from "../rate-policy.js";
import type { CampaignRecords } from "../records/records.js";
import { CREATE } from "../records/scripts.js";
import { acquireCampaignLock, type HeldLock } from "./lock.js";

export interface OpenOptions {
  campaignId: string;
  queueName: string;
  templateId: string;
  resume: boolean;
  retryUnknown: boolean;
  total: number | undefined;
  rate: RateLimit | undefined;
  maxInFlight: number;
  lockTtlMs: number;
  /** Called once if the lock is taken by another coordinator, or the campaign vanishes. */
  onLockLost(why: "taken" | "lost"): void;
}

export interface OpenCampaign {
  lock: HeldLock;
  queue: Queue<SendJobData>;
  plan: RatePlan | undefined;
}

/**
 * Opens the campaign for this run, or answers "lost" when a campaign to resume is not in
 * Redis (it is then never created again).
 */
export async function openCampaign(
  redis: Redis,
  records: CampaignRecords,
  o: OpenOptions,
): Promise<OpenCampaign | "lost"> {
  const { keys } = records;
  if (!o.resume) {
    const fields = [
      "queue",
      o.queueName,
      "template",
      o.templateId,
      "created",
      Date.now(),
      "state",
      "new",
      "fence",
      0,
    ];
    if ((await CREATE.run(redis, [keys.meta], fields)) === "exists") {
      throw new CampaignStateError(
        `campaign ${o.campaignId} exists already: resume it (--resume), or give the new one another id`,
      );
    }
  } else {
    const [queueOf, templateOf] = await redis.hmget(keys.meta, "queue", "template");
    if (queueOf === null) {
      return "lost";
    }
    if (queueOf !== o.queueName) {
      throw new CampaignStateError(`campaign ${o.campaignId} was started with another API key`);
    }
    if (templateOf !== o.templateId) {
      throw new CampaignStateError(
        `campaign ${o.campaignId} sends template ${templateOf}, not ${o.templateId}`,
      );
    }
  }
  const lock = await acquireCampaignLock(redis, o.campaignId, keys, o.lockTtlMs, o.onLockLost);
  const settings = ["state", "running", "retryUnknown", o.retryUnknown ? "1" : "0"];
  if (o.total !== undefined) {
    settings.push("total", String(o.total));
  }
  await redis.hset(keys.meta, ...settings);
  // A finished campaign's records were set to expire; a resumed one keeps them.
  await Promise.all([redis.persist(keys.meta), redis.persist(keys.records)]);
  // Outcomes of earlier runs are read from the records when their recipients are claimed.
  const earlier = Array.from({ length: lock.fence - 1 }, (_, n) => records.doneList(n + 1));
  for (let start = 0; start < earlier.length; start += 500) {
    await redis.unlink(...earlier.slice(start, start + 500));
  }
  const queue = new Queue<SendJobData>(o.queueName, { connection: redis, prefix: PREFIX });
  queue.on("error", () => undefined);
  const plan = await configureRate(redis, queue, o.queueName, o.rate);
  if (plan) {
    await redis.hset(keys.meta, "plan", JSON.stringify(plan));
  }
  await queue.setGlobalConcurrency(o.maxInFlight);
  return { lock, queue, plan };
}
