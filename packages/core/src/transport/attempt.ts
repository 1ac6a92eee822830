// One attempt of a request: the exchange from `fetch` to the last byte of the answer, bounded
// by the attempt's time and the caller's signal. It never throws; it says what happened.
import { after } from "./timers.js";

/** A `fetch` as the platform defines it; a `Request` or a URL with its init. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A request in wire form: what every attempt sends. */
export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body's bytes or JSON text, if any. */
  body?: string | ArrayBuffer | undefined;
}

/** What one attempt came to. */
export type AttemptResult =
  /** An answer, its body read in full. */
  | { kind: "answer"; response: Response; text: string }
  /**
   * No answer, or no whole answer: `response` when the status and headers arrived but the
   * body did not; `ended` when the attempt's time ran out or the caller aborted; `cause` is
   * the runtime's error.
   */
  | {
      kind: "failed";
      response?: Response | undefined;
      ended?: "timeout" | "abort" | undefined;
      cause: unknown;
      /** Set when the caller had aborted before the request was handed to `fetch`. */
      notStarted?: true;
    };

const noop = () => {};

/**
 * Makes one attempt. The timer and the caller's signal cover the whole exchange, the answer's
 * body included: a body that stalls ends the attempt at its time like a server that never
 * answers. Redirects are not followed (`redirect: "manual"`): the 3xx is the answer.
 *
 * Written as one promise settled by whichever comes first (the answer, a failure, the timer,
 * the caller's abort) rather than as races of promises: it runs on every call.
 */
export function attempt(
  fetch: Fetch,
  call: Call,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  if (signal?.aborted) {
    return Promise.resolve({ kind: "failed", ended: "abort", cause: signal.reason, notStarted: true });
  }
  return new Promise((resolve) => {
    const controller = new AbortController();
    let response: Response | undefined;
    let done = false;
    const finish = (result: AttemptResult) => {
      if (!done) {
        done = true;
        cancel();
        signal?.removeEventListener("abort", onAbort);
        resolve(result);
      }
    };
    const fail = (cause: unknown, ended?: "timeout" | "abort") => {
      if (!done) {
        // Stops a fetch or a body that honours the signal; one that does not is left behind.
        controller.abort();
        response?.body?.cancel().catch(noop);
        finish({ kind: "failed", response, ended, cause });
      }
    };
    const cancel = after(ms, () => fail(new Error("timeout"), "timeout"));
    const onAbort = () => fail(signal?.reason, "abort");
    signal?.addEventListener("abort", onAbort);
    try {
      fetch(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body,
        redirect: "manual",
        // Read only by a fetch that honours signals: one that ignores it (an in-memory mock)
        // never makes the runtime build an AbortSignal, and the timer still ends the attempt.
        get signal() {
          return controller.signal;
        },
      }).then((answer) => {
        response = answer;
        return answer.text().then((text) => finish({ kind: "answer", response: answer, text }), fail);
      }, fail);
    } catch (cause) {
      fail(cause);
    }
  });
}
