import { describe, expect, it } from "vitest";
import { createKapsoMock } from "../../src/index.js";
import { get } from "../support/requests.js";

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("the per-minute rate limiter", () => {
  it("counts down X-RateLimit-Remaining with X-RateLimit-Limit on every answer", async () => {
    const time = clock();
    const mock = createKapsoMock({ rateLimit: { perMinute: 3 }, now: time.now });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const response = await get(mock, "/whatsapp_templates");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(response.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
  });

  it("shows each key's window without the key: used, remaining, and when it ends", async () => {
    const time = clock();
    const mock = createKapsoMock({ rateLimit: { perMinute: 3 }, now: time.now });
    expect(createKapsoMock().rateLimit).toBeNull();
    expect(mock.rateLimit).toEqual({ perMinute: 3, windows: [] });
    await get(mock, "/whatsapp_templates");
    time.advance(20_000);
    await get(mock, "/whatsapp_templates");
    await get(mock, "/whatsapp_templates", { "X-API-Key": "second_key" });
    expect(mock.rateLimit).toEqual({
      perMinute: 3,
      windows: [
        { used: 2, remaining: 1, resetsInMs: 40_000 },
        { used: 1, remaining: 2, resetsInMs: 60_000 },
      ],
    });
    expect(JSON.stringify(mock.rateLimit)).not.toContain("second_key");
    time.advance(40_000);
    expect(mock.rateLimit?.windows).toEqual([{ used: 1, remaining: 2, resetsInMs: 20_000 }]);
  });

  it("answers 429 with Retry-After until the minute is over, then lets requests through again", async () => {
    const time = clock();
    const mock = createKapsoMock({ rateLimit: { perMinute: 2 }, now: time.now });
    await get(mock, "/whatsapp_templates");
    time.advance(15_000);
    await get(mock, "/whatsapp_templates");
    const limited = await get(mock, "/whatsapp_templates");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("2");
    expect(await limited.json()).toEqual({ error: "Rate limit exceeded" });
    time.advance(44_500);
    expect((await get(mock, "/whatsapp_templates")).headers.get("retry-after")).toBe("1");
    time.advance(500);
    const again = await get(mock, "/whatsapp_templates");
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("1");
  });

  it("counts each API key on its own", async () => {
    const time = clock();
    const mock = createKapsoMock({ rateLimit: { perMinute: 1 }, now: time.now });
    expect((await get(mock, "/whatsapp_templates", { "X-API-Key": "a" })).status).toBe(200);
    expect((await get(mock, "/whatsapp_templates", { "X-API-Key": "a" })).status).toBe(429);
    expect((await get(mock, "/whatsapp_templates", { "X-API-Key": "b" })).status).toBe(200);
  });

  it("counts invalid requests, but not unauthenticated ones; reset() opens a new window", async () => {
    const time = clock();
    const mock = createKapsoMock({ rateLimit: { perMinute: 1 }, now: time.now });
    expect((await mock.fetch(`${mock.baseUrl}/whatsapp_templates`)).status).toBe(401);
    const invalid = await get(mock, "/whatsapp_templates?per_page=0");
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await get(mock, "/whatsapp_templates")).status).toBe(429);
    mock.reset();
    expect((await get(mock, "/whatsapp_templates")).status).toBe(200);
  });

  it("refuses a limit below one", () => {
    expect(() => createKapsoMock({ rateLimit: { perMinute: 0 } })).toThrow(RangeError);
  });
});
