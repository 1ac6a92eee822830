// The API key never shows: not in JSON or util.inspect of the client, not in any error
// (including its cause chain, body and headers), not in any log line, even when a server
// echoes it back.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type APIError, Kapso, type SendTemplateInput } from "../../src/index.js";
import { API_KEY, fakeApi, fetchOf, memoryLogger, TEMPLATE_ID } from "../support/fake-api.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Everything an error shows, including its cause chain, body and headers. */
const showError = (error: unknown) =>
  `${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)} ${String(error)}`;

const echo = (status: number) => async (request: Request) =>
  Response.json(
    {
      error: `Invalid key ${request.headers.get("x-api-key")}`,
      message: `key ${request.headers.get("x-api-key")} refused`,
    },
    { status, headers: { "X-Echo": "x" } },
  );

const hang = (request: Request) =>
  new Promise<Response>((_, reject) =>
    request.signal.addEventListener("abort", () => reject(request.signal.reason)),
  );

const cases: [string, (request: Request) => Promise<Response>, SendTemplateInput?][] = [
  ["a 401 that echoes the key", echo(401)],
  ["a 422 that echoes the key", echo(422)],
  ["a 429 that echoes the key", echo(429)],
  ["a 500 that echoes the key", echo(500)],
  ["a timeout", hang],
  [
    "a refused connection",
    async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
      });
    },
  ],
  ["invalid input", echo(200), { to: API_KEY, parameters: [API_KEY, ""] }],
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

  for (const [what, fetch, input] of cases) {
    it(`is not in the error or the log after ${what}`, async () => {
      const { lines, logger } = memoryLogger();
      const kapso = new Kapso({
        apiKey: API_KEY,
        fetch: fetchOf(fetch),
        logger,
        logLevel: "debug",
        timeout: 100,
      });
      const outcome = kapso.templates
        .send(TEMPLATE_ID, input ?? { to: "+14155550123" })
        .then(() => undefined)
        .catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      const error = await outcome;
      expect(error).toBeDefined();
      expect(showError(error)).not.toContain(API_KEY);
      for (const line of lines) expect(line.message).not.toContain(API_KEY);
    });
  }

  it("is replaced in an echoed error body, which is kept otherwise", async () => {
    const kapso = new Kapso({ apiKey: API_KEY, fetch: fetchOf(echo(401)), logLevel: "off" });
    const error = (await kapso.templates.get(TEMPLATE_ID).catch((e: unknown) => e)) as APIError;
    expect(error.message).toBe("key [redacted] refused");
    expect(error.body).toEqual({ error: "Invalid key [redacted]", message: "key [redacted] refused" });
  });

  it("is not in a log line even when the base URL carries it", async () => {
    const { lines, logger } = memoryLogger();
    const api = fakeApi();
    const kapso = new Kapso({
      apiKey: API_KEY,
      fetch: api.fetch,
      logger,
      logLevel: "debug",
      baseUrl: `https://x.test/${API_KEY}`,
    });
    await kapso.templates.get(TEMPLATE_ID);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toMatch(/^kapso: GET \/whatsapp_templates\//);
    expect(lines[0]?.message).not.toContain(API_KEY);
  });
});
