// The one place that decides what a failed call means for the message it carried. The
// transport (retry or not), the client (which error to throw), the bulk engine and the queue
// (sent, failed or unknown) and the logger (how loud) all ask here, so they always agree.
//
// A send is not idempotent: the API may act on it the moment it has read the request. It
// provably did not act when it answered 4xx (429 included) or when the connection was never
// made; it may have acted after a timeout, a connection dropped once the request was written,
// an abort in flight, a 5xx, or a success whose body could not be read.

/** Methods that change nothing on the server, so repeating them is harmless. */
export const isRead = (method: string): boolean => /^(GET|HEAD|OPTIONS)$/i.test(method);

/**
 * Whether the server may have acted on a request it answered with this status: a send
 * answered 5xx (or 2xx, when the body is then lost) may have been delivered.
 */
export const mayHaveActed = (method: string, status: number): boolean =>
  !isRead(method) && (status >= 500 || (status >= 200 && status < 300));

/** What a failed call means for its message. */
export type Failure =
  /** 429: the server refused it without acting; send it again after `retryAfter` ms. */
  | { kind: "rate-limited"; retryAfter: number | undefined }
  /** The server may have acted: sending it again could deliver it twice. */
  | { kind: "unknown" }
  /** The server did not act (it refused the input, or never got the request): safe to send again. */
  | { kind: "failed" };

// Errors of a runtime or another library after which a send may have arrived: a signal's
// abort or timeout says nothing about whether the request was written.
const UNKNOWN = new Set(["SendOutcomeUnknownError", "AbortError", "TimeoutError"]);

/**
 * Classifies the error of a send. It reads fields every kapsokit error has (`name`,
 * `status`, `retryAfter`) rather than using `instanceof`, so two copies of
 * `@kapsokit/core` in one install agree.
 *
 * @example
 * ```ts
 * try {
 *   await kapso.templates.send(templateId, input);
 * } catch (error) {
 *   const failure = classifyFailure(error);
 *   if (failure.kind === "unknown") console.warn("check before sending again");
 * }
 * ```
 */
export function classifyFailure(error: unknown): Failure {
  const { name, status, retryAfter } = (error ?? {}) as {
    name?: unknown;
    status?: unknown;
    retryAfter?: unknown;
  };
  if (UNKNOWN.has(name as string)) {
    return { kind: "unknown" };
  }
  return status === 429
    ? { kind: "rate-limited", retryAfter: typeof retryAfter === "number" ? retryAfter : undefined }
    : { kind: "failed" };
}
