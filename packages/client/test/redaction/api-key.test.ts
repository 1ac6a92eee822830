// The API key never shows: not in JSON or util.inspect of the client, not in any error
// (including its cause chain, body and headers), not in any log line, even when a server
// echoes it back.
import { inspect } from "node:util";
import type { Fault } from "@kapsokit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type APIError, Kapso, type SendTemplateInput } from "../../src/index.js";
import { memoryLogger } from "../support/memory-logger.js";
import { API_KEY, expectRequestsKeptToTheSpec, kapsoOnMock, notice } from "../support/mock-client.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});
afterEach(expectRequestsKeptToTheSpec);

/** Everything an error shows, including its cause chain, body and headers. */
const showError = (error: unknown) =>
  `${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)} ${String(error)}`;

/** An answer of a server that echoes the key it was given, in its body and a header. */
const echo = (status: number): Fault => ({
  kind: "error",
  status,
  body: { error: `Invalid key ${API_KEY}`, message: `key ${API_KEY} refused` },
  headers: { "X-Echo": API_KEY },
});

const cases: [string, Fault | null, SendTemplateInput?][] = [
  ["a 401 that echoes the key", echo(401)],
  ["a 422 that echoes the key", echo(422)],
  ["a 429 that echoes the key", echo(429)],
  ["a 500 that echoes the key", echo(500)],
  ["a timeout", { kind: "hang" }],
  ["a refused connection", { kind: "networkError", code: "ECONNREFUSED" }],
  ["invalid input", null, { to: API_KEY, parameters: [API_KEY, ""] }],
];

describe("the API key", () => {
  it("is not in JSON.stringify or util.inspect of the client", () => {
    const kapso = new Kapso({ apiKey: API_KEY, logLevel: "off" });
    expect(JSON.stringify(kapso)).not.toContain(API_KEY);
    expect(inspect(kapso, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(inspect(kapso.templates, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(`${kapso}`).not.toContain(API_KEY);
    expect(JSON.stringify(kapso)).toContain("[redacted]");
  });

  for (const [what, fault, input] of cases) {
    it(`is not in the error or the log after ${what}`, async () => {
      const { lines, logger } = memoryLogger();
      const { mock, kapso } = kapsoOnMock({ logger, logLevel: "debug", timeout: 100 });
      if (fault) {
        mock.fault(fault, { times: Number.POSITIVE_INFINITY });
      }
      const outcome = kapso.templates
        .send(notice.id, input ?? notice.input)
        .then(() => undefined)
        .catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      const error = await outcome;
      expect(error).toBeDefined();
      expect(showError(error)).not.toContain(API_KEY);
      for (const line of lines) {
        expect(line.message).not.toContain(API_KEY);
      }
    });
  }

  it("is replaced in an echoed error body and header, which are kept otherwise", async () => {
    const { mock, kapso } = kapsoOnMock({ logLevel: "off" });
    mock.fault(echo(401));
    const error = (await kapso.templates.get(notice.id).catch((e: unknown) => e)) as APIError;
    expect(error.message).toBe("key [redacted] refused");
    expect(error.body).toEqual({ error: "Invalid key [redacted]", message: "key [redacted] refused" });
    expect(error.headers.get("x-echo")).toBe("[redacted]");
  });

  it("is not in a log line even when the base URL carries it", async () => {
    const { lines, logger } = memoryLogger();
    const { kapso } = kapsoOnMock({ logger, logLevel: "debug" }, { baseUrl: `https://x.test/${API_KEY}` });
    await kapso.templates.get(notice.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toMatch(/^kapso: GET \/whatsapp_templates\//);
    expect(lines[0]?.message).not.toContain(API_KEY);
  });
});
