import { classifyFailure, DEFAULT_BASE_URL, KapsoError } from "@kapsokit/core";
import { baseUrlOf, checkApiKey, createCaller, wireHeaders } from "@kapsokit/core/internal";
import { isBrowser, readEnv } from "./env.js";
import { createLog, type Logger, type LogLevel } from "./log.js";
import { createTemplates, type Templates } from "./resources/templates.js";

export interface KapsoOptions {
  /** Sent as `X-API-Key`. Defaults to the `KAPSO_API_KEY` environment variable. */
  apiKey?: string;
  /** Defaults to `KAPSO_BASE_URL`, then `https://app.kapso.ai/api/v1`. */
  baseUrl?: string;
  /**
   * A `fetch` to use instead of the global one (a mock in tests, a proxy-aware fetch, …),
   * called as `fetch(url, init)` like the platform's own.
   */
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Milliseconds one attempt may take, reading the answer included. Default 60 000; `Infinity` for none. */
  timeout?: number;
  /** Attempts after the first one. Default 2. */
  maxRetries?: number;
  /** Milliseconds a whole call may take, attempts and waits together. Default `Infinity`. */
  totalTimeout?: number;
  /** The longest wait between attempts (a longer `Retry-After` is handed to you). Default 60 000. */
  maxRetryDelay?: number;
  /** Also retry sends whose outcome is unknown; a message can then arrive twice. Default false. */
  retryUnsafe?: boolean;
  /** Headers sent with every request; they cannot replace the API key or User-Agent. */
  defaultHeaders?: Record<string, string>;
  /** Default `KAPSO_LOG`, then `"warn"`. */
  logLevel?: LogLevel;
  /** Default `console`. */
  logger?: Logger;
  /** Allow running in a web page, where every visitor can read the API key. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Check every send against its template first (fetched once, then trusted for `ttl` ms,
   * default 5 minutes; `ttl: 0` fetches it before every send), refusing one whose parameters,
   * header or buttons do not fit. Off by default for `send`, on for `sendMany`; set here, it
   * applies to both.
   */
  validateAgainstTemplate?: boolean | { ttl?: number };
}

/** How long a fetched template is trusted by default. */
const TEMPLATE_TTL = 300_000;

/** `validateAgainstTemplate` as a ttl: a number when on, false when off, undefined when not set. */
function templateCheckOf(option: KapsoOptions["validateAgainstTemplate"]): number | false | undefined {
  const ttl = typeof option === "object" ? (option.ttl ?? TEMPLATE_TTL) : option && TEMPLATE_TTL;
  if (ttl !== undefined && ttl !== false && !(ttl >= 0)) {
    throw new KapsoError(`validateAgainstTemplate.ttl must be a number from 0, not ${ttl}`);
  }
  return ttl;
}

/**
 * The Kapso API client.
 *
 * @example
 * ```ts
 * import { Kapso } from "@kapsokit/client";
 *
 * const kapso = new Kapso(); // reads KAPSO_API_KEY
 * await kapso.templates.send("3c90c3cc-0d44-4b50-8888-8dd25736052a", {
 *   to: "+1 415 555 0123",
 *   parameters: ["John", "Tomorrow at 2 PM"],
 * });
 * ```
 */
export class Kapso {
  readonly baseUrl: string;
  readonly templates: Templates;

  constructor(options: KapsoOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("KAPSO_API_KEY");
    if (!apiKey) {
      throw new KapsoError("Missing API key: pass { apiKey } or set KAPSO_API_KEY");
    }
    checkApiKey(apiKey);
    if (isBrowser() && !options.dangerouslyAllowBrowser) {
      throw new KapsoError(
        "In a browser every visitor can read the API key; pass dangerouslyAllowBrowser to accept that",
      );
    }
    const log = createLog(options.logLevel ?? readEnv("KAPSO_LOG"), options.logger ?? console);
    this.baseUrl = options.baseUrl ?? readEnv("KAPSO_BASE_URL") ?? DEFAULT_BASE_URL;
    // A bad URL fails here, once, rather than on every call.
    if (!/^https?:\/\/[^/?#\s]+[^\s]*$/i.test(this.baseUrl)) {
      throw new KapsoError("baseUrl must be an http or https URL");
    }
    const base = baseUrlOf({ apiKey, baseUrl: this.baseUrl });
    // One line per request: method, path, status and error class, duration and retries; nothing
    // a server sent, so never the key. Only a send whose outcome is unknown is loud: what is
    // thrown to the caller is the caller's to report, and a retry is routine.
    const logEnd = (
      method: string,
      path: string,
      ms: number,
      retries: number,
      status?: number,
      error?: Error,
    ) =>
      log(error && classifyFailure(error).kind === "unknown" ? "error" : "info", () =>
        [method, path, status, error?.name, `${ms}ms`, `retries=${retries}`].filter((part) => part).join(" "),
      );
    const call = createCaller({
      fetch: options.fetch,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      totalTimeout: options.totalTimeout,
      maxRetryDelay: options.maxRetryDelay,
      retryUnsafe: options.retryUnsafe,
      // The end of a request that got an answer is logged by `request`, which knows what became of it.
      onRequest: ({ method, url, status, error, ms, retries, retryIn }) =>
        retryIn === undefined
          ? error && logEnd(method, url.slice(base.length), ms, retries, status, error)
          : log(
              "debug",
              () => `${method} ${url.slice(base.length)} ${status ?? error?.name} retry in ${retryIn | 0}ms`,
            ),
    });
    this.templates = createTemplates({
      baseUrl: base,
      headers: wireHeaders({ apiKey, headers: options.defaultHeaders }),
      call,
      logEnd,
      templateCheck: templateCheckOf(options.validateAgainstTemplate),
    });
  }

  /** The client as JSON, without its API key. */
  toJSON(): { baseUrl: string; apiKey: string } {
    return { baseUrl: this.baseUrl, apiKey: "[redacted]" };
  }

  /** How Node's `util.inspect` (and so `console.log`) shows the client: without its API key. */
  [Symbol.for("nodejs.util.inspect.custom")](): object {
    return this.toJSON();
  }
}
