// The records of one campaign, read and written only through the scripts in scripts.ts.
import type { Redis } from "ioredis";
import { type CampaignKeys, campaignKeys } from "../naming.js";
import { BEGIN, CLAIM, FINISH, RELEASE, SETTLE_STALLED } from "./scripts.js";

/** A recipient's final state in the records. */
export type OutcomeStatus = "sent" | "failed" | "unknown";

/** What a worker writes when an attempt ends. */
export interface Outcome {
  s: OutcomeStatus;
  /** WhatsApp's message id. */
  m?: string | undefined;
  /** The API's request id. */
  q?: string | undefined;
  /** Why it failed, or why its outcome is unknown. */
  d?: string | undefined;
}

/** One record as stored. */
export interface StoredRecord extends Omit<Outcome, "s"> {
  s: "q" | "a" | OutcomeStatus;
  r?: number | undefined;
  i?: number | undefined;
  w?: string | undefined;
  t?: number | undefined;
}

/** The coordinator's verdict on one recipient it claimed. */
export type ClaimVerdict =
  | { kind: "enqueue" }
  | { kind: "wait" }
  | { kind: "sent"; record: StoredRecord }
  | { kind: "unknown"; record: StoredRecord }
  | { kind: "duplicate"; of: number };

export type BeginVerdict = "go" | "done" | "in-doubt" | "lost";
export type WriteVerdict = "ok" | "stale" | "lost";

/** Reads a stored record, or undefined for anything that is not one. */
export function parseRecord(raw: string | null | undefined): StoredRecord | undefined {
  if (!raw) {
    return undefined;
  }
  try {
    const value = JSON.parse(raw) as StoredRecord;
    return typeof value === "object" && value !== null && typeof value.s === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Thrown when the campaign's meta is gone: Redis lost it. */
export class LostSignal extends Error {
  override name = "LostSignal";
}
/** Thrown when a newer coordinator holds the campaign. */
export class FencedSignal extends Error {
  override name = "FencedSignal";
}

/** A campaign's records as the worker and the coordinator use them. */
export class CampaignRecords {
  readonly keys: CampaignKeys;
  readonly #redis: Redis;

  constructor(redis: Redis, campaignId: string) {
    this.#redis = redis;
    this.keys = campaignKeys(campaignId);
  }

  /** Claims recipients for a run; one verdict per recipient, in order. */
  async claim(
    fence: number,
    retryUnknown: boolean,
    recipients: readonly { key: string; index: number }[],
  ): Promise<ClaimVerdict[]> {
    const args: (string | number)[] = [fence, retryUnknown ? "1" : "0"];
    for (const { key, index } of recipients) {
      args.push(key, index);
    }
    const reply = (await CLAIM.run(this.#redis, [this.keys.meta, this.keys.records], args)) as string[];
    if (reply[0] === "lost") {
      throw new LostSignal();
    }
    if (reply[0] === "fenced") {
      throw new FencedSignal();
    }
    const verdicts: ClaimVerdict[] = [];
    for (let n = 0; n < reply.length; n += 2) {
      const kind = reply[n];
      const detail = reply[n + 1] ?? "";
      if (kind === "duplicate") {
        verdicts.push({ kind, of: Number(detail) });
      } else if (kind === "sent" || kind === "unknown") {
        verdicts.push({ kind, record: parseRecord(detail)! });
      } else {
        verdicts.push({ kind: kind === "wait" ? "wait" : "enqueue" });
      }
    }
    return verdicts;
  }

  async begin(key: string, token: string, worker: string): Promise<BeginVerdict> {
    const { meta, records, done } = this.keys;
    return (await BEGIN.run(
      this.#redis,
      [meta, records, done],
      [key, token, Date.now(), worker],
    )) as BeginVerdict;
  }

  /** Writes an outcome; `token` empty for a recipient that failed before any attempt. */
  async finish(key: string, token: string, outcome: Outcome): Promise<WriteVerdict> {
    const { meta, records, done } = this.keys;
    return (await FINISH.run(
      this.#redis,
      [meta, records, done],
      [key, token, JSON.stringify(outcome)],
    )) as WriteVerdict;
  }

  /** Gives an attempt back: after a 429 (`rateLimited`), or before a send that would be `late`. */
  async release(key: string, token: string, why: "rateLimited" | "late"): Promise<WriteVerdict> {
    return (await RELEASE.run(
      this.#redis,
      [this.keys.meta, this.keys.records],
      [key, token, why],
    )) as WriteVerdict;
  }

  async settleStalled(key: string, detail: string): Promise<"requeue" | "unknown" | "done" | "lost"> {
    const { meta, records, done } = this.keys;
    return (await SETTLE_STALLED.run(this.#redis, [meta, records, done], [key, detail])) as
      | "requeue"
      | "unknown"
      | "done"
      | "lost";
  }

  async read(keys: readonly string[]): Promise<(StoredRecord | undefined)[]> {
    if (keys.length === 0) {
      return [];
    }
    const raw = await this.#redis.hmget(this.keys.records, ...keys);
    return raw.map(parseRecord);
  }

  /** The done list of a run. */
  doneList(run: number): string {
    return `${this.keys.done}:${run}`;
  }

  /** Takes up to `count` keys whose outcome was written for a run, oldest first. */
  async takeDone(run: number, count: number): Promise<string[]> {
    return (await this.#redis.lpop(this.doneList(run), count)) ?? [];
  }
}
