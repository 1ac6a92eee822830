// Each attempt has its own timeout (60 s unless set); a read that times out is retried, a
// send that times out has an unknown outcome.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIConnectionTimeoutError, createTransport, SendOutcomeUnknownError } from "../../src/index.js";
import { get, json, post, scriptedFetch } from "../support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the per-attempt timeout", () => {
  it("is 60 s by default; a read is then retried", async () => {
    const { fetch, requests } = scriptedFetch("hang", json(200));
    const done = createTransport({ fetch })(get());
    await vi.advanceTimersByTimeAsync(59_999);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(2);
    expect((await done).status).toBe(200);
  });

  it("ends a read with APIConnectionTimeoutError when every attempt timed out", async () => {
    const { fetch, requests } = scriptedFetch("hang");
    const done = createTransport({ fetch, timeout: 1000 })(get());
    const outcome = done.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await outcome).toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests).toHaveLength(3);
  });

  it("can be set per request", async () => {
    const { fetch, requests } = scriptedFetch("hang");
    const done = createTransport({ fetch })(post(), { timeout: 250 });
    const outcome = done.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(250);
    expect(await outcome).toBeInstanceOf(SendOutcomeUnknownError);
    expect(requests).toHaveLength(1);
  });

  it("ends an attempt whose fetch ignores its signal", async () => {
    let calls = 0;
    const fetch = () => {
      calls++;
      return new Promise<Response>(() => {});
    };
    const done = createTransport({ fetch, timeout: 100, maxRetries: 0 })(get());
    const outcome = done.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toBeInstanceOf(APIConnectionTimeoutError);
    expect(calls).toBe(1);
  });

  it("is shortened to what is left of totalTimeout", async () => {
    const { fetch } = scriptedFetch("hang");
    const done = createTransport({ fetch })(get(), { totalTimeout: 300 });
    const outcome = done.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(300);
    expect(await outcome).toBeInstanceOf(APIConnectionTimeoutError);
  });
});
