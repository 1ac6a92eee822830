// The transport's settings, checked once where they are given, so a bad value is one clear
// error at construction instead of a strange failure on every call.
import { KapsoError } from "../errors.js";

/** Settings of one request; each overrides the transport's setting of the same name. */
export interface RequestOptions {
  /** Aborts the request, including a wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Milliseconds one attempt may take, reading the answer included. Default 60 000; `Infinity` for no limit. */
  timeout?: number | undefined;
  /** Attempts after the first one. Default 2; `Infinity` for no limit (`totalTimeout` still applies). */
  maxRetries?: number | undefined;
  /**
   * Also retry a send after a timeout, a connection dropped mid-request or a 5xx, where the
   * server may already have acted: the message can then be delivered twice. Default false.
   */
  retryUnsafe?: boolean | undefined;
  /** Milliseconds the whole call may take, attempts and waits together. Default `Infinity`. */
  totalTimeout?: number | undefined;
}

/** The settings every request of a transport starts from. */
export interface Settings {
  timeout: number;
  totalTimeout: number;
  maxRetries: number;
  maxRetryDelay: number;
  retryUnsafe: boolean;
}

export const DEFAULTS: Settings = {
  timeout: 60_000,
  totalTimeout: Number.POSITIVE_INFINITY,
  maxRetries: 2,
  maxRetryDelay: 60_000,
  retryUnsafe: false,
};

// The smallest value each number may take; all may be `Infinity`.
const LEAST: [Exclude<keyof Settings, "retryUnsafe">, number][] = [
  ["timeout", 1],
  ["totalTimeout", 1],
  ["maxRetryDelay", 0],
  ["maxRetries", 0],
];

/**
 * The settings with `options` applied over `base`, or a `KapsoError` naming the first option
 * that is not a number of the right kind (`NaN`, a string, a negative timeout, a fraction of
 * a retry …).
 */
export function applyOptions(base: Settings, options: Partial<Record<keyof Settings, unknown>>): Settings {
  // Copied only when an option changes it: most calls pass none, and this runs on every call.
  let settings = base;
  for (const [name, least] of LEAST) {
    const value = options[name];
    if (value !== undefined) {
      if (
        typeof value !== "number" ||
        !(value >= least) ||
        (name === "maxRetries" && value % 1 && value !== Number.POSITIVE_INFINITY)
      ) {
        throw new KapsoError(
          `${name} must be a ${name === "maxRetries" ? "whole " : ""}number from ${least}, or Infinity; not ${value}`,
        );
      }
      settings = settings === base ? { ...base } : settings;
      settings[name] = value;
    }
  }
  if (options.retryUnsafe !== undefined) {
    settings = { ...settings, retryUnsafe: options.retryUnsafe === true };
  }
  return settings;
}
