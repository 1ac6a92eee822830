// The coordinator: reads the recipients lazily, keeps a bounded number of jobs in Redis,
// reports one result per recipient from the attempt records (never from BullMQ's job states),
// settles the jobs of workers that died, and stops cleanly when Redis loses the campaign.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { checkRedisSettings } from "../connection/check-settings.js";
import { connectRedis, type OutageWatch, watchOutages } from "../connection/connect.js";
import { CampaignLockedError, QueueError, RedisConnectionError } from "../errors.js";
import { JOB_NAME, type SendJobData } from "../job.js";
import { checkCampaignId, jobIdOf, queueNameFor } from "../naming.js";
import { parseRate, planRate, type RateLimit } from "../rate-plan.js";
import { CampaignRecords, FencedSignal, LostSignal } from "../records/records.js";
import { CLOSE_WAIT_MS, settleWithin } from "../settle-within.js";
import { CampaignLedger } from "./ledger.js";
import type { HeldLock } from "./lock.js";
import { openCampaign } from "./open-campaign.js";
import { recipientKey } from "./recipient-key.js";
import type {
  CampaignOptions,
  CampaignProgress,
  CampaignRecipient,
  CampaignReport,
  CampaignResult,
} from "./types.js";

/** A campaign run: iterate it for one result per recipient; `report` settles when it ends. */
export interface Campaign<R extends CampaignRecipient = CampaignRecipient>
  extends AsyncIterable<CampaignResult<R>> {
  readonly campaignId: string;
  /** How the run ended; rejects with the error that ended it. */
  readonly report: Promise<CampaignReport>;
}

const CLAIM_BATCH = 100;
const POP_BATCH = 500;
const POP_WAIT_SECONDS = 0.25;
const PROGRESS_EVERY_MS = 100;
const FAILED_SCAN_LIMIT = 2_000;
// An outstanding job older than this is checked for existence now and then: the safety net
// for a job that vanished from Redis without an outcome.
const STALE_AFTER_MS = 60_000;
const STALE_CHECKS_PER_SWEEP = 100;

const LOST_IN_FLIGHT =
  "Redis lost the campaign before this recipient's outcome was recorded (a restart without persistence?); check before sending again";
const LOST_NOT_ENQUEUED =
  "not sent: Redis lost the campaign before this recipient was enqueued, and a lost campaign is never enqueued again";

/**
 * Runs (or resumes) a campaign: every recipient gets the template once, through the workers
 * of the API key's queue. Iterate the result for one result per recipient.
 *
 * @example
 * ```ts
 * import { runCampaign } from "@kapsokit/queue";
 *
 * const campaign = runCampaign({
 *   redis: process.env.KAPSO_QUEUE_URL!,
 *   campaignId: "spring-reminders",
 *   templateId: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
 *   recipients: [{ to: "+14155550123", parameters: ["Ada"] }],
 *   rate: "100/min",
 * });
 * for await (const result of campaign) console.log(result.recipient.to, result.status);
 * console.log(await campaign.report);
 * ```
 */
export function runCampaign<R extends CampaignRecipient>(options: CampaignOptions<R>): Campaign<R> {
  let settle!: { resolve(report: CampaignReport): void; reject(error: unknown): void };
  const report = new Promise<CampaignReport>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Marked handled: a caller who only iterates still sees the error from the iteration.
  report.catch(() => undefined);
  let iterated = false;
  return {
    campaignId: options.campaignId,
    report,
    [Symbol.asyncIterator]() {
      if (iterated) {
        throw new QueueError("a campaign run can be iterated once");
      }
      iterated = true;
      return coordinate(options, settle);
    },
  };
}

function toIterator<R>(source: Iterable<R> | AsyncIterable<R>): AsyncIterator<R> | Iterator<R> {
  return Symbol.asyncIterator in source
    ? (source as AsyncIterable<R>)[Symbol.asyncIterator]()
    : (source as Iterable<R>)[Symbol.iterator]();
}

async function* coordinate<R extends CampaignRecipient>(
  o: CampaignOptions<R>,
  settle: { resolve(report: CampaignReport): void; reject(error: unknown): void },
): AsyncGenerator<CampaignResult<R>, void, undefined> {
  const startedAt = Date.now();
  const campaignId = checkCampaignId(o.campaignId);
  const apiKey = o.apiKey ?? process.env.KAPSO_API_KEY;
  if (!apiKey) {
    throw new QueueError("no API key: pass { apiKey } or set KAPSO_API_KEY (it names the queue)");
  }
  const rate: RateLimit | undefined = typeof o.rate === "string" ? parseRate(o.rate) : o.rate;
  // Refuses an impossible rate before anything starts; its allowance goes with every job.
  const jitterMs = rate ? planRate(rate).jitterMs : undefined;
  const window = Math.max(1, o.window ?? 1_000);
  const maxInFlight = Math.max(1, o.maxInFlight ?? 16);
  const notice = o.onNotice ?? (() => undefined);
  const queueName = queueNameFor(apiKey);
  const ledger = new CampaignLedger<R>();
  const { outstanding, ready } = ledger;
  let interrupted = false;
  let lost = false;
  let finished = false;

  const { redis, display, owned } = await connectRedis(o.redis, { connectionName: "kapsokit-coordinator" });
  const records = new CampaignRecords(redis, campaignId);
  const { keys } = records;
  let queue: Queue<SendJobData> | undefined;
  let blocking: Redis | undefined;
  let lock: HeldLock | undefined;
  let watch: OutageWatch | undefined;
  let fatal: Error | undefined;
  // Settles (rejects) when Redis is given up on: a command in flight then may never settle.
  let giveUp!: (error: Error) => void;
  const givenUp = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  givenUp.catch(() => undefined);
  const guarded = <T>(step: Promise<T>): Promise<T> => Promise.race([step, givenUp]);
  let checkSoon = false;
  let resyncNeeded = false;
  let iterator: AsyncIterator<R> | Iterator<R> | undefined;
  let inputDone = false;
  let nextIndex = 0;
  const seen = { rateLimited: 0, inFlight: 0, resumesInMs: 0 };

  const progress = (): CampaignProgress => {
    const elapsedMs = Date.now() - startedAt;
    const completed = ledger.reported;
    const ratePerSecond = elapsedMs > 0 ? (ledger.answered * 1000) / elapsedMs : 0;
    const paused = seen.resumesInMs > 0;
    return {
      ...ledger.counts,
      started: nextIndex,
      completed,
      inFlight: seen.inFlight,
      outstanding: outstanding.size,
      rateLimited: seen.rateLimited,
      paused,
      resumesInMs: paused ? seen.resumesInMs : undefined,
      redisDown: watch?.down ?? false,
      elapsedMs,
      ratePerSecond,
      total: o.total,
      etaMs:
        o.total === undefined || ratePerSecond === 0
          ? undefined
          : (Math.max(0, o.total - completed) / ratePerSecond) * 1000,
    };
  };
  let progressAt = 0;
  const tellProgress = (force = false) => {
    if (!o.onProgress) {
      return;
    }
    const now = Date.now();
    if (!force && now - progressAt < PROGRESS_EVERY_MS) {
      return;
    }
    progressAt = now;
    o.onProgress(progress());
  };

  const jobOf = (key: string, recipient: R) => ({
    name: JOB_NAME,
    data: { c: campaignId, k: key, t: o.templateId, p: recipient, j: jitterMs } satisfies SendJobData,
    // One attempt, never retried by BullMQ; completed jobs leave Redis at once, failed ones
    // stay until the coordinator has settled them.
    opts: { jobId: jobIdOf(campaignId, key), attempts: 1, removeOnComplete: true, removeOnFail: false },
  });

  const takenOver = () =>
    new CampaignLockedError(
      campaignId,
      "",
      0,
      `another coordinator took campaign ${campaignId} over (this one lost its lock, paused longer than its expiry); this one stops`,
    );

  const stopping = () => o.stop?.aborted === true || o.signal?.aborted === true;

  /** Reads recipients, claims them and enqueues them until the window is full or the input ends. */
  const fill = async () => {
    while (!inputDone && outstanding.size < window && !stopping() && ready.length < window) {
      const batch: { key: string; index: number; recipient: R }[] = [];
      while (batch.length < CLAIM_BATCH && outstanding.size + batch.length < window) {
        const next = await iterator!.next();
        if (next.done) {
          inputDone = true;
          break;
        }
        batch.push({
          key: recipientKey(o.templateId, next.value),
          index: nextIndex++,
          recipient: next.value,
        });
      }
      if (batch.length === 0) {
        return;
      }
      const verdicts = await records.claim(lock!.fence, o.retryUnknown === true, batch);
      const jobs = batch
        .filter((item, n) => ledger.claimed(item.key, item.index, item.recipient, verdicts[n]!))
        .map((item) => jobOf(item.key, item.recipient));
      if (jobs.length > 0) {
        await queue!.addBulk(jobs);
      }
    }
  };

  /** Reports the recipients whose outcome workers wrote, waiting briefly when there is none. */
  const collect = async () => {
    const run = lock!.fence;
    let done = await records.takeDone(run, POP_BATCH);
    if (done.length === 0) {
      const popped = await blocking!.blpop(records.doneList(run), POP_WAIT_SECONDS);
      if (popped) {
        done = [popped[1], ...(await records.takeDone(run, POP_BATCH - 1))];
      }
    }
    await settleFromRecords(done.filter((key) => outstanding.has(key)));
  };

  const settleFromRecords = async (keysToRead: string[]) => {
    for (let start = 0; start < keysToRead.length; start += POP_BATCH) {
      const slice = keysToRead.slice(start, start + POP_BATCH);
      const found = await records.read(slice);
      for (const [n, key] of slice.entries()) {
        ledger.settle(key, found[n]);
      }
    }
  };

  /** Settles the jobs BullMQ failed without running (their worker died) and checks on old ones. */
  const sweep = async () => {
    if ((await redis.exists(keys.meta)) === 0) {
      throw new LostSignal();
    }
    // After an outage, the reply to a pop of the done list may have been lost with the
    // connection, and its recipients with it: read them all from their records.
    if (resyncNeeded) {
      resyncNeeded = false;
      await settleFromRecords([...outstanding.keys()]);
    }
    const [limited, attempting] = await redis.hmget(keys.meta, "rateLimited", "n:a");
    seen.rateLimited = Number(limited ?? 0);
    seen.inFlight = Number(attempting ?? 0);
    // A 429 pause sets the limiter's counter beyond any plan's max.
    seen.resumesInMs = await queue!.getRateLimitTtl(Number.MAX_SAFE_INTEGER);
    const failed = [];
    for (let start = 0; start < FAILED_SCAN_LIMIT; start += 200) {
      const page = await queue!.getFailed(start, start + 199);
      failed.push(...page.filter((job) => job?.data?.c === campaignId));
      if (page.length < 200) {
        break;
      }
    }
    for (const job of failed) {
      await settleJob(job.data, job.failedReason);
    }
    let checks = 0;
    for (const [key, entry] of outstanding) {
      if (checks >= STALE_CHECKS_PER_SWEEP || Date.now() - entry.since < STALE_AFTER_MS) {
        continue;
      }
      checks++;
      entry.since = Date.now();
      if ((await queue!.getJobState(jobIdOf(campaignId, key))) === "unknown") {
        await settleJob({ c: campaignId, k: key, t: o.templateId, p: entry.recipient });
      }
    }
  };

  /** A job that ended without an outcome: enqueued again if no attempt was made, else unknown. */
  const settleJob = async (data: SendJobData, reason?: string) => {
    const verdict = await records.settleStalled(
      data.k,
      `the worker stopped during the send (${reason || "its job vanished"}); check before sending again`,
    );
    if (verdict === "lost") {
      throw new LostSignal();
    }
    await queue!.remove(jobIdOf(campaignId, data.k)).catch(() => undefined);
    const entry = outstanding.get(data.k);
    if (verdict === "requeue" && entry) {
      await queue!.add(JOB_NAME, data, jobOf(data.k, entry.recipient).opts);
    } else if (verdict === "done" && entry) {
      await settleFromRecords([data.k]);
    }
  };

  const reportLoss = async function* (): AsyncGenerator<CampaignResult<R>> {
    lost = true;
    notice(
      `Redis no longer has campaign ${campaignId} (did it restart without persistence?): stopping; every recipient without a recorded outcome is reported unknown, and the campaign is never enqueued again`,
    );
    ledger.abandonAll(LOST_IN_FLIGHT);
    yield* ready.splice(0);
    while (!inputDone && !o.signal?.aborted) {
      const next = await iterator!.next();
      if (next.done) {
        break;
      }
      ledger.unsent(recipientKey(o.templateId, next.value), nextIndex++, next.value, LOST_NOT_ENQUEUED);
      yield* ready.splice(0);
    }
    inputDone = true;
  };

  try {
    await checkRedisSettings(redis, display, { durability: o.durability ?? "always" });
    iterator = toIterator(o.recipients);
    const opened = await openCampaign(redis, records, {
      campaignId,
      queueName,
      templateId: o.templateId,
      resume: o.resume === true,
      retryUnknown: o.retryUnknown === true,
      total: o.total,
      rate,
      maxInFlight,
      lockTtlMs: o.lockTtlMs ?? 15_000,
      onLockLost: (why) => {
        if (why === "lost") {
          checkSoon = true;
        } else {
          fatal = takenOver();
        }
      },
    });
    if (opened === "lost") {
      yield* reportLoss();
      finished = true;
      return;
    }
    ({ lock, queue } = opened);
    await o.onStarted?.({ campaignId, queueName, redis: display, run: lock.fence, plan: opened.plan });
    blocking = redis.duplicate({ connectionName: "kapsokit-coordinator-wait" });
    blocking.on("error", () => undefined);
    watch = watchOutages(redis, display, o.maxOutageMs ?? 300_000, {
      onDown: notice,
      onUp: (message) => {
        notice(message);
        checkSoon = true;
        resyncNeeded = true;
      },
      onGiveUp: (error: RedisConnectionError) => {
        fatal = error;
        redis.disconnect();
        blocking?.disconnect();
        giveUp(error);
      },
    });

    let sweptAt = Date.now();
    const sweepEvery = o.sweepIntervalMs ?? 2_000;
    try {
      while (true) {
        if (fatal) {
          throw fatal;
        }
        if (o.signal?.aborted) {
          interrupted = true;
          break;
        }
        if (checkSoon || Date.now() - sweptAt >= sweepEvery) {
          checkSoon = false;
          sweptAt = Date.now();
          await guarded(sweep());
        }
        await guarded(fill());
        yield* ready.splice(0);
        tellProgress();
        if (outstanding.size === 0 && (inputDone || stopping())) {
          interrupted = !inputDone;
          break;
        }
        await guarded(collect());
        yield* ready.splice(0);
        tellProgress();
      }
    } catch (error) {
      if (fatal) {
        throw fatal;
      }
      if (error instanceof FencedSignal) {
        throw takenOver();
      }
      if (!(error instanceof LostSignal)) {
        throw error;
      }
      yield* reportLoss();
    }
    if (!lost) {
      await redis.hset(keys.meta, "state", interrupted ? "stopped" : "done", "finished", Date.now());
      if (!interrupted) {
        const ttl = o.retentionMs ?? 7 * 24 * 3_600_000;
        const kept = [keys.meta, keys.records, records.doneList(lock.fence)];
        await Promise.all(kept.map((key) => redis.pexpire(key, ttl)));
      }
    }
    finished = true;
  } catch (error) {
    settle.reject(error);
    throw error;
  } finally {
    watch?.stop();
    if (!finished && !lost) {
      interrupted = true;
    }
    // Redis given up on: nothing more is asked of it (the lock lapses on its own).
    const gone = fatal instanceof RedisConnectionError;
    if (lock && !gone) {
      await settleWithin(lock.release(), CLOSE_WAIT_MS);
    }
    if (queue && !gone) {
      await settleWithin(queue.close(), CLOSE_WAIT_MS);
    }
    blocking?.disconnect();
    if (owned) {
      if (redis.status === "ready") {
        await settleWithin(redis.quit(), CLOSE_WAIT_MS);
      }
      redis.disconnect();
    }
    tellProgress(true);
    settle.resolve({
      campaignId,
      queueName,
      ...ledger.counts,
      reported: ledger.reported,
      elapsedMs: Date.now() - startedAt,
      interrupted,
      lost,
    });
  }
}
