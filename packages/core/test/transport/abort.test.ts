// The caller's AbortSignal ends a call at once: during an attempt, during the wait between
// attempts, or before anything was sent. An aborted call is never retried.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIUserAbortError, createTransport } from "../../src/index.js";
import { get, json, post, scriptedFetch } from "../support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("aborting", () => {
  it("during a request rejects with APIUserAbortError and does not retry", async () => {
    const { fetch, requests } = scriptedFetch("hang", json(200));
    const controller = new AbortController();
    const done = createTransport({ fetch })(get(), { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it("during the wait between attempts rejects at once, without another attempt", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "Retry-After": "30" }), json(200));
    const controller = new AbortController();
    const done = createTransport({ fetch })(post(), { signal: controller.signal });
    const outcome = done.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(await outcome).toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
  });

  it("before the call sends nothing", async () => {
    const { fetch, requests } = scriptedFetch(json(200));
    await expect(createTransport({ fetch })(post(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(requests).toHaveLength(0);
  });

  it("also listens to the signal of the Request itself", async () => {
    const { fetch } = scriptedFetch("hang");
    const controller = new AbortController();
    const done = createTransport({ fetch })(get({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("ends an attempt even when the fetch ignores its signal", async () => {
    const fetch = () => new Promise<Response>(() => {});
    const controller = new AbortController();
    const done = createTransport({ fetch })(get(), { signal: controller.signal });
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
