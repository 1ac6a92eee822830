// The API key never leaks on the paths a real server can take: echoed in a body, in a header,
// or as a prefix of its first characters; nor in the errors' messages, stacks, causes, JSON or
// util.inspect, nor in a debug log. A key that cannot be a header value is refused up front.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type APIError, Kapso, KapsoError, SendOutcomeUnknownError } from "../../src/index.js";
import { memoryLogger } from "../support/memory-logger.js";
import { closedPort, httpAnswer, json, type RawServer, startRawServer } from "../support/raw-http-server.js";

const KEY = "Q9xZ7vK2mW4pR8tYb3Lc6Nd1";
const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TO = "+14155550123";

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every run of 8 characters of the key: what must not show anywhere. */
const pieces = Array.from({ length: KEY.length - 7 }, (_, i) => KEY.slice(i, i + 8));

/** Everything an error shows: message, stack, cause chain, body, headers, as JSON and inspected. */
function shown(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack, String(e), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join(
    "\n",
  );
}

function expectNoKey(text: string) {
  for (const piece of pieces) {
    expect(text).not.toContain(piece);
  }
}

const echoes: [string, (key: string) => Parameters<typeof startRawServer>[0]][] = [
  [
    "the whole key in the body",
    (key) => json(401, { error: "Unauthorized", message: `Invalid API key ${key}` }),
  ],
  [
    "its first 16 characters in the body",
    (key) => json(401, { error: `Invalid API key ${key.slice(0, 16)}...` }),
  ],
  ["the key in a response header", (key) => json(403, { error: "Forbidden" }, { "X-Echo-Key": key })],
  [
    "the key in a text body of a 5xx",
    (key) => (socket) => socket.write(httpAnswer(502, {}, `bad gateway for ${key}`)),
  ],
  [
    "the key in a redirect's target",
    (key) => (socket) => socket.write(httpAnswer(307, { Location: `https://evil.test/?k=${key}` })),
  ],
  [
    "the key in a stalled 200's headers",
    (key) => (socket) => socket.write(httpAnswer(200, { "X-Key": key, "Content-Length": 100 }, "{")),
  ],
];

describe("the API key, against a server that echoes it", () => {
  for (const [what, behaviour] of echoes) {
    it(`is not shown by the error or a debug log: ${what}`, async () => {
      server = await startRawServer(behaviour(KEY));
      const { lines, logger } = memoryLogger();
      const kapso = new Kapso({ apiKey: KEY, baseUrl: server.url, logger, logLevel: "debug", timeout: 500 });
      const error = await kapso.templates.send(TEMPLATE, { to: TO }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KapsoError);
      expectNoKey(shown(error));
      expect(shown(error)).toContain("[redacted]");
      expect(lines.length).toBeGreaterThan(0);
      expectNoKey(lines.map((l) => l.message).join("\n"));
    });
  }

  it("keeps the rest of an echoed body, and leaves alone text that holds no part of the key", async () => {
    server = await startRawServer(
      json(401, { error: `Invalid API key ${KEY.slice(0, 16)}...`, hint: "see kapso: docs" }),
    );
    const error = (await new Kapso({ apiKey: KEY, baseUrl: server.url, logLevel: "off" }).templates
      .get(TEMPLATE)
      .catch((e: unknown) => e)) as APIError;
    expect(error.body).toEqual({ error: "Invalid API key [redacted]...", hint: "see kapso: docs" });
  });

  it("a short key such as `k` does not turn `kapso:` into `[redacted]apso:`", async () => {
    server = await startRawServer(json(401, { error: "kapso: key k is not valid" }));
    const error = (await new Kapso({ apiKey: "k", baseUrl: server.url, logLevel: "off" }).templates
      .get(TEMPLATE)
      .catch((e: unknown) => e)) as APIError;
    expect(error.message).toBe("kapso: key [redacted] is not valid");
  });
});

describe("a key that cannot be a header value", () => {
  for (const bad of [`${KEY}\n`, `${KEY}\0x`, `${KEY} tail`, `${KEY}é`]) {
    it(`is refused when the client is made, without quoting it: ${JSON.stringify(bad.slice(KEY.length))}`, () => {
      let error: unknown;
      try {
        new Kapso({ apiKey: bad, logLevel: "off" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KapsoError);
      expect((error as Error).name).toBe("KapsoError");
      expectNoKey(shown(error));
    });
  }
});

describe("the connection failing", () => {
  it("shows the host and the reason, never the key", async () => {
    const port = await closedPort();
    const error = await new Kapso({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      maxRetries: 0,
      logLevel: "off",
    }).templates
      .send(TEMPLATE, { to: TO })
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect(error).not.toBeInstanceOf(SendOutcomeUnknownError);
    expectNoKey(shown(error));
  });
});
