import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type KapsoError,
  parseRetryAfter,
  SendOutcomeUnknownError,
} from "../errors.js";
import { backoff, isNotSent, isRead, isRetryableStatus } from "./retry-policy.js";

/** Per-request settings; each overrides the transport's default of the same name. */
export interface RequestOptions {
  /** Aborts the request, including a wait between attempts. */
  signal?: AbortSignal;
  /** Milliseconds one attempt may take before it is abandoned. Default 60 000. */
  timeout?: number;
  /** Attempts after the first one. Default 2. */
  maxRetries?: number;
  /**
   * Also retry a send after a timeout, a connection dropped mid-request or a 5xx, where the
   * server may already have acted: the message can then be delivered twice. Default false.
   */
  retryUnsafe?: boolean;
  /** Milliseconds the whole call may take, attempts and waits together; no retry waits past it. */
  totalTimeout?: number;
}

/** What happened to one request, reported once when it ends and once before each retry. */
export interface RequestEvent {
  method: string;
  url: string;
  /** The HTTP status of the last attempt, when there was an answer. */
  status?: number;
  /** The error of the last attempt, when there was no answer. */
  error?: KapsoError;
  /** Milliseconds since the request started. */
  ms: number;
  /** Retries made so far. */
  retries: number;
  /** Set on the report before a retry: milliseconds until the next attempt. */
  retryIn?: number;
}

export interface TransportOptions extends Omit<RequestOptions, "signal"> {
  /** The `fetch` that does the I/O. Defaults to the global `fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The longest wait the transport accepts between attempts, in ms; a longer `Retry-After`
   * ends the retries and hands the 429 to the caller. Default 60 000.
   */
  maxRetryDelay?: number;
  /** Called when a request ends and before each retry, e.g. to log it. */
  onRequest?: (event: RequestEvent) => void;
}

/**
 * A request not yet turned into a `Request`: the transport builds exactly one `Request` per
 * attempt from it, instead of building one here and copying it (body read back) per attempt.
 */
export interface RequestParts {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON text of the body, if any. */
  body?: string | undefined;
}

/**
 * A `fetch` that retries by kapsokit's policy. It takes a `Request` (as openapi-fetch hands
 * it) or {@link RequestParts}; the second argument holds per-request settings.
 */
export type Transport = (request: Request | RequestParts, options?: RequestOptions) => Promise<Response>;

/**
 * Creates the resilient `fetch` that `createClient` hands to openapi-fetch: a timeout per
 * attempt, the caller's `AbortSignal`, and retries that never repeat a send which the server
 * may have acted on.
 *
 * Reads (GET) are retried on 408, 429, 5xx and connection errors. Sends are retried only on
 * 429 and on connection failures before the request was written (a refused connection, a
 * failed DNS lookup); after a timeout, a drop mid-request or a 5xx they are not repeated,
 * and a timeout or drop becomes a {@link SendOutcomeUnknownError}. Waits follow
 * `Retry-After` (seconds or a date) or else capped exponential backoff with jitter.
 *
 * @example
 * ```ts
 * import { createTransport } from "@kapsokit/core";
 *
 * const transport = createTransport({ timeout: 10_000, maxRetries: 3 });
 * const response = await transport(new Request("https://app.kapso.ai/api/v1/whatsapp_templates"), {
 *   signal: AbortSignal.timeout(30_000),
 * });
 * ```
 */
export function createTransport(defaults: TransportOptions = {}): Transport {
  return async (request, options = {}) => {
    const original = isRequest(request) ? request : undefined;
    const signal = options.signal ?? original?.signal;
    const read = isRead(request.method);
    const repeatable = read || (options.retryUnsafe ?? defaults.retryUnsafe);
    const started = Date.now();
    const deadline = started + (options.totalTimeout ?? defaults.totalTimeout ?? 1e15);
    let retries = 0;
    const report = (event: Partial<RequestEvent>) =>
      defaults.onRequest?.({
        method: request.method,
        url: request.url,
        ms: Date.now() - started,
        retries,
        ...event,
      });
    // A Request's body is a stream: read it once so every attempt can send the same bytes.
    const body = original ? (original.body ? await original.arrayBuffer() : undefined) : request.body;
    const init = (controller: AbortController): RequestInit =>
      original
        ? { body, signal: controller.signal }
        : { method: request.method, headers: request.headers, body, signal: controller.signal };
    for (;;) {
      let response: Response | undefined;
      let error: KapsoError | undefined;
      let notSent = false;
      let timedOut = false;
      const controller = new AbortController();
      const abort = () => controller.abort();
      const timer = setTimeout(
        () => {
          timedOut = true;
          abort();
        },
        Math.min(options.timeout ?? defaults.timeout ?? 60_000, deadline - Date.now()),
      );
      signal?.addEventListener("abort", abort);
      try {
        if (signal?.aborted) throw signal.reason;
        // Racing the abort also ends an attempt whose fetch ignores its signal.
        response = await Promise.race([
          (defaults.fetch ?? globalThis.fetch)(new Request(original ?? request.url, init(controller))),
          new Promise<never>((_, reject) => {
            controller.signal.onabort = reject;
          }),
        ]);
      } catch (cause) {
        notSent = isNotSent(cause);
        error = signal?.aborted
          ? new APIUserAbortError()
          : timedOut
            ? new APIConnectionTimeoutError()
            : new APIConnectionError(cause);
      }
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);

      const wait = (response && parseRetryAfter(response.headers)) ?? backoff(retries);
      if (
        (response
          ? isRetryableStatus(response.status, repeatable)
          : !(error instanceof APIUserAbortError) && (repeatable || notSent)) &&
        retries < (options.maxRetries ?? defaults.maxRetries ?? 2) &&
        wait <= (defaults.maxRetryDelay ?? 60_000) &&
        Date.now() + wait < deadline
      ) {
        report({ status: response?.status, error, retryIn: wait });
        // Free the connection; not awaited, since a teed body only settles when both halves do.
        response?.body?.cancel().catch(() => {});
        error = await sleep(wait, signal);
        if (!error) {
          retries++;
          continue;
        }
        response = undefined;
      }
      if (response) {
        report({ status: response.status });
        return response;
      }
      if (!read && !notSent && error instanceof APIConnectionError)
        error = new SendOutcomeUnknownError(error);
      report({ error });
      throw error;
    }
  };
}

/** Duck-typed: a Request from another realm (a test environment, a polyfill) counts too. */
function isRequest(input: Request | RequestParts): input is Request {
  return typeof (input as Partial<Request>).arrayBuffer === "function";
}

/** Waits `ms`; resolves early with an {@link APIUserAbortError} when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<APIUserAbortError | undefined> {
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      resolve(signal?.aborted ? new APIUserAbortError() : undefined);
    };
    const timer = setTimeout(stop, ms);
    signal?.addEventListener("abort", stop);
    if (signal?.aborted) stop();
  });
}
