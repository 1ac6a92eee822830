// The public shapes of a campaign: what goes in, one result per recipient, progress and the
// final report.
import type { BulkProgress, SendTemplateInput } from "@kapsokit/client";
import type { Durability } from "../connection/check-settings.js";
import type { RedisInput } from "../connection/connect.js";
import type { RateLimit, RatePlan } from "../rate-plan.js";

/** One recipient: a send's input (phone, parameters, header, sending number). */
export type CampaignRecipient = SendTemplateInput;

export interface CampaignOptions<R extends CampaignRecipient = CampaignRecipient> {
  /** Redis: a `redis://` / `rediss://` URL or an ioredis client. */
  redis: RedisInput;
  /** Names the queue of the key the workers hold (by its hash; the key is never stored). `KAPSO_API_KEY` by default. */
  apiKey?: string | undefined;
  /** The campaign's id: letters, digits, `.`, `_`, `-`. Keep it to resume the campaign. */
  campaignId: string;
  /** The template every recipient gets. */
  templateId: string;
  /** Read lazily, a bounded number at a time: an iterable or async iterable of any length. */
  recipients: Iterable<R> | AsyncIterable<R>;
  /**
   * Continue a campaign an earlier coordinator started (sent recipients are skipped).
   * Without it, a campaign id that exists is refused.
   */
  resume?: boolean | undefined;
  /**
   * The rate for every worker of the key together: `"100/min"`, `"5/s"` or a limit per span.
   * No span of a minute (or of `perMs`) ever holds more. Without one, the server's
   * X-RateLimit-Limit paces the workers once they see it.
   */
  rate?: RateLimit | string | undefined;
  /** Sends in flight at once for the key, over all workers. Default 16. */
  maxInFlight?: number | undefined;
  /** Jobs waiting in Redis at once (the rest of the input waits unread). Default 1000. */
  window?: number | undefined;
  /** Send again the recipients an earlier attempt left without an outcome (may message them twice). */
  retryUnknown?: boolean | undefined;
  /** The persistence Redis must have; see {@link Durability}. Default `"always"`. */
  durability?: Durability | undefined;
  /** The number of recipients, when known, for progress and its ETA. */
  total?: number | undefined;
  /** Ends the run now: nothing more is enqueued or reported; resume it later. */
  signal?: AbortSignal | undefined;
  /** Takes no more recipients: the jobs already in Redis are waited for and reported, then the run ends. */
  stop?: AbortSignal | undefined;
  /** Called whenever the counts change (at most every 100 ms) and at the end. */
  onProgress?: ((progress: CampaignProgress) => void) | undefined;
  /**
   * Called once the campaign exists in Redis and this run holds it, before anything is
   * enqueued: the moment to note its id somewhere that outlives Redis (the command line
   * writes its campaign file here).
   */
  onStarted?: ((started: CampaignStarted) => void | Promise<void>) | undefined;
  /** Messages for people: Redis away and back, pauses after a 429. */
  onNotice?: ((message: string) => void) | undefined;
  /** How long the coordinator's lock lasts without renewal. Default 15 000 ms. */
  lockTtlMs?: number | undefined;
  /** How often jobs whose worker died are looked for. Default 2 000 ms. */
  sweepIntervalMs?: number | undefined;
  /** How long Redis may be away before the coordinator gives up. Default 300 000 ms. */
  maxOutageMs?: number | undefined;
  /** How long a finished campaign's records stay in Redis. Default 7 days. */
  retentionMs?: number | undefined;
}

/** What `onStarted` is told. */
export interface CampaignStarted {
  campaignId: string;
  queueName: string;
  /** Redis's address, password masked. */
  redis: string;
  /** This run's number: 1 for the first, one more for each resume. */
  run: number;
  /** The rate plan in force, when the campaign gave a rate. */
  plan: RatePlan | undefined;
}

interface ResultBase<R> {
  recipient: R;
  /** Its position in the input, from 0. */
  index: number;
  /** Its key in the campaign's records. */
  key: string;
}

/** The final state of one recipient. */
export type CampaignResult<R = CampaignRecipient> =
  | (ResultBase<R> & { status: "sent"; messageId?: string | undefined; requestId?: string | undefined })
  | (ResultBase<R> & { status: "failed"; detail: string; requestId?: string | undefined })
  /** The server may have acted: check before sending again. */
  | (ResultBase<R> & { status: "unknown"; detail: string })
  /** Sent by an earlier run of the campaign; not sent again. */
  | (ResultBase<R> & { status: "skipped"; messageId?: string | undefined })
  /** Identical to the recipient at `duplicateOf`; sent once. */
  | (ResultBase<R> & { status: "duplicate"; duplicateOf: number });

/** Progress in the shape of `sendMany`'s, so the same bar shows both, plus the queue's own counts. */
export interface CampaignProgress extends BulkProgress {
  /** Jobs this coordinator has in Redis that have no outcome yet. */
  outstanding: number;
  /** Whether Redis is away right now. */
  redisDown: boolean;
}

/** How a campaign run ended. */
export interface CampaignReport {
  campaignId: string;
  queueName: string;
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
  duplicate: number;
  /** Recipients reported by this run. */
  reported: number;
  elapsedMs: number;
  /** The run ended early (`signal` or `stop`); resume it to go on. */
  interrupted: boolean;
  /** Redis lost the campaign; every recipient without an outcome was reported unknown. */
  lost: boolean;
}
