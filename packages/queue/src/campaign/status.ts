// A campaign's state as any process can read it from Redis: for a second terminal, a
// dashboard or a health check. Reads only; needs neither the API key nor the coordinator.
import { Queue } from "bullmq";
import { connectRedis, type RedisInput } from "../connection/connect.js";
import { CampaignStateError } from "../errors.js";
import { campaignKeys, checkCampaignId, PREFIX } from "../naming.js";
import type { RatePlan } from "../rate-plan.js";

export interface CampaignStatus {
  campaignId: string;
  /** `new`, `running`, `stopped` (interrupted; resumable) or `done`. */
  state: string;
  templateId: string;
  queueName: string;
  /** The number of recipients, when the coordinator knew it. */
  total: number | undefined;
  /** Recipients by the state of their record. */
  records: { queued: number; attempting: number; sent: number; failed: number; unknown: number };
  /** Rows that repeated an earlier recipient (sent once). */
  duplicate: number;
  /** 429 answers seen so far. */
  rateLimited: number;
  /** The process holding the coordinator's lock, if one does. */
  coordinator: string | undefined;
  /** The rate plan in force for the key's queue. */
  plan: RatePlan | undefined;
  /** Jobs of the key's queue (every campaign of that key) by BullMQ state. */
  jobs: { waiting: number; active: number; failed: number };
  createdAt: Date | undefined;
  finishedAt: Date | undefined;
}

/**
 * Reads a campaign's progress from Redis. Throws `CampaignStateError` when there is no such
 * campaign (never created, expired, or lost with Redis's data).
 *
 * @example
 * ```ts
 * const status = await readCampaignStatus(process.env.KAPSO_QUEUE_URL!, "spring-reminders");
 * console.log(status.records.sent, "of", status.total);
 * ```
 */
export async function readCampaignStatus(redis: RedisInput, campaignId: string): Promise<CampaignStatus> {
  checkCampaignId(campaignId);
  const connected = await connectRedis(redis, { connectionName: "kapsokit-status", failFast: true });
  const client = connected.redis;
  try {
    const keys = campaignKeys(campaignId);
    const meta = await client.hgetall(keys.meta);
    if (!meta.queue) {
      throw new CampaignStateError(`there is no campaign ${campaignId} in Redis`);
    }
    const count = (field: string) => Number(meta[field] ?? 0);
    const queue = new Queue(meta.queue, { connection: client, prefix: PREFIX, skipMetasUpdate: true });
    queue.on("error", () => undefined);
    const jobs = await queue.getJobCounts("waiting", "active", "failed");
    await queue.close();
    const lockHeld = (await client.exists(keys.lock)) === 1;
    return {
      campaignId,
      state: meta.state ?? "new",
      templateId: meta.template ?? "",
      queueName: meta.queue,
      total: meta.total === undefined ? undefined : Number(meta.total),
      records: {
        queued: count("n:q"),
        attempting: count("n:a"),
        sent: count("n:sent"),
        failed: count("n:failed"),
        unknown: count("n:unknown"),
      },
      duplicate: count("n:duplicate"),
      rateLimited: count("rateLimited"),
      coordinator: lockHeld ? meta.holder : undefined,
      plan: meta.plan ? (JSON.parse(meta.plan) as RatePlan) : undefined,
      jobs: { waiting: jobs.waiting ?? 0, active: jobs.active ?? 0, failed: jobs.failed ?? 0 },
      createdAt: meta.created ? new Date(Number(meta.created)) : undefined,
      finishedAt: meta.finished ? new Date(Number(meta.finished)) : undefined,
    };
  } finally {
    if (connected.owned) {
      await client.quit().catch(() => client.disconnect());
    }
  }
}
