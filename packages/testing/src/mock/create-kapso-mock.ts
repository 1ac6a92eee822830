import { errorBody } from "./answers.js";
import type { Exchange, MockState, Reply } from "./exchange.js";
import { type ArmedFault, type Fault, FaultQueue, type FaultTarget, isMockNetworkError } from "./faults.js";
import { createFixtures, type StoredTemplate } from "./fixtures.js";
import { handlerFor } from "./handlers/index.js";
import { type MockListener, Observers } from "./observers.js";
import { abortReason, applyFault, droppedAfterAccept, runStages, specViolations } from "./pipeline/index.js";
import { RateLimiter, type RateLimitOptions, type RateLimitStatus } from "./rate-limiter.js";
import { type RecordedCall, redactHeaders, type SentMessage } from "./recording.js";
import { relativePath, route } from "./routing.js";
import { TemplateStore } from "./template-store.js";

export { documentedBody } from "./answers.js";

/** The base URL the mock answers on unless told otherwise: the API's own. */
export const MOCK_BASE_URL = "https://app.kapso.ai/api/v1";

export interface KapsoMockOptions {
  /** Where the mock pretends to live; requests to any host work, this path prefix is stripped. */
  baseUrl?: string;
  /** The templates the store starts with (and returns to on `reset()`); the fixtures by default. */
  templates?: readonly StoredTemplate[];
  /** Enforce a per-minute rate limit per API key, with `X-RateLimit-*` headers and 429s. */
  rateLimit?: RateLimitOptions;
  /** API keys the mock accepts; any non-empty key when absent. */
  apiKeys?: readonly string[];
  /**
   * Check sends against the stored template (approved, parameters, header, URL buttons), as
   * the API does. Defaults to true; false leaves only the spec's validation (and the 404).
   */
  templateChecks?: boolean;
  /** The clock of the rate limiter, in ms; `Date.now` by default. */
  now?: () => number;
  /**
   * How many of the latest requests `calls` keeps, and of the latest accepted sends `sent`;
   * the oldest go first. Every one by default: set it for a mock that runs for long, such as
   * a server under load, so that its memory stays flat.
   */
  history?: number;
}

/** An in-process Kapso API: pass `fetch` to a client, then look at what it did. */
export interface KapsoMock {
  /** A `fetch` that answers like the Kapso API; hand it to the client under test. */
  readonly fetch: typeof globalThis.fetch;
  /** The base URL to give the client. */
  readonly baseUrl: string;
  /** The templates the mock knows; edit them in a test. */
  readonly templates: TemplateStore;
  /** Every request received, oldest first. */
  readonly calls: readonly RecordedCall[];
  /** Every template message accepted, oldest first. */
  readonly sent: readonly SentMessage[];
  /** Answers one request; what `fetch`, the HTTP server and the MSW handlers call. */
  handle(request: Request): Promise<Response>;
  /** Arms a fault for the next matching request(s). */
  fault(fault: Fault, target?: FaultTarget): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** How many armed faults are left. */
  readonly pendingFaults: number;
  /** The armed faults, in the order requests use them, each with its operations and the requests it has left. */
  readonly armedFaults: readonly ArmedFault[];
  /**
   * The rate limiter's limit and each API key's current window (how many requests it used and
   * when the window ends; the keys themselves are left out), or null without `rateLimit`.
   */
  readonly rateLimit: RateLimitStatus | null;
  /**
   * Hears of every call as it ends (answered, failed or aborted), of every change made
   * through the template store, and of faults armed or cleared; returns the function that
   * stops listening.
   *
   * @example
   * ```ts
   * const stop = mock.subscribe((event) => {
   *   if (event.type === "call") console.log(event.call.method, event.call.path, event.call.response?.status);
   * });
   * stop();
   * ```
   */
  subscribe(listener: MockListener): () => void;
  /** Forgets calls, sends, faults and rate-limit windows, and puts the seed templates back. */
  reset(): void;
}

/**
 * Creates an in-process mock of the Kapso templates API. It validates every request against
 * the spec (with validators compiled from `openapi/kapso.yaml`), keeps a template store,
 * records calls with the API key redacted, and fails on demand.
 *
 * @example
 * ```ts
 * import { Kapso } from "@kapsokit/client";
 * import { createKapsoMock, fixtures } from "@kapsokit/testing";
 *
 * const mock = createKapsoMock();
 * const kapso = new Kapso({ apiKey: "test", fetch: mock.fetch, baseUrl: mock.baseUrl });
 * await kapso.templates.send(fixtures.orderUpdate.id, {
 *   to: "+14155550123",
 *   parameters: { customer_name: "Ana", order_number: "1042" },
 * });
 * mock.sent[0]?.to; // "+14155550123"
 * ```
 */
export function createKapsoMock(options: KapsoMockOptions = {}): KapsoMock {
  const baseUrl = (options.baseUrl ?? MOCK_BASE_URL).replace(/\/+$/, "");
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const observers = new Observers();
  const seed = options.templates;
  const templates = new TemplateStore(
    () => (seed ? seed.map((t) => structuredClone(t)) : Object.values(createFixtures())),
    (change) => observers.emit({ type: "templates", ...change }),
  );
  const history = options.history ?? Number.POSITIVE_INFINITY;
  if (!(history >= 1) || (Number.isFinite(history) && !Number.isInteger(history))) {
    throw new RangeError(`history must be a whole number of calls, at least 1; got ${options.history}`);
  }
  const calls: RecordedCall[] = [];
  const sent: SentMessage[] = [];
  // Cut back to `history` only once a list holds twice as many, so each request costs O(1);
  // the getters show just the latest `history`.
  const forgetOldest = () => {
    for (const list of [calls, sent] as unknown[][]) {
      if (list.length >= 2 * history) {
        list.splice(0, list.length - history);
      }
    }
  };
  const latest = <T>(list: T[]): T[] => (list.length > history ? list.slice(-history) : list.slice());
  let messageCounter = 0;
  const state: MockState = {
    templates,
    faults: new FaultQueue(),
    limiter: options.rateLimit ? new RateLimiter(options.rateLimit, options.now ?? Date.now) : null,
    apiKeys: options.apiKeys,
    templateChecks: options.templateChecks ?? true,
    accept(message) {
      messageCounter += 1;
      const messageId = `wamid.MOCK${String(messageCounter).padStart(8, "0")}`;
      sent.push({ ...message, messageId });
      return messageId;
    },
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = relativePath(url, basePath);
    const bodyText = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    const parsed = parseBody(bodyText);
    const call: RecordedCall = {
      operation: null,
      method: request.method,
      path,
      url: request.url,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(request.headers),
      body: parsed.error ? bodyText : parsed.value,
      response: null,
      fault: null,
      violations: [],
      error: null,
    };
    calls.push(call);
    let exchange: Exchange | null = null;
    try {
      const answer = (reply: Reply, headers: Record<string, string> = {}) => {
        const allHeaders = { ...headers, ...reply.headers };
        // 204, 205 and 304 carry no body, whatever the spec's example says.
        const empty = reply.status === 204 || reply.status === 205 || reply.status === 304;
        const body = empty ? null : reply.body;
        call.response = { status: reply.status, body, headers: allHeaders };
        return new Response(empty ? null : reply.raw ? String(body) : JSON.stringify(body), {
          status: reply.status,
          headers: empty ? allHeaders : { "Content-Type": "application/json", ...allHeaders },
        });
      };

      const match = route(request.method, path);
      if (match.kind === "not-found") {
        return answer({ status: 404, body: errorBody(404, `No route matches ${request.method} ${path}`) });
      }
      if (match.kind === "method-not-allowed") {
        const body = errorBody(405, `${path} does not accept ${request.method}`);
        return answer({ status: 405, body, headers: { Allow: match.allowed.join(", ") } });
      }
      const { operation, pathParams } = match;
      call.operation = operation.operationId;
      exchange = {
        request,
        url,
        operation,
        pathParams,
        bodyText,
        parsed,
        call,
        headers: {},
        body: undefined,
        apiKey: "",
        parameters: { path: {}, query: {}, header: {} },
        sent: null,
      };

      const fault = state.faults.take(operation.operationId);
      if (fault) {
        call.fault = fault.kind;
        // The fault answers before the spec is checked: check it anyway, for the record.
        call.violations = specViolations(exchange);
      }
      const faulted = await applyFault(fault, exchange);
      if (faulted) {
        return answer(faulted);
      }

      const before = sent.length;
      const reply = (await runStages(exchange, state)) ?? handlerFor(operation.operationId)(exchange, state);
      exchange.sent = sent.length > before ? sent.at(-1)! : null;
      const response = answer(reply, exchange.headers);
      if (fault?.kind === "dropAfterAccept") {
        throw droppedAfterAccept();
      }
      return response;
    } catch (error) {
      // The client sees no answer: the connection failed, or it gave up waiting.
      if (isMockNetworkError(error)) {
        call.error = "network";
      } else if (request.signal.aborted) {
        call.error = "aborted";
      }
      throw error;
    } finally {
      observers.emit({ type: "call", call, sent: exchange?.sent ?? null });
      forgetOldest();
    }
  }

  // Clearing nothing is no change, so it tells no one.
  function clearFaults(): void {
    if (state.faults.pending > 0) {
      state.faults.clear();
      observers.emit({ type: "faults", action: "clear" });
    }
  }

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A Request passed on its own (openapi-fetch, the client) is used as it is: cloning it
    // would cost as much as the rest of the mock's work.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) {
      throw abortReason(signal);
    }
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortReason(signal));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([handle(request), aborted]);
    } finally {
      if (onAbort) {
        signal.removeEventListener("abort", onAbort);
      }
    }
  };

  return {
    fetch: mockFetch as typeof globalThis.fetch,
    baseUrl,
    templates,
    get calls() {
      return latest(calls);
    },
    get sent() {
      return latest(sent);
    },
    handle,
    fault(fault, target) {
      state.faults.add(fault, target);
      observers.emit({ type: "faults", action: "add" });
    },
    clearFaults,
    get pendingFaults() {
      return state.faults.pending;
    },
    get armedFaults() {
      return state.faults.list();
    },
    get rateLimit() {
      return state.limiter?.status() ?? null;
    },
    subscribe: (listener) => observers.subscribe(listener),
    reset() {
      calls.length = 0;
      sent.length = 0;
      messageCounter = 0;
      clearFaults();
      state.limiter?.reset();
      templates.reset();
    },
  };
}

/** The body parsed as JSON once, for recording and for the operation; undefined when empty. */
function parseBody(text: string): { value: unknown; error: Error | null } {
  if (text === "") {
    return { value: undefined, error: null };
  }
  try {
    return { value: JSON.parse(text), error: null };
  } catch (error) {
    return { value: undefined, error: error as Error };
  }
}
