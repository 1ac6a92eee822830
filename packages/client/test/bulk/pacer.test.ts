import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/bulk/pacer.js";
import { createVirtualClock } from "./virtual-clock.js";

const signal = new AbortController().signal;

async function slots(pacer: Pacer, clock: { now(): number }, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await pacer.acquire(signal);
    times.push(clock.now());
    pacer.complete();
  }
  return times;
}

describe("Pacer", () => {
  it("spaces sends at the configured rate", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ intervalMs: 100, clock });
    const times = await slots(pacer, clock, 11);
    expect(times.at(-1)! - times[0]!).toBe(1000);
  });

  it("does not pace without a rate or server headers", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await slots(pacer, clock, 50);
    expect(clock.sleeps).toEqual([]);
  });

  it("slows to the pace X-RateLimit-Limit allows in its window", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ windowMs: 60_000, clock });
    await pacer.acquire(signal);
    pacer.complete({ headers: new Headers({ "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "99" }) });
    const times = await slots(pacer, clock, 3);
    // 100 per minute is one per 600 ms, kept 2% under.
    expect(times[1]! - times[0]!).toBeCloseTo(612, 5);
    expect(times[2]! - times[1]!).toBeCloseTo(612, 5);
  });

  it("pauses every waiting send for the 429's Retry-After", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await pacer.acquire(signal);
    const before = clock.now();
    pacer.complete({ status: 429, retryAfterMs: 30_000, headers: { "X-RateLimit-Remaining": "0" } });
    expect(pacer.paused).toBe(true);
    expect(pacer.pausedUntil).toBe(before + 30_000);
    expect(pacer.rateLimited).toBe(1);
    await pacer.acquire(signal);
    expect(clock.now() - before).toBe(30_000);
    expect(pacer.paused).toBe(false);
  });

  it("pauses for a minute, the API's window, after a 429 that names no wait", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await pacer.acquire(signal);
    const before = clock.now();
    pacer.complete({ status: 429 });
    await pacer.acquire(signal);
    expect(clock.now() - before).toBe(60_000);
  });

  it("prefers the wait an error already parsed", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await pacer.acquire(signal);
    const before = clock.now();
    pacer.complete({ status: 429, retryAfterMs: 1500 });
    await pacer.acquire(signal);
    expect(clock.now() - before).toBe(1500);
  });

  it("lets one send through at a time once the server's budget looks spent", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await pacer.acquire(signal);
    await pacer.acquire(signal);
    // One request is left, and the send still in flight may take it.
    pacer.complete({ headers: { "X-RateLimit-Remaining": "1" } });
    const order: string[] = [];
    const probe = pacer.acquire(signal).then(() => order.push("probe"));
    const next = pacer.acquire(signal).then(() => order.push("next"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual([]);
    pacer.complete({ headers: { "X-RateLimit-Remaining": "0" } });
    await probe;
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The probe is alone on the wire; the next waits for its answer.
    expect(order).toEqual(["probe"]);
    pacer.complete({ headers: { "X-RateLimit-Remaining": "40" } });
    await next;
    expect(order).toEqual(["probe", "next"]);
  });

  it("keeps an absolute schedule, so late timers do not lower the rate", async () => {
    let now = 0;
    // Every timer fires 3 ms late.
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms + 3;
      },
    };
    const pacer = new Pacer({ intervalMs: 10, clock });
    const times = await slots(pacer, clock, 1001);
    const achieved = 1000 / (times.at(-1)! - times[0]!);
    expect(achieved).toBeGreaterThan(0.098);
  });

  it("catches up after a short stall, but sends no burst after an idle spell", async () => {
    let now = 0;
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
    const pacer = new Pacer({ intervalMs: 10, clock });
    await slots(pacer, clock, 1);
    now += 300; // the event loop was busy: 30 slots behind
    const afterStall = await slots(pacer, clock, 30);
    expect(afterStall.at(-1)).toBe(afterStall[0]); // caught up without waiting
    now += 5000; // nothing to send for a while
    const afterIdle = await slots(pacer, clock, 3);
    expect(afterIdle[1]! - afterIdle[0]!).toBe(10);
    expect(afterIdle[2]! - afterIdle[1]!).toBe(10);
  });

  it("stops waiting when aborted", async () => {
    const clock = createVirtualClock();
    const pacer = new Pacer({ clock });
    await pacer.acquire(signal);
    pacer.complete({ status: 429, retryAfterMs: 60_000 });
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(pacer.acquire(controller.signal)).rejects.toThrow("stop");
  });
});
