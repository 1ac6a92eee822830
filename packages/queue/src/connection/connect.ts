// One Redis connection as a campaign needs it: a wrong password or an unreachable server is a
// clear error within a bounded time, never a hang; once connected, an outage is reported when
// it starts and when it ends, and becomes an error if it lasts longer than allowed.
import { Redis, type RedisOptions } from "ioredis";
import { RedisConnectionError } from "../errors.js";
import { parseRedisUrl, type RedisTarget } from "./redis-url.js";

/** What a campaign or worker connects with: a `redis://` URL, or a ready-made ioredis client. */
export type RedisInput = string | Redis;

// Replies Redis gives to bad credentials (or none where some are needed).
const AUTH_FAILURE = /WRONGPASS|NOAUTH|NOPERM|invalid password|invalid username|AUTH .*(failed|without)/i;

/** Whether a TLS handshake failed on the server's certificate. */
function isCertificateFailure(error: Error): boolean {
  const code = String((error as NodeJS.ErrnoException).code ?? "");
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
}

/** Whether a Redis error means the credentials were refused. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof Error && AUTH_FAILURE.test(error.message);
}

export interface ConnectOptions {
  /** Milliseconds to wait for the first connection. Default 10 000. */
  connectTimeoutMs?: number | undefined;
  /** A name for the connection in Redis's CLIENT LIST. */
  connectionName?: string | undefined;
  /**
   * For one-off reads: a command fails after this many reconnection attempts instead of
   * waiting for Redis (BullMQ's workers need the default, waiting forever).
   */
  failFast?: boolean | undefined;
}

/** A connected client and how to name its server in messages. */
export interface Connected {
  redis: Redis;
  display: string;
  /** Whether this module created the client (and so closes it). */
  owned: boolean;
}

function describeTarget(redis: Redis): string {
  const { host, port, db, tls } = redis.options as RedisOptions & { tls?: unknown };
  return `${tls ? "rediss" : "redis"}://${host ?? "127.0.0.1"}:${port ?? 6379}${db ? `/${db}` : ""}`;
}

/** The client options every connection here uses: BullMQ needs `maxRetriesPerRequest: null`. */
export function clientOptions(target: RedisTarget, connectionName?: string): RedisOptions {
  return {
    ...target.options,
    lazyConnect: true,
    maxRetriesPerRequest: null,
    // Reconnect quickly at first, then every 2 s at most: a Redis that restarts is found again
    // within about 2 s of coming back.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
    // A connection being closed waits this long for the server's side before it is cut, and
    // holds the process open meanwhile.
    disconnectTimeout: 200,
    connectionName,
  };
}

/**
 * Connects to Redis, or throws `RedisConnectionError` with `reason: "auth"` when the
 * credentials are refused and `"unreachable"` when no connection is made in time.
 *
 * @example
 * ```ts
 * const { redis, display } = await connectRedis("redis://:pw@127.0.0.1:6379");
 * ```
 */
export async function connectRedis(input: RedisInput, options: ConnectOptions = {}): Promise<Connected> {
  if (typeof input !== "string") {
    const display = describeTarget(input);
    if (input.status !== "ready") {
      await waitReady(input, display, options.connectTimeoutMs ?? 10_000);
    }
    return { redis: input, display, owned: false };
  }
  const target = parseRedisUrl(input);
  const redis = new Redis({
    ...clientOptions(target, options.connectionName),
    ...(options.failFast ? { maxRetriesPerRequest: 2 } : {}),
  });
  // Errors are reported through the promise below and the outage watcher; without a
  // listener ioredis would print each one.
  let refused = false;
  let cause: Error | undefined;
  redis.on("error", (error) => {
    refused ||= isAuthFailure(error);
    cause = error;
  });
  // Stopped when the connection fails first, so its timer does not hold the process open.
  const stopWaiting = new AbortController();
  const ready = waitReady(redis, target.display, options.connectTimeoutMs ?? 10_000, stopWaiting.signal);
  ready.catch(() => undefined);
  try {
    // The first attempt's failure ends it at once; a refused password is told apart below.
    await Promise.race([redis.connect(), ready]);
    await ready;
  } catch (error) {
    stopWaiting.abort();
    redis.disconnect();
    // ioredis reports the refusal as an error event and then rejects with "Connection is closed".
    if (refused || isAuthFailure(error)) {
      throw authError(target.display);
    }
    if (error instanceof RedisConnectionError) {
      throw error;
    }
    // The error event says why (refused, a certificate); the rejection only that it closed.
    throw new RedisConnectionError(
      "unreachable",
      `cannot connect to Redis at ${target.display}: ${(cause ?? (error as Error)).message}`,
    );
  }
  return { redis, display: target.display, owned: true };
}

function authError(display: string): RedisConnectionError {
  return new RedisConnectionError(
    "auth",
    `Redis at ${display} refused the credentials: check the user name and password in the queue URL`,
  );
}

function waitReady(redis: Redis, display: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let lastError: Error | undefined;
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      signal?.removeEventListener("abort", onAbort);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const onReady = () => done();
    const onError = (error: Error) => {
      lastError = error;
      if (isAuthFailure(error)) {
        done(authError(display));
      }
      // A certificate that does not check out will not on the next attempt either.
      else if (isCertificateFailure(error)) {
        done(
          new RedisConnectionError("unreachable", `cannot connect to Redis at ${display}: ${error.message}`),
        );
      }
    };
    const timer = setTimeout(() => {
      const why = lastError ? ` (${(lastError as NodeJS.ErrnoException).code ?? lastError.message})` : "";
      done(
        new RedisConnectionError(
          "unreachable",
          `cannot reach Redis at ${display} within ${Math.round(timeoutMs / 1000)}s${why}`,
        ),
      );
    }, timeoutMs);
    const onAbort = () =>
      done(new RedisConnectionError("unreachable", `stopped waiting for Redis at ${display}`));
    redis.on("ready", onReady);
    redis.on("error", onError);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface OutageWatch {
  /** Stops watching. */
  stop(): void;
  /** Whether the connection is down right now. */
  readonly down: boolean;
}

export interface OutageHandlers {
  /** Called once when the connection drops, with a message for people. */
  onDown(message: string): void;
  /** Called when it is back, with how long it was away. */
  onUp(message: string, downForMs: number): void;
  /** Called when it stayed away longer than `maxOutageMs`. */
  onGiveUp(error: RedisConnectionError): void;
}

/**
 * Watches a connected client: reports an outage when it starts and ends, and gives up after
 * `maxOutageMs` without Redis. Commands issued meanwhile wait for the reconnection.
 */
export function watchOutages(
  redis: Redis,
  display: string,
  maxOutageMs: number,
  handlers: OutageHandlers,
): OutageWatch {
  let downSince: number | undefined;
  let lastError = "";
  let giveUp: NodeJS.Timeout | undefined;
  const onError = (error: Error) => {
    lastError = (error as NodeJS.ErrnoException).code ?? error.message;
  };
  const onClose = () => {
    if (downSince !== undefined) {
      return;
    }
    downSince = Date.now();
    handlers.onDown(
      `lost the connection to Redis at ${display}${lastError ? ` (${lastError})` : ""}; waiting for it to come back (up to ${Math.round(maxOutageMs / 1000)}s)`,
    );
    giveUp = setTimeout(() => {
      handlers.onGiveUp(
        new RedisConnectionError(
          "lost",
          `Redis at ${display} stayed away for more than ${Math.round(maxOutageMs / 1000)}s`,
        ),
      );
    }, maxOutageMs);
    giveUp.unref();
  };
  const onReady = () => {
    if (downSince === undefined) {
      return;
    }
    const downForMs = Date.now() - downSince;
    downSince = undefined;
    clearTimeout(giveUp);
    handlers.onUp(`Redis at ${display} is back after ${(downForMs / 1000).toFixed(1)}s`, downForMs);
  };
  redis.on("error", onError);
  redis.on("close", onClose);
  redis.on("ready", onReady);
  return {
    stop() {
      clearTimeout(giveUp);
      redis.off("error", onError);
      redis.off("close", onClose);
      redis.off("ready", onReady);
    },
    get down() {
      return downSince !== undefined;
    },
  };
}
