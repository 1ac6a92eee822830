// Reads change nothing on the server, so they are retried on 408, 429, 5xx and any
// connection error.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIConnectionError, createTransport } from "../../src/index.js";
import { get, json, reset, scriptedFetch } from "../support/scripted-fetch.js";
import { settle } from "../support/settle.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a read", () => {
  it.each([408, 429, 500, 502, 503, 504])(
    "is retried after %i and returns the answer that follows",
    async (status) => {
      const { fetch, requests } = scriptedFetch(json(status), json(200, { data: [] }));
      const { value } = await settle(createTransport({ fetch })(get()));
      expect(value?.status).toBe(200);
      expect(requests).toHaveLength(2);
    },
  );

  it.each([400, 401, 403, 404, 422])("is not retried after %i", async (status) => {
    const { fetch, requests } = scriptedFetch(json(status));
    const { value } = await settle(createTransport({ fetch })(get()));
    expect(value?.status).toBe(status);
    expect(requests).toHaveLength(1);
  });

  it("gives up after two retries by default and returns the last answer", async () => {
    const { fetch, requests } = scriptedFetch(json(503));
    const { value } = await settle(createTransport({ fetch })(get()));
    expect(value?.status).toBe(503);
    expect(requests).toHaveLength(3);
  });

  it("follows maxRetries from the transport and from the request", async () => {
    const first = scriptedFetch(json(500));
    await settle(createTransport({ fetch: first.fetch, maxRetries: 4 })(get()));
    expect(first.requests).toHaveLength(5);

    const second = scriptedFetch(json(500));
    await settle(createTransport({ fetch: second.fetch, maxRetries: 4 })(get(), { maxRetries: 0 }));
    expect(second.requests).toHaveLength(1);
  });

  it("is retried after a dropped connection and throws APIConnectionError with the cause", async () => {
    const drop = reset();
    const { fetch, requests } = scriptedFetch(drop);
    const { error } = await settle(createTransport({ fetch })(get()));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).cause).toBe(drop);
    expect(requests).toHaveLength(3);
  });

  it("recovers when the connection comes back", async () => {
    const { fetch, requests } = scriptedFetch(reset(), json(200));
    const { value } = await settle(createTransport({ fetch })(get()));
    expect(value?.status).toBe(200);
    expect(requests).toHaveLength(2);
  });
});
