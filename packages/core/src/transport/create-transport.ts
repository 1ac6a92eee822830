import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type KapsoError,
  SendOutcomeUnknownError,
} from "../errors.js";
import { parseRetryAfter } from "../internal/retry-after.js";
import { isRead, mayHaveActed } from "../outcome.js";
import { type AttemptResult, attempt, type Call, type Fetch } from "./attempt.js";
import type { Verdict } from "./decide.js";
import type { FailureFacts } from "./facts.js";
import { loadFailure } from "./load-failure.js";
import { applyOptions, DEFAULTS, type RequestOptions } from "./options.js";
import { backoff, sleep } from "./timers.js";

/** What happened to one request, reported once when it ends and once before each retry. */
export interface RequestEvent {
  method: string;
  url: string;
  /** The HTTP status of the last attempt, when there was an answer. */
  status?: number | undefined;
  /** The error the request ends with (or the last attempt's, before a retry). */
  error?: KapsoError | undefined;
  /** Milliseconds since the request started. */
  ms: number;
  /** Retries made so far. */
  retries: number;
  /** Set on the report before a retry: milliseconds until the next attempt. */
  retryIn?: number | undefined;
}

export interface TransportOptions extends Omit<RequestOptions, "signal"> {
  /**
   * The `fetch` that does the I/O, called as `fetch(url, init)`. Defaults to the global
   * `fetch`, looked up per call.
   */
  fetch?: Fetch | undefined;
  /**
   * The longest wait the transport accepts between attempts, in ms; a longer `Retry-After`
   * ends the retries and hands the 429 to the caller. Default 60 000; `Infinity` for none.
   */
  maxRetryDelay?: number | undefined;
  /** Called when a request ends and before each retry, e.g. to log it. */
  onRequest?: ((event: RequestEvent) => void) | undefined;
}

/** An answer with its body already read, within the request's bounds. */
export interface Answer {
  response: Response;
  text: string;
  /** Retries it took. */
  retries: number;
}

/** Sends one {@link Call} by the retry policy and resolves with its answer. */
export type Caller = (call: Call, options?: RequestOptions) => Promise<Answer>;

/** The error a failed attempt is reported and thrown with. */
function errorOf(
  failure: Extract<Verdict, { fail: unknown }>,
  result: AttemptResult,
  facts: FailureFacts,
): KapsoError {
  const { response } = result;
  const cause =
    failure.fail === "redirect"
      ? APIError.from(response!.status, facts.body, facts.headers!)
      : failure.fail === "abort"
        ? new APIUserAbortError()
        : failure.fail === "timeout"
          ? new APIConnectionTimeoutError(facts.message)
          : new APIConnectionError((result as { cause?: unknown }).cause, facts.message);
  return failure.unknown
    ? new SendOutcomeUnknownError(cause, response && { status: response.status, headers: facts.headers! })
    : cause;
}

/**
 * The engine of {@link createTransport}: makes attempts, asks `decide` what follows each
 * one that is not a plain success, and waits between them. Used directly by
 * `@kapsokit/client`, which reads the answer as text and needs no second `Response`.
 */
export function createCaller(options: TransportOptions = {}): Caller {
  const defaults = applyOptions(DEFAULTS, options);
  const { onRequest } = options;
  return async (call, request = {}) => {
    const settings = applyOptions(defaults, request);
    const { signal } = request;
    const started = Date.now();
    for (let retries = 0; ; retries++) {
      const timeout = Math.min(settings.timeout, started + settings.totalTimeout - Date.now());
      const result = await attempt(options.fetch ?? globalThis.fetch, call, timeout, signal);
      const { response } = result;
      const status = response?.status;
      if (result.kind === "answer" && (status as number) < 300) {
        onRequest?.({ method: call.method, url: call.url, ms: Date.now() - started, status, retries });
        return { response: result.response, text: result.text, retries };
      }
      const report = (error?: KapsoError, retryIn?: number) =>
        onRequest?.({
          method: call.method,
          url: call.url,
          ms: Date.now() - started,
          status,
          retries,
          error,
          retryIn,
        });
      // In a browser, loaded with the first failure: a page whose calls succeed never downloads it.
      const { factsOf, decide } = await loadFailure();
      const facts = factsOf(result, call, timeout);
      const verdict = decide(
        result,
        {
          read: isRead(call.method),
          notSent: facts.notSent,
          mayHaveActed: status !== undefined && mayHaveActed(call.method, status),
          retryAfter: parseRetryAfter(response?.headers.get("retry-after")),
          backoff: backoff(retries),
          retries,
          timeLeft: started + settings.totalTimeout - Date.now(),
        },
        settings,
      );
      if ("answer" in verdict) {
        report();
        return { ...(result as AttemptResult & { kind: "answer" }), retries };
      }
      if ("fail" in verdict) {
        const error = errorOf(verdict, result, facts);
        report(error);
        throw error;
      }
      report(
        result.kind === "failed"
          ? errorOf(
              { fail: result.ended === "timeout" ? "timeout" : "connection", unknown: false },
              result,
              facts,
            )
          : undefined,
        verdict.retry,
      );
      const aborted = await sleep(verdict.retry, signal);
      if (aborted) {
        report(aborted);
        throw aborted;
      }
    }
  };
}

/** The transport's own options out of a larger options object (a client's, say). */
export function transportOptionsOf(options: TransportOptions): TransportOptions {
  const { fetch, timeout, maxRetries, retryUnsafe, totalTimeout, maxRetryDelay, onRequest } = options;
  return { fetch, timeout, maxRetries, retryUnsafe, totalTimeout, maxRetryDelay, onRequest };
}

/** Per-request settings a transport takes beside the usual `RequestInit`. */
export type TransportInit = RequestInit & Omit<RequestOptions, "signal">;

/**
 * A `fetch` that retries by kapsokit's policy: call it as `fetch(input, init)`; `init` also
 * takes the per-request settings (`timeout`, `maxRetries`, `retryUnsafe`, `totalTimeout`).
 */
export type Transport = (input: string | URL | Request, init?: TransportInit) => Promise<Response>;

// Statuses whose responses have no body by definition; `new Response` refuses one for them.
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Creates the resilient `fetch` that `createClient` hands to openapi-fetch: a timeout per
 * attempt that covers the whole answer, body included; the caller's `AbortSignal`; redirects
 * never followed; and retries that never repeat a send which the server may have acted on.
 *
 * Reads (GET) are retried on 408, 429, 5xx and connection errors. Sends are retried only on
 * 429 and on connection failures before the request was written (a refused connection, a
 * failed DNS lookup); after a timeout, a drop mid-request or a lost body a send throws
 * {@link SendOutcomeUnknownError}, and a 5xx answer is returned as is, never repeated. Waits
 * follow `Retry-After` (seconds or a date), or capped exponential backoff with jitter.
 *
 * @example
 * ```ts
 * import { createTransport } from "@kapsokit/core";
 *
 * const transport = createTransport({ timeout: 10_000, maxRetries: 3 });
 * const response = await transport("https://app.kapso.ai/api/v1/whatsapp_templates", {
 *   headers: { "X-API-Key": process.env.KAPSO_API_KEY! },
 *   signal: AbortSignal.timeout(30_000),
 * });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const call = createCaller(transportOptionsOf(options));
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const headers: Record<string, string> = {};
    new Headers(init.headers ?? request?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body =
      init.body !== undefined && init.body !== null
        ? await new Response(init.body).arrayBuffer()
        : request?.body
          ? await request.arrayBuffer()
          : undefined;
    const { response, text } = await call(
      {
        url: request?.url ?? String(input),
        method: (init.method ?? request?.method ?? "GET").toUpperCase(),
        headers,
        body,
      },
      { ...init, signal: init.signal ?? request?.signal },
    );
    const answer = new Response(NULL_BODY.has(response.status) ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // A constructed Response has no URL; the caller may want the one that answered.
    Object.defineProperty(answer, "url", { value: response.url });
    return answer;
  };
}
