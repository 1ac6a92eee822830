// @kapsokit/queue: template campaigns sent by many workers through BullMQ on Redis, one rate
// limit per API key, and nobody messaged twice.

export type { Campaign } from "./campaign/run-campaign.js";
export { runCampaign } from "./campaign/run-campaign.js";
export type { CampaignStatus } from "./campaign/status.js";
export { readCampaignStatus } from "./campaign/status.js";
export type {
  CampaignOptions,
  CampaignProgress,
  CampaignRecipient,
  CampaignReport,
  CampaignResult,
  CampaignStarted,
} from "./campaign/types.js";
export type { Durability, RedisSettings } from "./connection/check-settings.js";
export { checkRedisSettings } from "./connection/check-settings.js";
export type { RedisInput } from "./connection/connect.js";
export type { RedisTarget } from "./connection/redis-url.js";
export { parseRedisUrl, QUEUE_URL_ENV, resolveRedisUrl } from "./connection/redis-url.js";
export {
  CampaignLockedError,
  CampaignStateError,
  QueueError,
  RedisConnectionError,
  RedisSettingsError,
} from "./errors.js";
export { queueNameFor } from "./naming.js";
export type { RateLimit, RatePlan } from "./rate-plan.js";
export { parseRate, planRate } from "./rate-plan.js";
export type { SendJobEvent } from "./worker/send-job.js";
export type { CampaignWorker, WorkerEvent, WorkerOptions } from "./worker/start-worker.js";
export { startWorker } from "./worker/start-worker.js";
