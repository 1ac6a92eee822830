// Every error kapsokit throws, in one module, so `instanceof` checks have one place to look.
// Names are set explicitly: minifiers rename classes, and `error.name` must survive bundling.
import { parseRetryAfter } from "./internal/retry-after.js";

/** The longest message taken from a response body; the whole body stays on `error.body`. */
const MESSAGE_LENGTH = 300;

/** The base class of every error kapsokit throws. */
export class KapsoError extends Error {
  override name = "KapsoError";
}

/** One problem with the input of a call, found before anything was sent. */
export interface ValidationIssue {
  /** Where the problem is, such as `to`, `parameters[1]` or `header.url`. */
  path: string;
  message: string;
}

/**
 * Input that would be refused by the API (or that does not fit the template), caught before
 * any request was sent. `issues` lists every problem, not just the first.
 */
export class ValidationError extends KapsoError {
  override name = "ValidationError";
  declare readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path} ${i.message}`).join("; "));
    this.issues = issues;
  }
}

/** A body's text as one readable line, cut to a readable length. */
function summarize(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MESSAGE_LENGTH ? `${line.slice(0, MESSAGE_LENGTH)}…` : line;
}

/** What an HTTP answer says went wrong, in one line. */
function describeAnswer(status: number, body: unknown, headers: Headers): string {
  const location = headers.get("location");
  if (status === 0 || (status >= 300 && status < 400)) {
    // `redirect: "manual"`: a browser hides the status and the target (an opaque redirect).
    return `HTTP ${status || "3xx"} redirect${location ? ` to ${location}` : ""}, not followed: kapsokit never follows redirects`;
  }
  const b = (body ?? {}) as { message?: unknown; error?: unknown };
  const text = [b.message, b.error, body].find((m) => typeof m === "string" && m.trim());
  return text ? summarize(text as string) : `HTTP ${status}`;
}

/** The API answered with an HTTP error status (or a redirect, which is never followed). */
export class APIError extends KapsoError {
  override name = "APIError";
  // `declare`: assigned in the constructor, so no field initialisers are emitted.
  /** The HTTP status (0 for a redirect a browser hid). */
  declare readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  declare readonly body: unknown;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The server's `X-Request-Id`, when it sent one. */
  declare readonly requestId: string | undefined;

  /**
   * `message` is the server's own (`message` or `error` of the body, or the start of a text
   * body) when it gave one. kapsokit hands it a body and headers with the API key removed.
   */
  constructor(status: number, body: unknown, headers: Headers) {
    super(describeAnswer(status, body, headers));
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.requestId = headers.get("x-request-id") ?? undefined;
  }

  /**
   * The error class for a status: `RateLimitError` for 429, `NotFoundError` for 404, …
   *
   * @example
   * ```ts
   * const { error, response } = await api.GET("/whatsapp_templates");
   * if (error !== undefined) throw APIError.from(response.status, error, response.headers);
   * ```
   */
  static from(status: number, body: unknown, headers: Headers): APIError {
    const Class =
      status >= 500
        ? InternalServerError
        : ({
            400: BadRequestError,
            401: AuthenticationError,
            403: PermissionDeniedError,
            404: NotFoundError,
            422: UnprocessableEntityError,
            429: RateLimitError,
          }[status] ?? APIError);
    return new Class(status, body, headers);
  }
}

/** 400: the request was malformed. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** 401: the API key is missing or not valid. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** 403: the API key may not do this. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** 404: no such template. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** 422: the API refused the input, e.g. a parameter count that does not fit the template. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
/** 429: too many requests for this API key; wait `retryAfter` ms before the next one. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Milliseconds to wait, from `Retry-After` (seconds or an HTTP date); undefined without one. */
  declare readonly retryAfter: number | undefined;
  constructor(status: number, body: unknown, headers: Headers) {
    super(status, body, headers);
    this.retryAfter = parseRetryAfter(headers.get("retry-after"));
  }
}
/** 5xx: the server failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/**
 * No HTTP answer: the connection failed or dropped. The message names the host and the
 * runtime's reason; `cause` holds the runtime's own error.
 */
export class APIConnectionError extends KapsoError {
  override name = "APIConnectionError";
  constructor(cause?: unknown, message = "Connection error") {
    super(message, { cause });
  }
}
/** An attempt took longer than the `timeout` option (or the call than `totalTimeout`). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  constructor(message = "Request timed out") {
    super(undefined, message);
  }
}
/** The caller's `AbortSignal` fired before a send could have reached the server. */
export class APIUserAbortError extends KapsoError {
  override name = "APIUserAbortError";
  constructor() {
    super("Request aborted");
  }
}

/**
 * A send may or may not have been delivered: it timed out, the connection dropped after the
 * request was written, the caller aborted it in flight, or the server answered 5xx or with a
 * success that could not be read. Sending it again could send the message twice, so kapsokit
 * does not (unless `retryUnsafe` is set). `cause` says what happened; when there was an HTTP
 * answer, its status, body, headers and request id are here too.
 */
export class SendOutcomeUnknownError extends KapsoError {
  override name = "SendOutcomeUnknownError";
  declare readonly cause: APIError | APIConnectionError | APIUserAbortError;
  /** The HTTP status of the answer, when there was one. */
  declare readonly status: number | undefined;
  /** The answer's body (parsed JSON or text), when it could be read. */
  declare readonly body: unknown;
  /** The answer's headers, when there was an answer. */
  declare readonly headers: Headers | undefined;
  /** The server's `X-Request-Id`, when it sent one. */
  declare readonly requestId: string | undefined;

  constructor(
    cause: APIError | APIConnectionError | APIUserAbortError,
    answer?: { status: number; headers: Headers },
  ) {
    super(`Send outcome unknown, the message may have been delivered: ${cause.message}`, { cause });
    const api = cause as Partial<APIError>;
    this.status = api.status ?? answer?.status;
    this.body = api.body;
    this.headers = api.headers ?? answer?.headers;
    this.requestId = this.headers?.get("x-request-id") ?? undefined;
  }
}
