// What an unsuccessful attempt came to, in words and with the API key taken out: the host and
// the runtime's reason for a connection failure, whether the request provably never left, and
// the answer's body and headers redacted. Text and regular expressions, loaded only when an
// attempt fails, so an app whose calls succeed never downloads them.

import { createRedactor } from "../internal/redact.js";
import { isNotSent } from "../not-sent.js";
import type { AttemptResult, Call } from "./attempt.js";

export { decide } from "./decide.js";

/** What an unsuccessful attempt came to, beyond its own result. */
export interface FailureFacts {
  /** The request provably never reached the server (a refused connection, a failed DNS lookup). */
  notSent: boolean;
  /** The connection failure in one line, naming the host and the reason. */
  message: string;
  /** The answer's body text and headers, without the API key. */
  body: string;
  headers: Headers | undefined;
}

/** The innermost message of a runtime's error chain: the reason a connection failed. */
function reasonOf(cause: unknown): string {
  let reason = String(cause);
  for (let e = cause, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof message === "string" && message) {
      reason = typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return reason;
}

/** The API key a call carries. */
const keyOf = (call: Call) => call.headers["X-API-Key"] ?? call.headers["x-api-key"] ?? "";

/** The facts of an attempt that ended without a plain success. */
export function factsOf(result: AttemptResult, call: Call, timeout: number): FailureFacts {
  const redact = createRedactor(keyOf(call));
  const host = new URL(call.url).host;
  if (result.kind === "answer") {
    return {
      notSent: false,
      message: "",
      body: redact.text(result.text),
      headers: redact.headers(result.response.headers),
    };
  }
  const { response, cause, ended } = result;
  const answered = response ? `HTTP ${response.status} from ${host}, then its body ` : "";
  return {
    notSent: !ended && !response && isNotSent(cause),
    message: redact.text(
      ended === "timeout"
        ? `${answered ? `${answered}timed out` : `No answer from ${host}`} within ${timeout} ms`
        : `${answered ? `${answered}was lost` : `Connection to ${host} failed`}: ${reasonOf(cause)}`,
    ),
    body: "",
    headers: response && redact.headers(response.headers),
  };
}

/**
 * An answer's body and headers without the API key, for the error of an HTTP failure.
 *
 * @example
 * ```ts
 * redactAnswer("Q9xZ7vK2mW4pR8tY", { error: "Invalid API key Q9xZ7vK2mW4p..." }, headers);
 * // { body: { error: "Invalid API key [redacted]..." }, headers }
 * ```
 */
export function redactAnswer(
  apiKey: string,
  body: unknown,
  headers: Headers,
): { body: unknown; headers: Headers } {
  const redact = createRedactor(apiKey);
  return { body: redact.value(body), headers: redact.headers(headers) };
}
