// @kapsokit/queue (BullMQ and ioredis) is loaded only by the commands that use Redis, so the
// rest of the command line starts as fast as before and needs no Redis client at all.
export type QueueModule = typeof import("@kapsokit/queue");

export function loadQueue(): Promise<QueueModule> {
  return import("@kapsokit/queue");
}
