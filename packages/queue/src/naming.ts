// Where things live in Redis. The queue of an API key is named by a hash of the key, so every
// worker holding the key finds it and Redis never holds the key itself. A campaign's records
// share its id, so one campaign's keys never meet another's.
import { createHash } from "node:crypto";
import { QueueError } from "./errors.js";

/** The prefix of every key kapsokit writes, BullMQ's included. */
export const PREFIX = "kapsokit";

const CAMPAIGN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The BullMQ queue name for an API key: `send-` and 24 hex digits of its SHA-256. The key is
 * long and random, so the name does not reveal it.
 *
 * @example
 * ```ts
 * queueNameFor(process.env.KAPSO_API_KEY!); // "send-3f7a…"
 * ```
 */
export function queueNameFor(apiKey: string): string {
  const digest = createHash("sha256").update(`kapsokit queue\0${apiKey}`).digest("hex");
  return `send-${digest.slice(0, 24)}`;
}

/** Throws a `QueueError` unless the id is 1–100 letters, digits, `.`, `_` or `-`. */
export function checkCampaignId(id: string): string {
  if (!CAMPAIGN_ID.test(id)) {
    throw new QueueError(
      `campaign id "${id}" must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return id;
}

/** The Redis keys of one campaign. */
export interface CampaignKeys {
  /** Hash: the campaign's settings, state and counters. */
  meta: string;
  /** Hash: one record per recipient key (queued, attempting, or its outcome). */
  records: string;
  /** Lists, one per run (`<done>:<run>`): recipient keys whose outcome was just written, for that run's coordinator. */
  done: string;
  /** String: the coordinator's lock. */
  lock: string;
}

export function campaignKeys(campaignId: string): CampaignKeys {
  const base = `${PREFIX}:campaign:${campaignId}`;
  return { meta: base, records: `${base}:records`, done: `${base}:done`, lock: `${base}:lock` };
}

/** The BullMQ job id of a recipient of a campaign (no `:`, which BullMQ forbids). */
export function jobIdOf(campaignId: string, recipientKey: string): string {
  return `${campaignId}.${recipientKey}`;
}
