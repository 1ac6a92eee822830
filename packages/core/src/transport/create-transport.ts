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

export interface TransportOptions extends Omit<RequestOptions, "signal" | "totalTimeout"> {
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

/** A `fetch` that retries by kapsokit's policy; the second argument holds per-request settings. */
export type Transport = (request: Request, options?: RequestOptions) => Promise<Response>;

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
    const signal = options.signal ?? request.signal;
    const timeout = options.timeout ?? defaults.timeout ?? 60_000;
    const maxRetries = options.maxRetries ?? defaults.maxRetries ?? 2;
    const read = isRead(request.method);
    const repeatable = read || (options.retryUnsafe ?? defaults.retryUnsafe ?? false);
    const started = Date.now();
    const deadline = started + (options.totalTimeout ?? Number.POSITIVE_INFINITY);
    let retries = 0;
    const report = (event: Partial<RequestEvent>) =>
      defaults.onRequest?.({
        method: request.method,
        url: request.url,
        ms: Date.now() - started,
        retries,
        ...event,
      });
    // Read once so every attempt can send the same bytes.
    const body = request.body ? await request.arrayBuffer() : undefined;
    for (;;) {
      let { response, error, notSent } = signal.aborted
        ? { error: new APIUserAbortError() }
        : await attempt(
            defaults.fetch ?? globalThis.fetch,
            request,
            body,
            signal,
            Math.min(timeout, deadline - Date.now()),
          );
      const retryable = response
        ? isRetryableStatus(response.status, repeatable)
        : !(error instanceof APIUserAbortError) && (repeatable || notSent);
      let wait = response && parseRetryAfter(response.headers);
      wait ??= backoff(retries);
      if (
        retryable &&
        retries < maxRetries &&
        wait <= (defaults.maxRetryDelay ?? 60_000) &&
        Date.now() + wait < deadline
      ) {
        report({ status: response?.status, error, retryIn: wait });
        await response?.body?.cancel();
        await sleep(wait, signal).catch((abortError: KapsoError) => {
          report({ error: abortError });
          throw abortError;
        });
        retries++;
        continue;
      }
      if (response) {
        report({ status: response.status });
        return response;
      }
      if (!read && !notSent && error instanceof APIConnectionError) {
        error = new SendOutcomeUnknownError(error);
      }
      report({ error });
      throw error;
    }
  };
}

interface Attempt {
  response?: Response;
  error?: KapsoError;
  /** The error proves the request never reached the server. */
  notSent?: boolean;
}

/** One fetch, ended by the caller's signal or by its own timeout. */
async function attempt(
  fetch: (request: Request) => Promise<Response>,
  request: Request,
  body: ArrayBuffer | undefined,
  signal: AbortSignal,
  timeout: number,
): Promise<Attempt> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, timeout);
  signal.addEventListener("abort", abort);
  try {
    // The race also ends an attempt whose fetch ignores its signal.
    return {
      response: await Promise.race([
        fetch(new Request(request, { body, signal: controller.signal })),
        new Promise<never>((_, reject) => {
          controller.signal.onabort = reject;
        }),
      ]),
    };
  } catch (cause) {
    if (signal.aborted) return { error: new APIUserAbortError() };
    if (timedOut) return { error: new APIConnectionTimeoutError() };
    return { error: new APIConnectionError(undefined, { cause }), notSent: isNotSent(cause) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
  }
}

/** Waits `ms`, or rejects with {@link APIUserAbortError} as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    if (signal.aborted) stop();
    signal.addEventListener("abort", stop);
  });
}
