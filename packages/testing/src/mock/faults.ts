import type { OperationId } from "../generated/examples.js";

/**
 * A way for the mock to fail one request. Every fault answers the request it is used on;
 * the ones that let the request through (`delay`, `dropAfterAccept`) still run it.
 */
export type Fault =
  /** Answer with this status and the spec's example body for it (or `body`). */
  | { kind: "error"; status: number; body?: unknown; headers?: Record<string, string> }
  /** A 429 with `Retry-After` (seconds, default 60) and `X-RateLimit-Remaining: 0`. */
  | { kind: "rateLimited"; retryAfter?: number; limit?: number }
  /**
   * The connection fails and nothing was sent: `fetch` rejects with a `TypeError` whose
   * `cause.code` is `code` (default `ECONNREFUSED`, a connection never made). A code such as
   * `ECONNRESET` tells the client it cannot know whether the request arrived.
   */
  | { kind: "networkError"; code?: string; message?: string }
  /** Wait this long (abortable), then handle the request normally. */
  | { kind: "delay"; ms: number }
  /** Never answer; rejects only when the caller aborts the request. */
  | { kind: "hang" }
  /** A 200 (or `status`) whose body is cut-off JSON. */
  | { kind: "malformedJson"; status?: number }
  /** Handle the request normally (a send is recorded as sent), then drop the connection before answering. */
  | { kind: "dropAfterAccept" };

/** Which requests a fault applies to. */
export interface FaultTarget {
  /** Only these operations; all when absent. */
  operation?: OperationId | readonly OperationId[];
  /** How many matching requests fail before the mock answers normally again; 1 by default, `Infinity` for always. */
  times?: number;
}

/** A fault waiting for its requests. */
export interface ArmedFault {
  fault: Fault;
  /** The operations it applies to; null for every operation. */
  operations: readonly OperationId[] | null;
  /** How many more matching requests it fails. */
  remaining: number;
}

/** The queue of armed faults; the first one that matches a request is used up by it. */
export class FaultQueue {
  #armed: ArmedFault[] = [];

  add(fault: Fault, target: FaultTarget = {}): void {
    const times = target.times ?? 1;
    if (!(times > 0)) {
      throw new RangeError("times must be positive");
    }
    const operations =
      target.operation === undefined
        ? null
        : typeof target.operation === "string"
          ? [target.operation]
          : target.operation;
    this.#armed.push({ fault, operations, remaining: times });
  }

  /** Takes the fault for a request to this operation, if one is armed. */
  take(operation: OperationId): Fault | undefined {
    const armed = this.#armed.find((a) => a.operations === null || a.operations.includes(operation));
    if (!armed) {
      return undefined;
    }
    armed.remaining -= 1;
    if (armed.remaining <= 0) {
      this.#armed = this.#armed.filter((a) => a !== armed);
    }
    return armed.fault;
  }

  /** The armed faults, in the order they are used, as copies. */
  list(): ArmedFault[] {
    return this.#armed.map((armed) => ({ ...armed }));
  }

  /** How many faults are still armed. */
  get pending(): number {
    return this.#armed.length;
  }

  clear(): void {
    this.#armed = [];
  }
}

// A registered symbol, so the check below also holds across the ESM and CJS copies of the package.
const NETWORK_ERROR = Symbol.for("kapsokit.testing.MockNetworkError");

/**
 * The error a mock `fetch` rejects with when a fault cuts the connection. Like undici's own,
 * it is a `TypeError("fetch failed")` whose `cause` carries the socket error's `code`
 * (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...), so clients classify it as they would a real one.
 */
export class MockNetworkError extends TypeError {
  /** True when the server had already acted on the request (the send went out). */
  readonly afterAccept: boolean;
  declare readonly cause: Error & { code: string };

  constructor(options: { code: string; message: string; afterAccept: boolean }) {
    super("fetch failed", { cause: Object.assign(new Error(options.message), { code: options.code }) });
    this.name = "TypeError";
    this.afterAccept = options.afterAccept;
    Object.defineProperty(this, NETWORK_ERROR, { value: true });
  }
}

/** True for the error of a network fault, from any copy of this package. */
export function isMockNetworkError(error: unknown): error is MockNetworkError {
  return typeof error === "object" && error !== null && NETWORK_ERROR in error;
}
