// @kapsokit/queue (BullMQ and ioredis) is loaded only by the commands that use Redis, so the
// rest of the command line starts as fast as before and needs no Redis client at all.
import { UsageError } from "../errors.js";

export type QueueModule = typeof import("@kapsokit/queue");

export function loadQueue(): Promise<QueueModule> {
  return import("@kapsokit/queue");
}

/**
 * The Redis URL of `--queue` (or `KAPSO_QUEUE_URL`), checked, with the queue module; a bad or
 * missing URL is a usage error whose message never shows a password.
 */
export async function openQueueModule(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Promise<{ queue: QueueModule; redis: string }> {
  const queue = await loadQueue();
  try {
    const redis = queue.resolveRedisUrl(flag, env);
    queue.parseRedisUrl(redis);
    return { queue, redis };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
