// The one rate limit of a queue (an API key), shared by every worker through BullMQ's global
// rate limit. Two sources set it: the campaign's configured rate, and the limit the server
// announces in X-RateLimit-Limit (per minute); the stricter one wins. Both are kept in
// Redis beside the queue, so any worker or coordinator can recompute the same plan.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { PREFIX } from "./naming.js";
import { planRate, type RateLimit, type RatePlan } from "./rate-plan.js";

// With no limit known, a nominal one that never binds: BullMQ only honours a queue-wide
// pause after a 429 (`queue.rateLimit`) when the queue has a rate limit at all.
const UNBOUNDED = { max: 1_000_000_000, duration: 1_000 };

function settingsKey(queueName: string): string {
  return `${PREFIX}:queue:${queueName}`;
}

/** The plan for the configured rate and the server's limit, whichever is stricter. */
export function effectivePlan(
  configured: RateLimit | undefined,
  serverPerMinute: number | undefined,
): RatePlan | undefined {
  const plans: RatePlan[] = [];
  if (configured) {
    plans.push(planRate(configured));
  }
  if (serverPerMinute !== undefined && serverPerMinute >= 2) {
    plans.push(planRate({ limit: serverPerMinute, perMs: 60_000 }));
  }
  return plans.sort((a, b) => a.steadyPerSecond - b.steadyPerSecond)[0];
}

async function apply(redis: Redis, queue: Queue, queueName: string): Promise<RatePlan | undefined> {
  const [configured, server] = await redis.hmget(settingsKey(queueName), "configured", "server");
  const plan = effectivePlan(
    configured ? (JSON.parse(configured) as RateLimit) : undefined,
    server ? Number(server) : undefined,
  );
  const { max, duration } = plan ?? UNBOUNDED;
  await queue.setGlobalRateLimit(max, duration);
  return plan;
}

/** Sets the rate a campaign asked for (or none) and applies the resulting plan to the queue. */
export async function configureRate(
  redis: Redis,
  queue: Queue,
  queueName: string,
  rate: RateLimit | undefined,
): Promise<RatePlan | undefined> {
  const key = settingsKey(queueName);
  if (rate) {
    await redis.hset(key, "configured", JSON.stringify(rate));
  } else {
    await redis.hdel(key, "configured");
  }
  return apply(redis, queue, queueName);
}

/**
 * Follows the server's `X-RateLimit-Limit` for a worker: when it changes, the queue's plan
 * is recomputed for every worker. Costs nothing while the announced limit stays the same.
 */
export class ServerLimitFollower {
  #seen: number | undefined;
  #pending: Promise<unknown> = Promise.resolve();
  readonly #redis: Redis;
  readonly #queue: Queue;
  readonly #queueName: string;

  constructor(redis: Redis, queue: Queue, queueName: string) {
    this.#redis = redis;
    this.#queue = queue;
    this.#queueName = queueName;
  }

  /** Makes sure the queue has a rate limit, so that a 429 pauses every worker. */
  async start(): Promise<void> {
    if (!(await this.#queue.getGlobalRateLimit())) {
      await apply(this.#redis, this.#queue, this.#queueName);
    }
  }

  observe(headers: Headers | undefined): void {
    const limit = Number(headers?.get("x-ratelimit-limit") ?? Number.NaN);
    if (!Number.isFinite(limit) || limit < 2 || limit === this.#seen) {
      return;
    }
    this.#seen = limit;
    this.#pending = this.#pending.then(async () => {
      await this.#redis.hset(settingsKey(this.#queueName), "server", String(limit));
      await apply(this.#redis, this.#queue, this.#queueName);
    });
    // A failure to write is retried at the next answer that carries the header.
    this.#pending = this.#pending.catch(() => {
      this.#seen = undefined;
    });
  }
}
