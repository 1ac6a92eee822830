// What the server answers, through the global fetch: a 5xx on a send (unknown, with the
// answer on the error), 429s with odd Retry-After values, malformed and huge bodies, a flood
// of headers. The server counts the sends it received in full: never more than one each.
import { afterEach, describe, expect, it } from "vitest";
import { InternalServerError, Kapso, RateLimitError, SendOutcomeUnknownError } from "../../src/index.js";
import { httpAnswer, json, type RawServer, SEND_OK, startRawServer } from "../support/raw-http-server.js";

const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TO = "+14155550123";

let server: RawServer;
afterEach(async () => {
  await server?.close();
});

const client = (options: Record<string, unknown> = {}) =>
  new Kapso({ apiKey: "key_answers_7d1f", baseUrl: server.url, logLevel: "off", ...options });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("a 5xx to a send", () => {
  it("is unknown, carries the answer's status, message, body, headers and request id, and is sent once", async () => {
    const body = {
      status: "error",
      message: "Failed to send template message: (#131026) Message undeliverable",
    };
    server = await startRawServer(json(503, body, { "X-Request-Id": "req_503" }));
    const error = (await failure(client().templates.send(TEMPLATE, { to: TO }))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(503);
    expect(error.body).toEqual(body);
    expect(error.headers?.get("x-request-id")).toBe("req_503");
    expect(error.requestId).toBe("req_503");
    expect(error.message).toContain("(#131026) Message undeliverable");
    expect(server.sends.get(TO)).toBe(1);
  });

  it("with a whole HTML page (or megabytes of it) as its body: a short message, the body kept whole", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${"<p>upstream failed</p>\n".repeat(200_000)}</body></html>`;
    server = await startRawServer((socket) =>
      socket.write(httpAnswer(502, { "Content-Type": "text/html" }, page)),
    );
    const error = (await failure(client().templates.send(TEMPLATE, { to: TO }))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.status).toBe(502);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain("502 Bad Gateway");
    expect(error.body).toBe(page);
    expect(server.sends.get(TO)).toBe(1);
  });
});

describe("a 200 that cannot be read", () => {
  it("is unknown on a send, with its status, and sent once", async () => {
    server = await startRawServer((socket) =>
      socket.write(
        httpAnswer(200, { "Content-Type": "application/json" }, '{"status":"success","message":"Templ'),
      ),
    );
    const error = (await failure(client().templates.send(TEMPLATE, { to: TO }))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.status).toBe(200);
    expect(server.sends.get(TO)).toBe(1);
  });
});

describe("a 429", () => {
  const rateLimited =
    (retryAfter: string, then: "ok" | "again" = "ok") =>
    (): Parameters<typeof startRawServer>[0] => {
      let calls = 0;
      return (socket) => {
        calls++;
        if (calls === 1 || then === "again") {
          json(
            429,
            { error: "Rate limit exceeded" },
            { "Retry-After": retryAfter, "X-RateLimit-Remaining": 0 },
          )(socket, {} as never, server);
        } else {
          json(200, SEND_OK)(socket, {} as never, server);
        }
      };
    };

  it("with Retry-After 0.3 seconds: waits that long, sends again, and succeeds", async () => {
    server = await startRawServer(rateLimited("0.3")());
    const started = performance.now();
    await expect(client().templates.send(TEMPLATE, { to: TO })).resolves.toMatchObject({ status: "success" });
    expect(performance.now() - started).toBeGreaterThan(280);
    expect(server.sends.get(TO)).toBe(2);
  });

  for (const odd of ["-5", "soon", ""]) {
    it(`with Retry-After ${JSON.stringify(odd)}: falls back to backoff and succeeds`, async () => {
      server = await startRawServer(rateLimited(odd)());
      await expect(client().templates.send(TEMPLATE, { to: TO })).resolves.toMatchObject({
        status: "success",
      });
      expect(server.sends.get(TO)).toBe(2);
    });
  }

  it("asking for longer than maxRetryDelay: handed to the caller at once, with retryAfter", async () => {
    server = await startRawServer(rateLimited("120")());
    const started = performance.now();
    const error = (await failure(client().templates.send(TEMPLATE, { to: TO }))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120_000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("asking for 9999999 s with maxRetryDelay Infinity: the totalTimeout still ends it at once", async () => {
    server = await startRawServer(rateLimited("9999999")());
    const kapso = client({ maxRetryDelay: Number.POSITIVE_INFINITY, totalTimeout: 5000 });
    const started = performance.now();
    const error = await failure(kapso.templates.send(TEMPLATE, { to: TO }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("every time: gives up after maxRetries and hands the last 429 to the caller", async () => {
    server = await startRawServer(rateLimited("0", "again")());
    const error = await failure(client({ maxRetries: 2 }).templates.send(TEMPLATE, { to: TO }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.sends.get(TO)).toBe(3);
  });
});

describe("an answer with many headers", () => {
  const filler = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`X-Filler-${i}`, "x".repeat(20)]));

  it("is read like any other while the runtime accepts them (300 headers, 10 kB)", async () => {
    server = await startRawServer(json(200, SEND_OK, filler(300)));
    const { response } = await client().templates.send(TEMPLATE, { to: TO }).withResponse();
    expect(response.headers.get("x-filler-299")).toBe("x".repeat(20));
    expect(server.sends.get(TO)).toBe(1);
  });

  it("past the runtime's limit (2,000 headers, 70 kB) leaves a send unknown, sent once", async () => {
    server = await startRawServer(json(200, SEND_OK, filler(2000)));
    const error = (await failure(client().templates.send(TEMPLATE, { to: TO }))) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.message).toMatch(/HEADERS_OVERFLOW/);
    expect(server.sends.get(TO)).toBe(1);
  });
});
