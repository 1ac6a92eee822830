// Waits between attempts: Retry-After (seconds or an HTTP date) when the server sends one,
// capped by maxRetryDelay and bounded by the call's totalTimeout; otherwise capped
// exponential backoff with jitter. Fake timers: each assertion is about order, not speed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTransport } from "../../src/index.js";
import { backoff } from "../../src/transport/timers.js";
import { get, json, post, scriptedFetch } from "../support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("Retry-After", () => {
  it("in seconds: the next attempt comes when the server asked, not before", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "3" }), json(200));
    const done = createTransport({ fetch })(post());
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect((await done).status).toBe(200);
  });

  it("as an HTTP date: the next attempt comes at that time", async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": at }), json(200));
    const done = createTransport({ fetch })(get());
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect((await done).status).toBe(200);
  });

  it("is also honoured on a 503 to a read", async () => {
    const { fetch, requests } = scriptedFetch(json(503, {}, { "Retry-After": "2" }), json(200));
    const done = createTransport({ fetch })(get());
    await vi.advanceTimersByTimeAsync(1999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await done).status).toBe(200);
  });

  it("longer than maxRetryDelay ends the retries and hands the 429 back at once", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "120" }), json(200));
    const response = await createTransport({ fetch })(post());
    expect(response.status).toBe(429);
    expect(requests).toHaveLength(1);

    const custom = scriptedFetch(json(429, {}, { "Retry-After": "5" }), json(200));
    expect((await createTransport({ fetch: custom.fetch, maxRetryDelay: 4000 })(post())).status).toBe(429);
  });

  it("past the call's totalTimeout is not waited for", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "10" }), json(200));
    const response = await createTransport({ fetch })(post(), { totalTimeout: 5000 });
    expect(response.status).toBe(429);
    expect(requests).toHaveLength(1);
  });

  it("past the transport's default totalTimeout is not waited for either", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "10" }), json(200));
    const response = await createTransport({ fetch, totalTimeout: 5000 })(post());
    expect(response.status).toBe(429);
    expect(requests).toHaveLength(1);
  });

  it("within the call's totalTimeout is waited for", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "1" }), json(200));
    const done = createTransport({ fetch })(post(), { totalTimeout: 5000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(2);
    expect((await done).status).toBe(200);
  });
});

describe("backoff without Retry-After", () => {
  it("waits between 375 and 500 ms before the first retry", async () => {
    const { fetch, requests } = scriptedFetch(json(500), json(200));
    const done = createTransport({ fetch })(get());
    await vi.advanceTimersByTimeAsync(374);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(126);
    expect(requests).toHaveLength(2);
    expect((await done).status).toBe(200);
  });

  it("doubles each time and never exceeds 8 s", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 5, 10].map(backoff)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("takes off up to a quarter at random, so clients do not retry in lockstep", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999_999);
    expect(backoff(0)).toBeCloseTo(375, 0);
    expect(backoff(9)).toBeCloseTo(6000, 0);
  });
});
