// onRequest reports once when a request ends and once before each retry, which is what the
// client's log lines are made of.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTransport, type RequestEvent, SendOutcomeUnknownError } from "../../src/index.js";
import { get, json, post, reset, scriptedFetch } from "../support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("onRequest", () => {
  it("reports each retry and then the end, with method, URL, status and retry count", async () => {
    const events: RequestEvent[] = [];
    const { fetch } = scriptedFetch(json(429, {}, { "Retry-After": "1" }), json(200));
    const done = createTransport({ fetch, onRequest: (event) => events.push(event) })(get());
    await vi.runAllTimersAsync();
    await done;
    expect(events).toEqual([
      expect.objectContaining({ method: "GET", url: get().url, status: 429, retries: 0, retryIn: 1000 }),
      expect.objectContaining({ method: "GET", status: 200, retries: 1 }),
    ]);
    expect(events[1]?.retryIn).toBeUndefined();
    expect(events[1]?.ms).toBe(1000);
  });

  it("reports the error that ended a request", async () => {
    const events: RequestEvent[] = [];
    const { fetch } = scriptedFetch(reset());
    await createTransport({ fetch, onRequest: (event) => events.push(event) })(post()).catch(() => {});
    expect(events).toHaveLength(1);
    expect(events[0]?.error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(events[0]?.status).toBeUndefined();
  });
});
