import { documentedBody } from "../answers.js";
import type { Exchange, Reply } from "../exchange.js";
import { type Fault, MockNetworkError } from "../faults.js";

/**
 * Uses an armed fault on a request: an answer that replaces the operation's, a wait before
 * it, or a rejection (`networkError`, or the caller's abort during `delay` and `hang`). Null
 * lets the request go on to the pipeline.
 */
export async function applyFault(fault: Fault | undefined, exchange: Exchange): Promise<Reply | null> {
  const { operationId } = exchange.operation;
  const signal = exchange.request.signal;
  switch (fault?.kind) {
    case undefined:
    case "dropAfterAccept":
      return null;
    case "error": {
      const headers: Record<string, string> =
        fault.status === 429 ? { "Retry-After": "60", "X-RateLimit-Remaining": "0" } : {};
      return {
        status: fault.status,
        body: fault.body ?? documentedBody(operationId, fault.status),
        headers: { ...headers, ...fault.headers },
      };
    }
    case "rateLimited": {
      const headers: Record<string, string> = {
        "Retry-After": String(fault.retryAfter ?? 60),
        "X-RateLimit-Remaining": "0",
      };
      if (fault.limit !== undefined) {
        headers["X-RateLimit-Limit"] = String(fault.limit);
      }
      return { status: 429, body: documentedBody(operationId, 429), headers };
    }
    case "networkError":
      throw new MockNetworkError({
        code: fault.code ?? "ECONNREFUSED",
        message: fault.message ?? `connect ${fault.code ?? "ECONNREFUSED"} (mock network fault)`,
        afterAccept: false,
      });
    case "delay":
      await sleep(fault.ms, signal);
      return null;
    case "hang":
      await sleep(Number.POSITIVE_INFINITY, signal);
      return null;
    case "malformedJson":
      return { status: fault.status ?? 200, body: '{"status":"success","message":"Template mess', raw: true };
  }
}

/** The error of `dropAfterAccept`: the request was handled, then the connection dropped. */
export function droppedAfterAccept(): MockNetworkError {
  return new MockNetworkError({
    code: "UND_ERR_SOCKET",
    message: "other side closed: the connection dropped after the request was accepted",
    afterAccept: true,
  });
}

/** Why a request was aborted: the signal's reason, or an `AbortError`. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      return reject(abortReason(signal));
    }
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(abortReason(signal));
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
