// The coordinator's lock on a campaign: one holder at a time, with an expiry so a killed
// coordinator's lock lapses, and a fencing token (the run number) that every claim carries, so
// a coordinator that lost its lock while paused can no longer change the campaign.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { CampaignLockedError, CampaignStateError } from "../errors.js";
import type { CampaignKeys } from "../naming.js";
import { ACQUIRE, RENEW, UNLOCK } from "../records/scripts.js";

export interface HeldLock {
  /** The fencing token: this run's number, higher than every earlier run's. */
  readonly fence: number;
  /** Stops renewing and lets go of the lock. */
  release(): Promise<void>;
}

/**
 * Takes the campaign's lock and renews it every third of `ttlMs` until released. `onLost`
 * is called once if the lock is taken by another coordinator (`"taken"`) or the campaign is
 * gone from Redis (`"lost"`).
 */
export async function acquireCampaignLock(
  redis: Redis,
  campaignId: string,
  keys: CampaignKeys,
  ttlMs: number,
  onLost: (why: "taken" | "lost") => void,
): Promise<HeldLock> {
  const holder = `${hostname()} pid ${process.pid}`;
  const reply = (await ACQUIRE.run(redis, [keys.meta, keys.lock], [randomUUID(), ttlMs, holder])) as [
    string,
    ...(string | number)[],
  ];
  if (reply[0] === "missing") {
    throw new CampaignStateError(`there is no campaign ${campaignId} in Redis`);
  }
  if (reply[0] === "locked") {
    throw new CampaignLockedError(campaignId, String(reply[1] ?? ""), Number(reply[2] ?? ttlMs));
  }
  const fence = Number(reply[1]);
  const token = String(reply[2]);
  let stopped = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = (async () => {
        try {
          const verdict = (await RENEW.run(redis, [keys.meta, keys.lock], [token, ttlMs, fence])) as string;
          if (verdict !== "ok" && !stopped) {
            stopped = true;
            clearInterval(timer);
            onLost(verdict === "lost" ? "lost" : "taken");
          }
        } catch {
          // Redis is away: the outage watcher reports it; the lock is renewed when it is back.
        }
      })();
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    fence,
    async release() {
      if (stopped) {
        return;
      }
      stopped = true;
      clearInterval(timer);
      await renewing;
      await UNLOCK.run(redis, [keys.meta, keys.lock], [token]).catch(() => undefined);
    },
  };
}
