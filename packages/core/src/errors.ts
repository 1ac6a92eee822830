// Every error kapsokit throws, in one module, so `instanceof` checks have one place to look.
// Names are set explicitly: minifiers rename classes, and `error.name` must survive bundling.

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

/** The API answered with an HTTP error status. */
export class APIError extends KapsoError {
  override name = "APIError";
  // `declare`: assigned in the constructor, so no field initialisers are emitted.
  /** The HTTP status. */
  declare readonly status: number;
  /** The parsed JSON body (or the raw text when it was not JSON). */
  declare readonly body: unknown;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The server's `X-Request-Id`, when it sent one. */
  declare readonly requestId: string | undefined;

  /** `message` is the server's own (`message` or `error` of the body) when it gave one. */
  constructor(status: number, body: unknown, headers: Headers) {
    const b = (body ?? {}) as { message?: unknown; error?: unknown };
    const text = [b.message, b.error, body].find((m) => typeof m === "string" && m);
    super((text as string | undefined) ?? `HTTP ${status}`);
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
    this.retryAfter = parseRetryAfter(headers);
  }
}
/** 5xx: the server failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** No HTTP answer: the connection failed or dropped. `cause` holds the runtime's own error. */
export class APIConnectionError extends KapsoError {
  override name = "APIConnectionError";
  constructor(cause?: unknown, message = "Connection error") {
    super(message, { cause });
  }
}
/** An attempt took longer than the `timeout` option. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  constructor() {
    super(undefined, "Request timed out");
  }
}
/** The caller's `AbortSignal` fired. */
export class APIUserAbortError extends KapsoError {
  override name = "APIUserAbortError";
  constructor() {
    super("Request aborted");
  }
}

/**
 * A send may or may not have been delivered: it timed out, the connection dropped after the
 * request was written, or the server answered 5xx. Sending it again could send the message
 * twice, so kapsokit does not (unless `retryUnsafe` is set). `cause` says what happened.
 */
export class SendOutcomeUnknownError extends KapsoError {
  override name = "SendOutcomeUnknownError";
  declare readonly cause: APIError | APIConnectionError;
  constructor(cause: APIError | APIConnectionError) {
    super(`Send outcome unknown, the message may have been delivered: ${cause.message}`, { cause });
  }
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date. Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
