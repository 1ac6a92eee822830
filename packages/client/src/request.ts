import { APIError, mayHaveActed, SendOutcomeUnknownError } from "@kapsokit/core";
import { type Caller, redactAnswer } from "@kapsokit/core/internal";
import type { RequestOptions, WithResponse } from "./types.js";

/** What a resource needs from its client. */
export interface ClientContext {
  /** The base URL, without a trailing slash. */
  baseUrl: string;
  /** The API key, User-Agent and default headers of every request. */
  headers: Record<string, string>;
  call: Caller;
  /** Logs the end of a request: its level follows the outcome (see `classifyFailure`). */
  logEnd(method: string, path: string, ms: number, retries: number, status?: number, error?: Error): void;
  /**
   * The client's `validateAgainstTemplate`: how long a fetched template is trusted (0: fetched
   * before every send), false when switched off, undefined when not set.
   */
  templateCheck: number | false | undefined;
}

/** One operation's parameters in wire form. */
export interface WireCall {
  /** The path after the base URL, its parameters already encoded. */
  path: string;
  /** The query string, `?` included, or empty. */
  query?: string;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * Makes one call and turns an HTTP error into its error class, the API key removed from all
 * the server sent back. A send answered 5xx, or with a success that cannot be read, may have
 * been delivered, so it becomes a {@link SendOutcomeUnknownError} carrying the answer.
 */
export async function request<T>(
  context: ClientContext,
  method: "GET" | "POST",
  call: WireCall,
  options: RequestOptions = {},
): Promise<WithResponse<T>> {
  const { headers } = options;
  const json = call.body !== undefined;
  const started = Date.now();
  const { response, text, retries } = await context.call(
    {
      url: `${context.baseUrl}${call.path}${call.query ?? ""}`,
      method,
      headers:
        json || headers
          ? {
              ...headers,
              ...context.headers,
              ...(json ? { "Content-Type": "application/json" } : undefined),
            }
          : context.headers,
      body: json ? JSON.stringify(call.body) : undefined,
    },
    options,
  );
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  const end = (error?: Error) =>
    context.logEnd(method, call.path, Date.now() - started, retries, response.status, error);
  if (response.ok && body && typeof body === "object") {
    end();
    return { data: body as T, response, requestId: response.headers.get("x-request-id") ?? undefined };
  }
  const answer = await redactAnswer(context.headers["X-API-Key"] ?? "", body, response.headers);
  const failure = APIError.from(response.status, answer.body, answer.headers);
  const error = mayHaveActed(method, response.status) ? new SendOutcomeUnknownError(failure) : failure;
  end(error);
  throw error;
}
