// The decision after an attempt, as a pure function: every rule on its own, no timers, no I/O.
import { describe, expect, it } from "vitest";
import type { AttemptResult } from "../../src/transport/attempt.js";
import { decide, type Situation } from "../../src/transport/decide.js";
import { DEFAULTS, type Settings } from "../../src/transport/options.js";

const answer = (status: number, type: ResponseType = "default"): AttemptResult => ({
  kind: "answer",
  response: Object.assign(new Response(null, { status: status === 0 ? 200 : status }), {}) as Response,
  text: "",
  ...(type === "opaqueredirect" ? { response: { status: 0, type, headers: new Headers() } as Response } : {}),
});
const failed = (ended?: "timeout" | "abort", response?: Response, notStarted?: true): AttemptResult => ({
  kind: "failed",
  ended,
  response,
  cause: new Error("x"),
  ...(notStarted ? { notStarted } : {}),
});

const send: Situation = {
  read: false,
  notSent: false,
  mayHaveActed: false,
  backoff: 500,
  retries: 0,
  timeLeft: Number.POSITIVE_INFINITY,
};
const read: Situation = { ...send, read: true };
const settings: Settings = DEFAULTS;

describe("decide", () => {
  it("hands back a 4xx (but 408 and 429) to a send and a read alike", () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(decide(answer(status), send, settings)).toEqual({ answer: true });
      expect(decide(answer(status), read, settings)).toEqual({ answer: true });
    }
  });

  it("retries a 429 for a send and a read, after Retry-After or else the backoff", () => {
    expect(decide(answer(429), { ...send, retryAfter: 2000 }, settings)).toEqual({ retry: 2000 });
    expect(decide(answer(429), read, settings)).toEqual({ retry: 500 });
  });

  it("retries 408 and 5xx only where repeating is harmless: a read, or a send with retryUnsafe", () => {
    for (const status of [408, 500, 502, 503, 504]) {
      expect(decide(answer(status), send, settings)).toEqual({ answer: true });
      expect(decide(answer(status), read, settings)).toEqual({ retry: 500 });
      expect(decide(answer(status), send, { ...settings, retryUnsafe: true })).toEqual({ retry: 500 });
    }
  });

  it("never follows a redirect", () => {
    for (const status of [301, 302, 303, 307, 308]) {
      expect(decide(answer(status), send, settings)).toEqual({ fail: "redirect", unknown: false });
    }
    expect(decide(answer(0, "opaqueredirect"), read, settings)).toEqual({ fail: "redirect", unknown: false });
  });

  it("after a timeout or a dropped connection: a send is unknown, a read is retried", () => {
    for (const ended of ["timeout", undefined] as const) {
      const kind = ended ?? "connection";
      expect(decide(failed(ended), send, settings)).toEqual({ fail: kind, unknown: true });
      expect(decide(failed(ended), read, settings)).toEqual({ retry: 500 });
      expect(decide(failed(ended), send, { ...settings, retryUnsafe: true })).toEqual({ retry: 500 });
    }
  });

  it("after a connection that was never made: a send is retried too, and fails as not sent", () => {
    expect(decide(failed(), { ...send, notSent: true }, settings)).toEqual({ retry: 500 });
    expect(decide(failed(), { ...send, notSent: true, retries: 2 }, settings)).toEqual({
      fail: "connection",
      unknown: false,
    });
  });

  it("after a lost body: a send answered 2xx or 5xx is unknown, 4xx is not, 429 is retried", () => {
    const lost = (status: number) => failed("timeout", new Response(null, { status }));
    expect(decide(lost(200), { ...send, mayHaveActed: true }, settings)).toEqual({
      fail: "timeout",
      unknown: true,
    });
    expect(decide(lost(503), { ...send, mayHaveActed: true }, settings)).toEqual({
      fail: "timeout",
      unknown: true,
    });
    expect(decide(lost(422), send, settings)).toEqual({ fail: "timeout", unknown: false });
    expect(decide(lost(429), send, settings)).toEqual({ retry: 500 });
    expect(decide(lost(200), read, settings)).toEqual({ retry: 500 });
  });

  it("an abort: unknown only for a send already handed to fetch", () => {
    expect(decide(failed("abort"), send, settings)).toEqual({ fail: "abort", unknown: true });
    expect(decide(failed("abort", undefined, true), send, settings)).toEqual({
      fail: "abort",
      unknown: false,
    });
    expect(decide(failed("abort"), read, settings)).toEqual({ fail: "abort", unknown: false });
  });

  it("stops retrying at maxRetries, past maxRetryDelay and past totalTimeout", () => {
    const retryable = answer(429);
    expect(decide(retryable, { ...send, retries: 2 }, settings)).toEqual({ answer: true });
    expect(decide(retryable, { ...send, retryAfter: 61_000 }, settings)).toEqual({ answer: true });
    expect(
      decide(
        retryable,
        { ...send, retryAfter: 61_000 },
        { ...settings, maxRetryDelay: Number.POSITIVE_INFINITY },
      ),
    ).toEqual({ retry: 61_000 });
    expect(decide(retryable, { ...send, retryAfter: 5000, timeLeft: 4000 }, settings)).toEqual({
      answer: true,
    });
    expect(
      decide(failed(), { ...read, retries: 5 }, { ...settings, maxRetries: Number.POSITIVE_INFINITY }),
    ).toEqual({ retry: 500 });
  });
});
