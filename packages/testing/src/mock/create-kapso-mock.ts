import type { SendTemplateBody, SendTemplateResponse, WhatsappTemplateList } from "@kapsokit/core";
import { type OperationId, specExamples } from "../generated/examples.js";
import {
  coerce,
  describeViolation,
  hasCredentials,
  isJsonMediaType,
  validateRequest,
} from "../validation/request.js";
import { route } from "../validation/route.js";
import type { OperationSpec, Violation } from "../validation/types.js";
import { type Fault, FaultQueue, type FaultTarget, isMockNetworkError, MockNetworkError } from "./faults.js";
import { createFixtures, type StoredTemplate } from "./fixtures.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limiter.js";
import { type RecordedCall, redactHeaders, type SentMessage } from "./recording.js";
import { templateMismatch } from "./template-checks.js";
import { type TemplateQuery, TemplateStore, toWire } from "./template-store.js";

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
   * Check sends against the stored template (approved, parameters, header), as the API
   * does. Defaults to true; false leaves only the spec's validation (and the 404).
   */
  templateChecks?: boolean;
  /** The clock of the rate limiter, in ms; `Date.now` by default. */
  now?: () => number;
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
  /** Forgets calls, sends, faults and rate-limit windows, and puts the seed templates back. */
  reset(): void;
}

type Json = Record<string, unknown>;
/** A routed request, taken apart once. */
interface Incoming {
  operation: OperationSpec & { operationId: OperationId };
  pathParams: Record<string, string>;
  url: URL;
  headers: Headers;
  bodyText: string;
  parsed: { value: unknown; error: Error | null };
}

/** Answers the request and records the answer on its call; `raw` sends a string body as it is. */
type Answer = (status: number, body: unknown, headers?: Record<string, string>, raw?: boolean) => Response;

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
  const now = options.now ?? Date.now;
  const seed = options.templates;
  const templates = new TemplateStore(() =>
    seed ? seed.map((t) => structuredClone(t)) : Object.values(createFixtures()),
  );
  const faults = new FaultQueue();
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, now) : null;
  const calls: RecordedCall[] = [];
  const sent: SentMessage[] = [];
  let messageCounter = 0;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path =
      basePath && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))
        ? url.pathname.slice(basePath.length) || "/"
        : url.pathname;
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
      error: null,
    };
    calls.push(call);
    const answer: Answer = (status, body, headers = {}, raw = false) => {
      call.response = { status, body, headers };
      return raw
        ? new Response(String(body), { status, headers: { "Content-Type": "application/json", ...headers } })
        : json(status, body, headers);
    };

    const match = route(request.method, path);
    if (match.kind === "not-found") {
      return answer(404, {
        error: "Not found",
        status: 404,
        message: `No route matches ${request.method} ${path}`,
      });
    }
    if (match.kind === "method-not-allowed") {
      return answer(
        405,
        { error: "Method not allowed", status: 405, message: `${path} does not accept ${request.method}` },
        { Allow: match.allowed.join(", ") },
      );
    }
    const { operation, pathParams } = match;
    call.operation = operation.operationId;

    const fault = faults.take(operation.operationId);
    if (fault) call.fault = fault.kind;
    try {
      const immediate = await applyFault(fault, operation, request.signal, answer);
      if (immediate) return immediate;
    } catch (error) {
      call.error = isMockNetworkError(error) ? "network" : "aborted";
      throw error;
    }

    const response = await answerOperation(
      { operation, pathParams, url, headers: request.headers, bodyText, parsed },
      answer,
      call,
    );
    if (fault?.kind === "dropAfterAccept") {
      call.error = "network";
      throw new MockNetworkError({
        code: "UND_ERR_SOCKET",
        message: "other side closed: the connection dropped after the request was accepted",
        afterAccept: true,
      });
    }
    return response;
  }

  async function applyFault(
    fault: Fault | undefined,
    operation: OperationSpec & { operationId: OperationId },
    signal: AbortSignal,
    answer: Answer,
  ): Promise<Response | null> {
    switch (fault?.kind) {
      case undefined:
      case "dropAfterAccept":
        return null;
      case "error": {
        const headers: Record<string, string> =
          fault.status === 429 ? { "Retry-After": "60", "X-RateLimit-Remaining": "0" } : {};
        return answer(fault.status, fault.body ?? documentedBody(operation.operationId, fault.status), {
          ...headers,
          ...fault.headers,
        });
      }
      case "rateLimited": {
        const headers: Record<string, string> = {
          "Retry-After": String(fault.retryAfter ?? 60),
          "X-RateLimit-Remaining": "0",
        };
        if (fault.limit !== undefined) headers["X-RateLimit-Limit"] = String(fault.limit);
        return answer(429, documentedBody(operation.operationId, 429), headers);
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
        return answer(fault.status ?? 200, '{"status":"success","message":"Template mess', {}, true);
    }
  }

  async function answerOperation(incoming: Incoming, answer: Answer, call: RecordedCall): Promise<Response> {
    const { operation, pathParams, url, headers, bodyText, parsed } = incoming;
    // Prism parses a JSON body before anything else and answers 400 when it cannot.
    let body: unknown;
    if (operation.body && bodyText.trim() !== "" && isJsonMediaType(headers.get("content-type"))) {
      if (parsed.error)
        return answer(400, { error: "Invalid JSON", status: 400, message: parsed.error.message });
      body = parsed.value;
    }

    const key = operation.security.map((name) => headers.get(name) ?? "").join(" ");
    if (!hasCredentials(operation, headers) || (options.apiKeys && !options.apiKeys.includes(key))) {
      return answer(401, documentedBody(operation.operationId, 401));
    }

    const limitHeaders: Record<string, string> = {};
    if (limiter) {
      const decision = limiter.take(key);
      limitHeaders["X-RateLimit-Limit"] = String(decision.limit);
      limitHeaders["X-RateLimit-Remaining"] = String(decision.remaining);
      if (!decision.allowed) {
        return answer(429, documentedBody(operation.operationId, 429), {
          ...limitHeaders,
          "Retry-After": String(decision.retryAfter),
        });
      }
    }
    const reply = (status: number, payload: unknown) => answer(status, payload, limitHeaders);

    const violations = validateRequest(operation, {
      pathParams,
      query: url.searchParams,
      headers,
      bodyText,
      body,
    });
    if (violations.length > 0) return reply(422, validationBody(violations));

    switch (operation.operationId) {
      case "listWhatsappTemplates":
        return reply(200, listPage(url.searchParams));
      case "getWhatsappTemplate": {
        const template = templates.get(pathParams.template_id!);
        if (!template) return reply(404, documentedBody(operation.operationId, 404));
        return reply(200, { data: toWire(template) });
      }
      case "sendWhatsappTemplate": {
        const template = templates.get(pathParams.template_id!);
        if (!template) return reply(404, documentedBody(operation.operationId, 404));
        const message = (body as SendTemplateBody).template;
        if (options.templateChecks ?? true) {
          const mismatch = templateMismatch(template, message);
          if (mismatch) return reply(422, { error: mismatch });
        }
        messageCounter += 1;
        const messageId = `wamid.MOCK${String(messageCounter).padStart(8, "0")}`;
        const payload: SendTemplateResponse = {
          status: "success",
          message: "Template message sent successfully",
          template_id: template.id,
          template_name: template.name,
          response: {
            messaging_product: "whatsapp",
            contacts: [{ input: message.phone_number, wa_id: message.phone_number.slice(1) }],
            messages: [{ id: messageId }],
          },
        };
        sent.push({
          templateId: template.id,
          templateName: template.name,
          to: message.phone_number,
          template: structuredClone(message),
          messageId,
          call,
        });
        return reply(200, payload);
      }
      default: {
        // An operation the spec has but the mock has no behaviour for yet: its documented
        // success example, as Prism would answer, or a plain 501 without one.
        const responses = specExamples[operation.operationId as OperationId].responses as Record<
          string,
          unknown
        >;
        const success = operation.statuses.find((status) => status >= 200 && status < 300);
        const example = success === undefined ? undefined : responses[String(success)];
        if (success !== undefined && example !== undefined && example !== null) {
          return reply(success, structuredClone(example));
        }
        return reply(501, {
          error: "Not implemented",
          status: 501,
          message: `The mock has no behaviour for ${operation.operationId} and the spec no example to answer with`,
        });
      }
    }
  }

  function listPage(query: URLSearchParams): WhatsappTemplateList {
    const number = (name: string, fallback: number) => {
      const value = coerce(query.get(name) || String(fallback), "integer");
      // `Infinity` passes validation (as in Prism); page past every end instead.
      return typeof value === "number" ? Math.min(value, Number.MAX_SAFE_INTEGER) : fallback;
    };
    const page = number("page", 1);
    const perPage = number("per_page", 20);
    const filters: TemplateQuery = {};
    for (const key of [
      "name_cont",
      "language_code_eq",
      "category_eq",
      "status_eq",
      "customer_id_eq",
    ] as const) {
      const value = query.get(`q[${key}]`);
      if (value !== null) (filters as Record<string, string>)[key] = value;
    }
    const customer = query.get("customer_id");
    if (customer) filters.customer_id = customer;
    const matching = templates.filter(filters);
    return {
      data: matching.slice((page - 1) * perPage, page * perPage).map(toWire),
      meta: {
        page,
        per_page: perPage,
        total_pages: Math.ceil(matching.length / perPage),
        total_count: matching.length,
      },
    };
  }

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A Request passed on its own (openapi-fetch, the client) is used as it is: cloning it
    // would cost as much as the rest of the mock's work.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) throw abortReason(signal);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortReason(signal));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([handle(request), aborted]);
    } finally {
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  };

  return {
    fetch: mockFetch as typeof globalThis.fetch,
    baseUrl,
    templates,
    get calls() {
      return calls.slice();
    },
    get sent() {
      return sent.slice();
    },
    handle,
    fault: (fault, target) => faults.add(fault, target),
    clearFaults: () => faults.clear(),
    get pendingFaults() {
      return faults.pending;
    },
    reset() {
      calls.length = 0;
      sent.length = 0;
      messageCounter = 0;
      faults.clear();
      limiter?.reset();
      templates.reset();
    },
  };
}

/** The spec's example body for an operation's status, or a general error body. */
export function documentedBody(operationId: OperationId, status: number): unknown {
  const responses = specExamples[operationId].responses as Record<string, unknown>;
  const example = responses[String(status)];
  if (example !== undefined && example !== null) return structuredClone(example);
  return { error: statusText(status), status, message: statusText(status) };
}

function validationBody(violations: Violation[]): Json {
  return {
    error: "Validation failed",
    status: 422,
    message: violations.map(describeViolation).join("; "),
    violations: violations.map((v) => ({ location: v.path, code: v.code, message: describeViolation(v) })),
  };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    408: "Request timeout",
    409: "Conflict",
    422: "Validation failed",
    429: "Rate limit exceeded",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
  };
  return texts[status] ?? `HTTP ${status}`;
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** The body parsed as JSON once, for recording and for the operation; undefined when empty. */
function parseBody(text: string): { value: unknown; error: Error | null } {
  if (text === "") return { value: undefined, error: null };
  try {
    return { value: JSON.parse(text), error: null };
  } catch (error) {
    return { value: undefined, error: error as Error };
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
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
