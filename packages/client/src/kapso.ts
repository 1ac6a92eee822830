import { createTransport, DEFAULT_BASE_URL, KapsoError, SendOutcomeUnknownError } from "@kapsokit/core";
import { isBrowser, readEnv } from "./env.js";
import { createLog, type Logger, type LogLevel } from "./log.js";
import { createTemplates, type Templates } from "./resources/templates.js";

export interface KapsoOptions {
  /** Sent as `X-API-Key`. Defaults to the `KAPSO_API_KEY` environment variable. */
  apiKey?: string;
  /** Defaults to `KAPSO_BASE_URL`, then `https://app.kapso.ai/api/v1`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one: a mock in tests, a proxy-aware fetch, … */
  fetch?: (request: Request) => Promise<Response>;
  /** Milliseconds one attempt may take. Default 60 000. */
  timeout?: number;
  /** Attempts after the first one. Default 2. */
  maxRetries?: number;
  /** Milliseconds a whole call may take, attempts and waits together; no retry waits past it. */
  totalTimeout?: number;
  /** The longest wait between attempts (a longer `Retry-After` is handed to you). Default 60 000. */
  maxRetryDelay?: number;
  /** Also retry sends whose outcome is unknown; a message can then arrive twice. Default false. */
  retryUnsafe?: boolean;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Default `KAPSO_LOG`, then `"warn"`. */
  logLevel?: LogLevel;
  /** Default `console`. */
  logger?: Logger;
  /** Allow running in a web page, where every visitor can read the API key. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Check every send against its template first (fetched once, then cached for `ttl` ms,
   * default 5 minutes), refusing one whose parameters or header do not fit.
   */
  validateAgainstTemplate?: boolean | { ttl?: number };
}

const REDACTED = "[redacted]";

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
    if (!apiKey) throw new KapsoError("Missing API key: pass { apiKey } or set KAPSO_API_KEY");
    if (isBrowser() && !options.dangerouslyAllowBrowser) {
      throw new KapsoError(
        "In a browser every visitor can read the API key; pass dangerouslyAllowBrowser to accept that",
      );
    }
    const redact = (text: string) => text.split(apiKey).join(REDACTED);
    const log = createLog(options.logLevel ?? readEnv("KAPSO_LOG"), options.logger ?? console, redact);
    const check = options.validateAgainstTemplate;
    const transport = createTransport({
      ...options,
      // One line per request: method, path, status (or error), duration and retries; at debug,
      // also one before each retry.
      onRequest: ({ method, url, status, error, ms, retries, retryIn }) => {
        // Built only when the level lets the line through: this runs on every request.
        const line = () =>
          `${method} ${new URL(url).pathname} ${status ?? error?.name} ${ms}ms retries=${retries}`;
        if (retryIn !== undefined) log("debug", () => `${line()}, retrying in ${retryIn.toFixed()}ms`);
        else
          log(
            error instanceof SendOutcomeUnknownError ? "error" : error || status! > 399 ? "warn" : "info",
            line,
          );
      },
    });
    this.baseUrl = options.baseUrl ?? readEnv("KAPSO_BASE_URL") ?? DEFAULT_BASE_URL;
    // A bad URL fails here, once, rather than as a TypeError on every call.
    try {
      new URL(this.baseUrl);
    } catch {
      throw new KapsoError(`baseUrl is not a URL: ${redact(this.baseUrl)}`);
    }
    this.templates = createTemplates({
      connection: { apiKey, baseUrl: this.baseUrl, headers: options.defaultHeaders },
      transport,
      redact: (value) => {
        const json = JSON.stringify(value);
        return json?.includes(apiKey) ? JSON.parse(redact(json)) : value;
      },
      templateTtl: check ? ((check as { ttl?: number }).ttl ?? 3e5) : undefined,
    });
  }

  /** The client as JSON, without its API key. */
  toJSON(): { baseUrl: string; apiKey: string } {
    return { baseUrl: this.baseUrl, apiKey: REDACTED };
  }

  /** How Node's `util.inspect` (and so `console.log`) shows the client: without its API key. */
  [Symbol.for("nodejs.util.inspect.custom")](): object {
    return this.toJSON();
  }
}
