// No delay above 2^31-1 ms ever reaches setTimeout (Node would fire it at once): a long wait
// is armed in steps, and Infinity arms nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { after, MAX_TIMER, sleep } from "../../src/transport/timers.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("after", () => {
  it("arms no timer for Infinity", () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    after(Number.POSITIVE_INFINITY, () => {});
    expect(spy).not.toHaveBeenCalled();
  });

  it("arms a wait longer than 2^31-1 ms in steps that each fit, and fires at the end", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const fired = vi.fn();
    after(MAX_TIMER * 2 + 5, fired);
    for (const call of spy.mock.calls) {
      expect(call[1]).toBeLessThanOrEqual(MAX_TIMER);
    }
    await vi.advanceTimersByTimeAsync(MAX_TIMER * 2);
    expect(fired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5);
    expect(fired).toHaveBeenCalledOnce();
    expect(spy.mock.calls.every((call) => (call[1] as number) <= MAX_TIMER)).toBe(true);
  });

  it("can be cancelled at any step", async () => {
    const fired = vi.fn();
    const cancel = after(MAX_TIMER + 10, fired);
    await vi.advanceTimersByTimeAsync(MAX_TIMER + 1);
    cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).not.toHaveBeenCalled();
  });
});

describe("sleep", () => {
  it("ends early with an abort error when the signal fires", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    expect((await waiting)?.name).toBe("APIUserAbortError");
  });
});
