// A worker: takes the send jobs of its API key's queue and sends each through
// @kapsokit/client, recording the attempt in Redis before the request leaves and the outcome
// after, so that no recipient is ever sent twice whatever BullMQ redelivers.
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { Kapso, type KapsoOptions } from "@kapsokit/client";
import { type Job, Queue, Worker } from "bullmq";
import { checkRedisSettings } from "../connection/check-settings.js";
import { connectRedis, type RedisInput, watchOutages } from "../connection/connect.js";
import { QueueError, type RedisConnectionError } from "../errors.js";
import type { SendJobData } from "../job.js";
import { PREFIX, queueNameFor } from "../naming.js";
import { ServerLimitFollower } from "../rate-policy.js";
import { CampaignRecords } from "../records/records.js";
import { CLOSE_WAIT_MS, settleWithin } from "../settle-within.js";
import { createSendJob, type SendJobEvent } from "./send-job.js";

export interface WorkerOptions {
  /** Redis: a `redis://` / `rediss://` URL or an ioredis client. */
  redis: RedisInput;
  /** The API key; `KAPSO_API_KEY` by default. It never leaves this process except to the API. */
  apiKey?: string | undefined;
  /** Options of the client that sends (base URL, fetch, timeout, logger…). */
  client?: Omit<KapsoOptions, "apiKey" | "validateAgainstTemplate"> | undefined;
  /** Jobs this worker runs at once. Default 8. (The campaign bounds all workers together.) */
  concurrency?: number | undefined;
  /**
   * How long a job stays locked to this worker without a renewal (renewed every half of it).
   * After a crash, a job in flight is reported unknown about this long later. Default 30 000.
   */
  lockDurationMs?: number | undefined;
  /** How often this worker looks for the jobs of workers that died. Default 15 000. */
  stalledIntervalMs?: number | undefined;
  /** How long Redis may be away before the worker gives up. Default 300 000. */
  maxOutageMs?: number | undefined;
  /** This worker's name in attempt records. Default `<host>:<pid>`. */
  name?: string | undefined;
  /** Called for each job's result and for what people should know (outages, pauses, errors). */
  onEvent?: ((event: WorkerEvent) => void) | undefined;
}

export type WorkerEvent =
  | SendJobEvent
  | { type: "redis-down"; message: string }
  | { type: "redis-up"; message: string }
  | { type: "error"; message: string };

export interface CampaignWorker {
  /** The BullMQ queue this worker serves (named by a hash of its API key). */
  readonly queueName: string;
  /**
   * Stops taking jobs and waits for those in flight. With `force`, aborts the sends in
   * flight instead (their recipients are recorded unknown).
   */
  close(options?: { force?: boolean }): Promise<void>;
  /** Settles when the worker has stopped: undefined after `close()`, the error when Redis was lost for good. */
  readonly stopped: Promise<RedisConnectionError | undefined>;
}

/**
 * Starts a worker for the queue of an API key. Throws `RedisConnectionError` or
 * `RedisSettingsError` when Redis cannot be used.
 *
 * @example
 * ```ts
 * import { startWorker } from "@kapsokit/queue";
 *
 * const worker = await startWorker({ redis: process.env.KAPSO_QUEUE_URL! });
 * process.on("SIGTERM", () => void worker.close());
 * ```
 */
export async function startWorker(options: WorkerOptions): Promise<CampaignWorker> {
  const apiKey = options.apiKey ?? process.env.KAPSO_API_KEY;
  if (!apiKey) {
    throw new QueueError("no API key: pass { apiKey } or set KAPSO_API_KEY");
  }
  const emit = options.onEvent ?? (() => undefined);
  const { redis, display, owned } = await connectRedis(options.redis, { connectionName: "kapsokit-worker" });
  try {
    await checkRedisSettings(redis, display);
  } catch (error) {
    if (owned) {
      redis.disconnect();
    }
    throw error;
  }
  const queueName = queueNameFor(apiKey);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const kapso = new Kapso({
    ...options.client,
    apiKey,
    // Longer than the worker's own refresh (send-job.ts), so a send never reads the template.
    validateAgainstTemplate: { ttl: 10 * 60_000 },
  });
  const queue = new Queue<SendJobData>(queueName, { connection: redis, prefix: PREFIX });
  queue.on("error", () => undefined);
  const rate = new ServerLimitFollower(redis, queue, queueName);
  await rate.start();
  const abort = new AbortController();
  // Every send in flight listens to it: as many as the worker's concurrency.
  setMaxListeners(0, abort.signal);
  const campaigns = new Map<string, CampaignRecords>();
  const recordsOf = (campaignId: string) => {
    let records = campaigns.get(campaignId);
    if (!records) {
      if (campaigns.size > 100) {
        campaigns.clear();
      }
      records = new CampaignRecords(redis, campaignId);
      campaigns.set(campaignId, records);
    }
    return records;
  };
  const sendJob = createSendJob({
    kapso,
    recordsOf,
    worker: name,
    signal: abort.signal,
    pauseQueue: (ms) => queue.rateLimit(ms),
    observeLimit: (headers) => rate.observe(headers),
    emit,
  });
  const worker = new Worker<SendJobData, string>(
    queueName,
    (job: Job<SendJobData>) =>
      sendJob(job.data, `${name}:${job.id}:${randomUUID().slice(0, 8)}`, job.processedOn ?? Date.now()),
    {
      connection: redis,
      prefix: PREFIX,
      concurrency: options.concurrency ?? 8,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      // A job whose worker died is failed, never run again: its send may have left. The
      // coordinator settles it from the attempt record (unknown, or enqueued again when no
      // attempt was made).
      maxStalledCount: 0,
      // After a Redis outage, fetch again within a second rather than BullMQ's 15 s.
      runRetryDelay: 1_000,
      autorun: false,
    },
  );
  // Errors worth showing are reported as events; BullMQ's own repeat during outages.
  let lastError = "";
  worker.on("error", (error) => {
    if (watch.down || error.message === lastError) {
      return;
    }
    lastError = error.message;
    emit({ type: "error", message: error.message });
  });

  let resolveStopped!: (value: RedisConnectionError | undefined) => void;
  const stopped = new Promise<RedisConnectionError | undefined>((resolve) => {
    resolveStopped = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = (force: boolean, reason?: RedisConnectionError) => {
    if (force) {
      abort.abort(new Error("the worker was stopped"));
    }
    closing ??= (async () => {
      watch.stop();
      // Redis is gone for good: drop the connection first, so that nothing below waits for it.
      if (reason) {
        redis.disconnect();
      }
      await settleWithin(worker.close(force), CLOSE_WAIT_MS);
      await settleWithin(queue.close(), CLOSE_WAIT_MS);
      if (owned && redis.status === "ready") {
        await settleWithin(redis.quit(), CLOSE_WAIT_MS);
      }
      redis.disconnect();
      resolveStopped(reason);
    })();
    return closing;
  };
  const watch = watchOutages(redis, display, options.maxOutageMs ?? 300_000, {
    onDown: (message) => emit({ type: "redis-down", message }),
    onUp: (message) => {
      lastError = "";
      emit({ type: "redis-up", message });
    },
    onGiveUp: (error) => {
      emit({ type: "error", message: error.message });
      void close(true, error);
    },
  });
  void worker.run().catch((error: Error) => emit({ type: "error", message: error.message }));
  return {
    queueName,
    close: ({ force = false } = {}) => close(force),
    stopped,
  };
}
