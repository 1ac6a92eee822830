// Every bound holds over the whole exchange, the answer's body included, with Node's real
// global fetch against a server that sends its headers and a few bytes, then nothing.
import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  Kapso,
  SendOutcomeUnknownError,
} from "../../src/index.js";
import { httpAnswer, json, type RawServer, SEND_OK, startRawServer } from "../support/raw-http-server.js";

const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TO = "+14155550123";
// A loaded 2-core machine may be late by this much; the bug this guards against was 300 s.
const SLACK_MS = 400;

/** Headers promising 500 bytes, 20 of them, and then silence. */
const stallBody = (socket: import("node:net").Socket) =>
  socket.write(
    httpAnswer(200, { "Content-Type": "application/json", "Content-Length": 500 }, '{"status":"success",'),
  );

let server: RawServer;
afterEach(async () => {
  await server?.close();
});

async function timed<T>(promise: Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe("a stalled answer body, through the global fetch", () => {
  it("ends a send at its per-attempt timeout, as unknown, sent once", async () => {
    server = await startRawServer(stallBody);
    const kapso = new Kapso({ apiKey: "key_bounds_1", baseUrl: server.url, timeout: 1000, logLevel: "off" });
    const { error, ms } = await timed(kapso.templates.send(TEMPLATE, { to: TO }));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    const unknown = error as SendOutcomeUnknownError;
    expect(unknown.cause).toBeInstanceOf(APIConnectionTimeoutError);
    expect(unknown.status).toBe(200);
    expect(unknown.message).toMatch(/HTTP 200 from 127\.0\.0\.1:\d+, then its body timed out within 1000 ms/);
    expect(ms).toBeGreaterThan(900);
    expect(ms).toBeLessThan(1000 + SLACK_MS);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("ends a send at totalTimeout", async () => {
    server = await startRawServer(stallBody);
    const kapso = new Kapso({
      apiKey: "key_bounds_2",
      baseUrl: server.url,
      totalTimeout: 1500,
      logLevel: "off",
    });
    const { error, ms } = await timed(kapso.templates.send(TEMPLATE, { to: TO }));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(ms).toBeLessThan(1500 + SLACK_MS);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("ends a send when the caller's signal fires, as unknown (it was in flight)", async () => {
    server = await startRawServer(stallBody);
    const kapso = new Kapso({ apiKey: "key_bounds_3", baseUrl: server.url, logLevel: "off" });
    const { error, ms } = await timed(
      kapso.templates.send(TEMPLATE, { to: TO }, { signal: AbortSignal.timeout(1000) }),
    );
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error as SendOutcomeUnknownError).cause).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(1000 + SLACK_MS);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("retries a read as a timeout, then ends it within its bounds", async () => {
    server = await startRawServer(stallBody);
    const kapso = new Kapso({
      apiKey: "key_bounds_4",
      baseUrl: server.url,
      timeout: 500,
      maxRetries: 1,
      logLevel: "off",
    });
    const { error, ms } = await timed(kapso.templates.get(TEMPLATE));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(2);
    // Two attempts of 500 ms and a backoff of at most 500 ms between them.
    expect(ms).toBeLessThan(1500 + SLACK_MS);
  });
});

describe("a server that never answers", () => {
  it("ends a send at its timeout as unknown, never sending it again", async () => {
    server = await startRawServer(() => {});
    const kapso = new Kapso({ apiKey: "key_bounds_5", baseUrl: server.url, timeout: 700, logLevel: "off" });
    const { error, ms } = await timed(kapso.templates.send(TEMPLATE, { to: TO }));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error as SendOutcomeUnknownError).message).toMatch(
      /No answer from 127\.0\.0\.1:\d+ within 700 ms/,
    );
    expect(ms).toBeLessThan(700 + SLACK_MS);
    expect(server.sends.get(TO)).toBe(1);
  });
});

describe("limits beyond what a timer can hold", () => {
  it("with timeout and maxRetryDelay Infinity, a send succeeds rather than failing after 1 ms", async () => {
    server = await startRawServer(json(200, SEND_OK));
    const kapso = new Kapso({
      apiKey: "key_bounds_6",
      baseUrl: server.url,
      timeout: Number.POSITIVE_INFINITY,
      maxRetryDelay: Number.POSITIVE_INFINITY,
      logLevel: "off",
    });
    const result = await kapso.templates.send(TEMPLATE, { to: TO });
    expect((result.response as { messages: { id: string }[] }).messages[0]?.id).toBe("wamid.RAW1");
    expect(server.sends.get(TO)).toBe(1);
  });

  it("a timeout above 2^31-1 ms also holds for a whole exchange", async () => {
    server = await startRawServer(json(200, SEND_OK));
    const kapso = new Kapso({
      apiKey: "key_bounds_7",
      baseUrl: server.url,
      timeout: 2 ** 40,
      logLevel: "off",
    });
    await expect(kapso.templates.send(TEMPLATE, { to: TO })).resolves.toMatchObject({ status: "success" });
  });
});
