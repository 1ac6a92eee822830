// Reads Redis's own settings and refuses the ones under which a campaign's promises break:
// BullMQ needs Redis 6.2 or newer and `maxmemory-policy noeviction` (an evicted attempt record
// is a recipient messaged twice), and a coordinator needs the append-only file flushed on
// every write (`appendfsync always`), or a Redis crash forgets attempts that were made.
import type { Redis } from "ioredis";
import { RedisSettingsError } from "../errors.js";

/**
 * How much of Redis's durability a campaign insists on.
 * - `"always"`: AOF with `appendfsync always`; a Redis crash loses no acknowledged write.
 * - `"everysec"`: AOF with `appendfsync everysec` is accepted too; a Redis crash can lose
 *   about the last second of writes, so an attempt recorded in that second may be forgotten
 *   and its recipient messaged again after the restart.
 */
export type Durability = "always" | "everysec";

/** What was read from Redis. */
export interface RedisSettings {
  version: string;
  maxmemoryPolicy: string | undefined;
  appendonly: boolean | undefined;
  /** `always`, `everysec`, `no`, or undefined when CONFIG GET is not allowed. */
  appendfsync: string | undefined;
}

const MIN_VERSION = [6, 2, 0];

function atLeast(version: string, minimum: number[]): boolean {
  const parts = version.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const a = parts[i] ?? 0;
    const b = minimum[i]!;
    if (a !== b) {
      return a > b;
    }
  }
  return true;
}

function infoField(info: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:(.*)$`, "m").exec(info);
  return match?.[1]?.trim();
}

async function configGet(redis: Redis, name: string): Promise<string | undefined> {
  try {
    const reply = (await redis.config("GET", name)) as string[];
    return reply[1];
  } catch {
    // Managed Redis services often rename or forbid CONFIG; INFO is the fallback.
    return undefined;
  }
}

/** Reads the version, eviction policy and persistence settings. */
export async function readRedisSettings(redis: Redis): Promise<RedisSettings> {
  const info = await redis.info();
  const aofEnabled = infoField(info, "aof_enabled");
  const appendonly = await configGet(redis, "appendonly");
  return {
    version: infoField(info, "redis_version") ?? "0",
    maxmemoryPolicy: (await configGet(redis, "maxmemory-policy")) ?? infoField(info, "maxmemory_policy"),
    appendonly:
      appendonly !== undefined
        ? appendonly === "yes"
        : aofEnabled === undefined
          ? undefined
          : aofEnabled === "1",
    appendfsync: await configGet(redis, "appendfsync"),
  };
}

/**
 * Throws a `RedisSettingsError` that says what to change when Redis cannot carry a campaign:
 * every caller checks the version and eviction policy; `durability` also checks persistence
 * (the coordinator passes it, workers do not).
 *
 * @example
 * ```ts
 * await checkRedisSettings(redis, "redis://127.0.0.1:6379", { durability: "always" });
 * ```
 */
export async function checkRedisSettings(
  redis: Redis,
  display: string,
  options: { durability?: Durability | undefined } = {},
): Promise<RedisSettings> {
  const settings = await readRedisSettings(redis);
  if (!atLeast(settings.version, MIN_VERSION)) {
    throw new RedisSettingsError(
      `Redis at ${display} is version ${settings.version}; BullMQ needs 6.2 or newer`,
    );
  }
  if (settings.maxmemoryPolicy !== undefined && settings.maxmemoryPolicy !== "noeviction") {
    throw new RedisSettingsError(
      `Redis at ${display} has maxmemory-policy ${settings.maxmemoryPolicy}: it may evict the records that stop a recipient being messaged twice; set maxmemory-policy noeviction`,
    );
  }
  const { durability } = options;
  if (durability === undefined) {
    return settings;
  }
  if (settings.appendonly !== true) {
    throw new RedisSettingsError(
      `Redis at ${display} keeps no append-only file (appendonly ${settings.appendonly === false ? "no" : "unknown"}): a restart would forget which recipients were sent. Run it with appendonly yes and appendfsync always`,
    );
  }
  const fsync = settings.appendfsync;
  if (fsync === "always") {
    return settings;
  }
  if (durability === "everysec" && (fsync === "everysec" || fsync === undefined)) {
    return settings;
  }
  const why =
    fsync === undefined
      ? "its appendfsync setting cannot be read (CONFIG GET is not allowed)"
      : `it has appendfsync ${fsync}`;
  throw new RedisSettingsError(
    `Redis at ${display} may lose acknowledged writes in a crash: ${why}. Set appendfsync always, or accept losing about a second of attempt records (a recipient could then be messaged twice after a Redis crash) with durability "everysec"`,
  );
}
