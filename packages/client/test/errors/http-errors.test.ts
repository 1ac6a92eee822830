// Each documented failure becomes its error class, with the server's message, body, headers
// and request id; a send whose outcome is unknown says so.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  Kapso,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { API_KEY, fakeApi, TEMPLATE_ID } from "../support/fake-api.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "X-Request-Id": "req_9", ...headers } });

function client(
  answers: (Response | Error | "hang")[],
  options: { maxRetries?: number; timeout?: number } = {},
) {
  const api = fakeApi({
    answers: answers.map((a) =>
      a === "hang"
        ? (request: Request) =>
            new Promise<Response>((_, reject) =>
              request.signal.addEventListener("abort", () => reject(request.signal.reason)),
            )
        : a,
    ),
  });
  return { api, kapso: new Kapso({ apiKey: API_KEY, fetch: api.fetch, logLevel: "off", ...options }) };
}

async function failure(promise: Promise<unknown>) {
  const outcome = promise.catch((e: unknown) => e);
  await vi.runAllTimersAsync();
  return outcome;
}

const send = (kapso: Kapso) => kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" });

describe("HTTP errors", () => {
  it.each([
    [401, AuthenticationError, { error: "Unauthorized", status: 401, message: "Invalid or missing API key" }],
    [403, PermissionDeniedError, { error: "Forbidden" }],
    [404, NotFoundError, { error: "Not found", status: 404, message: "WhatsApp template not found" }],
    [422, UnprocessableEntityError, { error: "Template requires 2 parameters, but 1 were provided" }],
  ])(
    "a %i to a send is a %o with the server's message, body, headers and request id",
    async (status, Class, body) => {
      const { kapso } = client([reply(status, body)]);
      const error = (await failure(send(kapso))) as APIError;
      expect(error).toBeInstanceOf(Class);
      expect(error.status).toBe(status);
      expect(error.message).toBe((body as { message?: string }).message ?? body.error);
      expect(error.body).toEqual(body);
      expect(error.headers.get("x-request-id")).toBe("req_9");
      expect(error.requestId).toBe("req_9");
    },
  );

  it("a 429 that outlasts the retries is a RateLimitError with retryAfter in ms", async () => {
    const limited = () => reply(429, { error: "Rate limit exceeded" }, { "Retry-After": "1" });
    const { api, kapso } = client([limited(), limited(), limited()]);
    const error = (await failure(send(kapso))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(1000);
    expect(error.message).toBe("Rate limit exceeded");
    expect(api.calls).toHaveLength(3);
  });

  it("a 500 to a send is an unknown outcome, sent once, with the server's error inside", async () => {
    const body = {
      status: "error",
      message: "Failed to send template message: (#131026) Message undeliverable",
    };
    const { api, kapso } = client([reply(500, body)]);
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(InternalServerError);
    expect((error.cause as InternalServerError).body).toEqual(body);
    expect(error.message).toMatch(/Message undeliverable/);
    expect(api.calls).toHaveLength(1);
  });

  it("a 500 to a read is retried and then an InternalServerError", async () => {
    const { api, kapso } = client([
      reply(500, {}),
      reply(500, {}),
      reply(500, { error: "Internal server error" }),
    ]);
    const error = await failure(kapso.templates.get(TEMPLATE_ID));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(api.calls).toHaveLength(3);
  });

  it("a success answer that cannot be read makes a send's outcome unknown", async () => {
    const { kapso } = client([new Response("<html>", { status: 200 })]);
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error.cause as APIError).status).toBe(200);
  });

  it("a success answer that cannot be read is an APIError for a read", async () => {
    const { kapso } = client([new Response("not json", { status: 200 })]);
    const error = await failure(kapso.templates.get(TEMPLATE_ID));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).body).toBe("not json");
  });
});

describe("connection errors through the client", () => {
  it("a send that times out is an unknown outcome, sent once", async () => {
    const { api, kapso } = client(["hang", "hang", "hang"], { timeout: 1000 });
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(APIConnectionTimeoutError);
    expect(api.calls).toHaveLength(1);
  });

  it("a read that times out every time is an APIConnectionTimeoutError", async () => {
    const { api, kapso } = client(["hang", "hang", "hang"], { timeout: 1000 });
    expect(await failure(kapso.templates.get(TEMPLATE_ID))).toBeInstanceOf(APIConnectionTimeoutError);
    expect(api.calls).toHaveLength(3);
  });

  it("a refused connection is retried, then an APIConnectionError", async () => {
    const refused = () =>
      new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    const { api, kapso } = client([refused(), refused(), refused()]);
    const error = await failure(send(kapso));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(SendOutcomeUnknownError);
    expect(api.calls).toHaveLength(3);
  });

  it("an abort before anything was sent, or of a read, is an APIUserAbortError", async () => {
    const { kapso } = client(["hang"]);
    const early = new AbortController();
    early.abort();
    const send = kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }, { signal: early.signal });
    expect(await send.catch((e: unknown) => e)).toBeInstanceOf(APIUserAbortError);
    const controller = new AbortController();
    const read = kapso.templates.get(TEMPLATE_ID, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await read).toBeInstanceOf(APIUserAbortError);
  });

  it("an abort of a send in flight leaves its outcome unknown, the abort as its cause", async () => {
    const { kapso } = client(["hang"]);
    const controller = new AbortController();
    const done = kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }, { signal: controller.signal });
    const outcome = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = (await outcome) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(APIUserAbortError);
  });

  it("per-request maxRetries and timeout win over the client's", async () => {
    const { api, kapso } = client([reply(503, {}), reply(200, {})], { maxRetries: 5 });
    const error = await failure(kapso.templates.get(TEMPLATE_ID, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(api.calls).toHaveLength(1);
  });
});

describe("the time budget", () => {
  it("a client-wide totalTimeout stops waiting for a Retry-After that would end past it", async () => {
    const api = fakeApi({ answers: [reply(429, { error: "Rate limit exceeded" }, { "Retry-After": "30" })] });
    const kapso = new Kapso({ apiKey: API_KEY, fetch: api.fetch, logLevel: "off", totalTimeout: 10_000 });
    const error = await failure(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(api.calls).toHaveLength(1);
  });
});
