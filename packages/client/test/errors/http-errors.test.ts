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
  type Kapso,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { expectRequestsKeptToTheSpec, kapsoOnMock, notice } from "../support/mock-client.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});
afterEach(expectRequestsKeptToTheSpec);

const always = Number.POSITIVE_INFINITY;

function client(options: { maxRetries?: number; timeout?: number; totalTimeout?: number } = {}) {
  return kapsoOnMock({ logLevel: "off", ...options });
}

async function failure(promise: Promise<unknown>) {
  const outcome = promise.catch((e: unknown) => e);
  await vi.runAllTimersAsync();
  return outcome;
}

const send = (kapso: Kapso) => kapso.templates.send(notice.id, notice.input);

describe("HTTP errors", () => {
  it.each([
    [401, AuthenticationError, { error: "Unauthorized", status: 401, message: "Invalid or missing API key" }],
    [403, PermissionDeniedError, { error: "Forbidden" }],
    [404, NotFoundError, { error: "Not found", status: 404, message: "WhatsApp template not found" }],
    [422, UnprocessableEntityError, { error: "Template requires 2 parameters, but 1 were provided" }],
  ])(
    "a %i to a send is a %o with the server's message, body, headers and request id",
    async (status, Class, body) => {
      const { mock, kapso } = client();
      mock.fault({ kind: "error", status, body, headers: { "X-Request-Id": "req_9" } });
      const error = (await failure(send(kapso))) as APIError;
      expect(error).toBeInstanceOf(Class);
      expect(error.status).toBe(status);
      expect(error.message).toBe((body as { message?: string }).message ?? body.error);
      expect(error.body).toEqual(body);
      expect(error.headers.get("x-request-id")).toBe("req_9");
      expect(error.requestId).toBe("req_9");
      expect(mock.calls).toHaveLength(1);
    },
  );

  it("a 429 that outlasts the retries is a RateLimitError with retryAfter in ms, sent three times and never accepted", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "rateLimited", retryAfter: 1 }, { times: always });
    const error = (await failure(send(kapso))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(1000);
    expect(error.message).toBe("Rate limit exceeded");
    expect(mock.calls).toHaveLength(3);
    expect(mock.sent).toHaveLength(0);
  });

  it("a 500 to a send is an unknown outcome, sent once, with the server's error inside", async () => {
    const body = {
      status: "error",
      message: "Failed to send template message: (#131026) Message undeliverable",
    };
    const { mock, kapso } = client();
    mock.fault({ kind: "error", status: 500, body }, { times: always });
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(InternalServerError);
    expect((error.cause as InternalServerError).body).toEqual(body);
    expect(error.message).toMatch(/Message undeliverable/);
    expect(mock.calls).toHaveLength(1);
  });

  it("a 500 to a read is retried and then an InternalServerError", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "error", status: 500 }, { times: always });
    const error = await failure(kapso.templates.get(notice.id));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(mock.calls).toHaveLength(3);
  });

  it("a success answer that cannot be read makes a send's outcome unknown, the answer's status inside", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "malformedJson" });
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error.cause as APIError).status).toBe(200);
    expect(mock.calls).toHaveLength(1);
  });

  it("a success answer that cannot be read is an APIError for a read, with the text as its body", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "malformedJson" });
    const error = await failure(kapso.templates.get(notice.id));
    expect(error).toBeInstanceOf(APIError);
    const text = mock.calls[0]?.response?.body;
    expect(text).toMatch(/^\{"status":"success"/);
    expect((error as APIError).body).toBe(text);
  });
});

describe("connection errors through the client", () => {
  it("a send that times out is an unknown outcome, sent once", async () => {
    const { mock, kapso } = client({ timeout: 1000 });
    mock.fault({ kind: "hang" }, { times: always });
    const error = (await failure(send(kapso))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(APIConnectionTimeoutError);
    expect(mock.calls).toHaveLength(1);
  });

  it("a read that times out every time is an APIConnectionTimeoutError, after three attempts", async () => {
    const { mock, kapso } = client({ timeout: 1000 });
    mock.fault({ kind: "hang" }, { times: always });
    expect(await failure(kapso.templates.get(notice.id))).toBeInstanceOf(APIConnectionTimeoutError);
    expect(mock.calls).toHaveLength(3);
  });

  it("a refused connection is retried, then an APIConnectionError, and nothing was sent", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "networkError", code: "ECONNREFUSED" }, { times: always });
    const error = await failure(send(kapso));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(SendOutcomeUnknownError);
    expect(mock.calls).toHaveLength(3);
    expect(mock.sent).toHaveLength(0);
  });

  it("an abort before anything was sent, or of a read, is an APIUserAbortError", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "hang" }, { times: always });
    const early = new AbortController();
    early.abort();
    const sent = kapso.templates.send(notice.id, notice.input, { signal: early.signal });
    expect(await sent.catch((e: unknown) => e)).toBeInstanceOf(APIUserAbortError);
    expect(mock.calls).toHaveLength(0);
    const controller = new AbortController();
    const read = kapso.templates.get(notice.id, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await read).toBeInstanceOf(APIUserAbortError);
  });

  it("an abort of a send in flight leaves its outcome unknown, the abort as its cause", async () => {
    const { mock, kapso } = client();
    mock.fault({ kind: "hang" });
    const controller = new AbortController();
    const done = kapso.templates.send(notice.id, notice.input, { signal: controller.signal });
    const outcome = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = (await outcome) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(APIUserAbortError);
    expect(mock.calls).toHaveLength(1);
  });

  it("per-request maxRetries and timeout win over the client's", async () => {
    const { mock, kapso } = client({ maxRetries: 5, timeout: 60_000 });
    mock.fault({ kind: "error", status: 503 });
    const error = await failure(kapso.templates.get(notice.id, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(mock.calls).toHaveLength(1);

    mock.fault({ kind: "hang" }, { times: always });
    const started = Date.now();
    const timedOut = await failure(
      kapso.templates
        .get(notice.id, { timeout: 1000, maxRetries: 0 })
        .catch((e: unknown) => Promise.reject({ error: e, after: Date.now() - started })),
    );
    expect(timedOut).toEqual({ error: expect.any(APIConnectionTimeoutError), after: 1000 });
    expect(mock.calls).toHaveLength(2);
  });
});

describe("the time budget", () => {
  it("a client-wide totalTimeout stops waiting for a Retry-After that would end past it", async () => {
    const { mock, kapso } = client({ totalTimeout: 10_000 });
    mock.fault({ kind: "rateLimited", retryAfter: 30 });
    const error = await failure(send(kapso));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(mock.calls).toHaveLength(1);
  });
});
