import {
  createClient,
  createTransport,
  KapsoError,
  type RequestEvent,
  SendOutcomeUnknownError,
} from "@kapsokit/core";
import { isBrowser, readEnv } from "./env.js";
import { createLog, type Logger, type LogLevel } from "./log.js";
import { Templates } from "./resources/templates.js";

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
  readonly baseUrl: string | undefined;
  readonly templates: Templates;

  constructor(options: KapsoOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("KAPSO_API_KEY");
    if (!apiKey) throw new KapsoError("No API key: pass new Kapso({ apiKey }) or set KAPSO_API_KEY");
    if (isBrowser() && !options.dangerouslyAllowBrowser) {
      throw new KapsoError(
        "Refusing to run in a browser, where every visitor could read the API key; call Kapso from a server, or pass dangerouslyAllowBrowser: true",
      );
    }
    const redactText = (text: string) => text.split(apiKey).join(REDACTED);
    const log = createLog(
      options.logLevel ?? readEnv("KAPSO_LOG") ?? "warn",
      options.logger ?? console,
      redactText,
    );
    const onRequest = (event: RequestEvent) => {
      const { method, url, status, error, ms, retries, retryIn } = event;
      const line = `${method} ${new URL(url).pathname} ${status ?? error?.name} ${ms}ms retries=${retries}`;
      if (retryIn !== undefined) log("info", `${line}, retrying in ${Math.round(retryIn)}ms`);
      else
        log(
          error instanceof SendOutcomeUnknownError ? "error" : error || status! >= 400 ? "warn" : "info",
          line,
        );
    };
    this.baseUrl = options.baseUrl ?? readEnv("KAPSO_BASE_URL");
    const transport = createTransport({ ...options, onRequest });
    const { validateAgainstTemplate: check } = options;
    this.templates = new Templates({
      api: createClient({ apiKey, baseUrl: this.baseUrl, headers: options.defaultHeaders, transport }),
      transport,
      redact: (value) =>
        JSON.stringify(value)?.includes(apiKey) ? JSON.parse(redactText(JSON.stringify(value))) : value,
      templateTtl: check ? ((check as { ttl?: number }).ttl ?? 300_000) : undefined,
    });
  }

  /** The client as JSON, without its API key. */
  toJSON(): { baseUrl: string | undefined; apiKey: string } {
    return { baseUrl: this.baseUrl, apiKey: REDACTED };
  }

  /** How Node's `util.inspect` (and so `console.log`) shows the client: without its API key. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Kapso ${JSON.stringify(this)}`;
  }
}
