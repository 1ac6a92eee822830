// A send is not idempotent: it is repeated only where the server provably did not act on it
// (429, a connection refused before the request was written). After a timeout, a drop
// mid-request or a 5xx it is never sent twice unless the caller opts in with retryUnsafe.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  createTransport,
  SendOutcomeUnknownError,
} from "../../src/index.js";
import { json, post, refused, reset, type Step, scriptedFetch } from "../support/scripted-fetch.js";
import { settle } from "../support/settle.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const unsafe: [string, Step][] = [
  ["a 500", json(500)],
  ["a 502", json(502)],
  ["a 503", json(503)],
  ["a timeout", "hang"],
  ["a connection dropped mid-request", reset()],
];

describe("a send", () => {
  for (const [what, step] of unsafe) {
    for (const maxRetries of [0, 2, 5]) {
      it(`is sent once after ${what}, with maxRetries ${maxRetries}`, async () => {
        const { fetch, requests } = scriptedFetch(step, json(200));
        await settle(createTransport({ fetch, maxRetries, timeout: 1000 })(post()));
        expect(requests).toHaveLength(1);
      });
    }
  }

  it("returns a 5xx answer as it is, for the caller to report as unknown", async () => {
    const { fetch } = scriptedFetch(json(500, { status: "error", message: "Failed to send" }));
    const { value } = await settle(createTransport({ fetch })(post()));
    expect(value?.status).toBe(500);
  });

  it("throws SendOutcomeUnknownError after a timeout, with the timeout as cause", async () => {
    const { fetch } = scriptedFetch("hang");
    const { error } = await settle(createTransport({ fetch, timeout: 1000 })(post()));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error as SendOutcomeUnknownError).cause).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("throws SendOutcomeUnknownError after a drop mid-request, with the runtime's error inside", async () => {
    const drop = reset();
    const { fetch } = scriptedFetch(drop);
    const { error } = await settle(createTransport({ fetch })(post()));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    const cause = (error as SendOutcomeUnknownError).cause;
    expect(cause).toBeInstanceOf(APIConnectionError);
    expect(cause.cause).toBe(drop);
  });

  it("is not retried after a 408", async () => {
    const { fetch, requests } = scriptedFetch(json(408), json(200));
    const { value } = await settle(createTransport({ fetch })(post()));
    expect(value?.status).toBe(408);
    expect(requests).toHaveLength(1);
  });

  it("is retried after a 429, with the same body each time", async () => {
    const { fetch, requests, bodies } = scriptedFetch(json(429, {}, { "Retry-After": "1" }), json(200));
    const { value } = await settle(createTransport({ fetch })(post()));
    expect(value?.status).toBe(200);
    expect(requests).toHaveLength(2);
    expect(bodies).toEqual(['{"template":{}}', '{"template":{}}']);
  });

  it("hands back the 429 when the retries run out", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "0" }));
    const { value } = await settle(createTransport({ fetch })(post()));
    expect(value?.status).toBe(429);
    expect(requests).toHaveLength(3);
  });

  it("is retried when the connection was refused, since nothing was written", async () => {
    const { fetch, requests } = scriptedFetch(refused(), json(200));
    const { value } = await settle(createTransport({ fetch })(post()));
    expect(value?.status).toBe(200);
    expect(requests).toHaveLength(2);
  });

  it("throws APIConnectionError, not an unknown outcome, when every attempt was refused", async () => {
    const { fetch, requests } = scriptedFetch(refused());
    const { error } = await settle(createTransport({ fetch })(post()));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(SendOutcomeUnknownError);
    expect(requests).toHaveLength(3);
  });

  describe("with retryUnsafe", () => {
    it("is retried after a 500", async () => {
      const { fetch, requests } = scriptedFetch(json(500), json(200));
      const { value } = await settle(createTransport({ fetch, retryUnsafe: true })(post()));
      expect(value?.status).toBe(200);
      expect(requests).toHaveLength(2);
    });

    it("is retried after a timeout, set per request, and still reports an unknown outcome at the end", async () => {
      const { fetch, requests } = scriptedFetch("hang");
      const { error } = await settle(
        createTransport({ fetch, timeout: 1000 })(post(), { retryUnsafe: true }),
      );
      expect(requests).toHaveLength(3);
      expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    });
  });
});
