// The errors a campaign or a worker ends with. Each says what to do; none carries a Redis
// password or an API key (messages name Redis by its redacted URL).
import { KapsoError } from "@kapsokit/client";

/** The base class of the queue's own errors; a `KapsoError`, like every kapsokit error. */
export class QueueError extends KapsoError {
  override name = "QueueError";
}

/**
 * Redis could not be used: it refused the credentials (`reason: "auth"`), could not be
 * reached in time (`"unreachable"`), or stayed away longer than the wait allowed (`"lost"`).
 */
export class RedisConnectionError extends QueueError {
  override name = "RedisConnectionError";
  declare readonly reason: "auth" | "unreachable" | "lost";
  constructor(reason: "auth" | "unreachable" | "lost", message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Redis is not set up to keep the promises a campaign makes: a version below 6.2, an
 * eviction policy other than `noeviction`, or no append-only file with `appendfsync always`.
 */
export class RedisSettingsError extends QueueError {
  override name = "RedisSettingsError";
}

/** Another coordinator holds the campaign's lock; `holder` says which process, `expiresInMs` when it lapses. */
export class CampaignLockedError extends QueueError {
  override name = "CampaignLockedError";
  declare readonly holder: string;
  declare readonly expiresInMs: number;
  constructor(campaignId: string, holder: string, expiresInMs: number, message?: string) {
    super(
      message ??
        `campaign ${campaignId} is being run by ${holder || "another coordinator"}; if that process is gone, its lock lapses in ${Math.ceil(expiresInMs / 1000)}s`,
    );
    this.holder = holder;
    this.expiresInMs = expiresInMs;
  }
}

/** The campaign exists already (start it with `resume: true`), or does not exist (to resume). */
export class CampaignStateError extends QueueError {
  override name = "CampaignStateError";
}
