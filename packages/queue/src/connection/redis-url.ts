// Redis URLs as deployments write them (`redis://user:password@host:port/db`, `rediss://` for
// TLS), turned into connection options, and shown to people with the password masked.
import { isIP } from "node:net";
import type { RedisOptions } from "ioredis";
import { QueueError } from "../errors.js";

/** The environment variable a Redis URL is read from, so its password stays out of process lists. */
export const QUEUE_URL_ENV = "KAPSO_QUEUE_URL";

/** A parsed Redis URL: connection options and a form safe to print. */
export interface RedisTarget {
  options: RedisOptions & { host: string; port: number; db: number };
  /** The URL with its password replaced by `***`: for messages and logs. */
  display: string;
  tls: boolean;
}

const MASK = "***";

/**
 * Parses a `redis://` or `rediss://` URL. Throws a `QueueError` (that never quotes the
 * password) when it is not one.
 *
 * @example
 * ```ts
 * const { options, display } = parseRedisUrl("redis://app:s3cret@10.0.0.5:6380/2");
 * display; // "redis://app:***@10.0.0.5:6380/2"
 * ```
 */
export function parseRedisUrl(text: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new QueueError(
      `the queue URL is not a URL: give one like redis://host:6379 (or rediss:// for TLS)`,
    );
  }
  const tls = url.protocol === "rediss:";
  if (url.protocol !== "redis:" && !tls) {
    throw new QueueError(
      `the queue URL must start with redis:// or rediss://, not ${url.protocol}// (a password, if any, is not shown)`,
    );
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) {
    throw new QueueError("the queue URL names no host: give one like redis://host:6379");
  }
  const port = url.port ? Number(url.port) : 6379;
  const path = url.pathname.replace(/^\/+/, "");
  const db = path === "" ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0) {
    throw new QueueError(`the queue URL's database must be a number such as /0, not /${path}`);
  }
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const options: RedisTarget["options"] = { host, port, db };
  if (username) {
    options.username = username;
  }
  if (password) {
    options.password = password;
  }
  // The certificate is checked against the host name (SNI takes names only, not addresses).
  if (tls) {
    options.tls = isIP(host) ? {} : { servername: host };
  }
  const credentials = username || password ? `${url.username}${password ? `:${MASK}` : ""}@` : "";
  const display = `${url.protocol}//${credentials}${url.host}${db ? `/${db}` : ""}`;
  return { options, display, tls };
}

/**
 * The Redis URL to use: the one given, or `KAPSO_QUEUE_URL` when the value is absent or is
 * the word `env` (so `--queue env` keeps the password out of the command line).
 *
 * @example
 * ```ts
 * resolveRedisUrl("env", { KAPSO_QUEUE_URL: "redis://:pw@127.0.0.1:6379" }); // "redis://:pw@127.0.0.1:6379"
 * ```
 */
export function resolveRedisUrl(
  value: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string {
  if (value !== undefined && value !== "env") {
    return value;
  }
  const fromEnv = env[QUEUE_URL_ENV]?.trim();
  if (!fromEnv) {
    throw new QueueError(
      value === "env"
        ? `--queue env: ${QUEUE_URL_ENV} is not set`
        : `no Redis URL: pass --queue redis://host:6379, or set ${QUEUE_URL_ENV} and pass --queue env`,
    );
  }
  return fromEnv;
}
