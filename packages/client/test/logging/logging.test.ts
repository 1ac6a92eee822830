// One line per request, filtered by level, from the option or KAPSO_LOG.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Kapso, type LogLevel } from "../../src/index.js";
import { API_KEY, fakeApi, fetchOf, memoryLogger, sendAnswer, TEMPLATE_ID } from "../support/fake-api.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

function client(logLevel: LogLevel | undefined, answers: Response[] = []) {
  const { lines, logger } = memoryLogger();
  const api = fakeApi({ answers });
  return { lines, kapso: new Kapso({ apiKey: API_KEY, fetch: api.fetch, logger, logLevel }) };
}

describe("logging", () => {
  it("writes one info line per request: method, path, status, duration, retries", async () => {
    const { lines, kapso } = client("info");
    await kapso.templates.get(TEMPLATE_ID);
    expect(lines).toEqual([
      { level: "info", message: `kapso: GET /whatsapp_templates/${TEMPLATE_ID} 200 0ms retries=0` },
    ]);
  });

  it("at debug, also writes a line before each retry; the final line counts the retries", async () => {
    const { lines, kapso } = client("debug", [
      Response.json({}, { status: 429, headers: { "Retry-After": "2" } }),
    ]);
    const done = kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" });
    await vi.runAllTimersAsync();
    await done;
    expect(lines.map((l) => l.level)).toEqual(["debug", "info"]);
    expect(lines.map((l) => l.message)).toEqual([
      `kapso: POST /whatsapp_templates/${TEMPLATE_ID}/send_template 429 retry in 2000ms`,
      `kapso: POST /whatsapp_templates/${TEMPLATE_ID}/send_template 200 2000ms retries=1`,
    ]);
  });

  it("writes what is thrown to the caller at info, and a send whose outcome is unknown as an error", async () => {
    const { lines, kapso } = client("info", [
      Response.json({ error: "Not found" }, { status: 404 }),
      Response.json({ status: "error", message: "x" }, { status: 500 }),
      new Response('{"status":"success","mess', { status: 200 }),
    ]);
    await kapso.templates.get(TEMPLATE_ID).catch(() => {});
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    expect(lines).toEqual([
      {
        level: "info",
        message: `kapso: GET /whatsapp_templates/${TEMPLATE_ID} 404 NotFoundError 0ms retries=0`,
      },
      {
        level: "error",
        message: `kapso: POST /whatsapp_templates/${TEMPLATE_ID}/send_template 500 SendOutcomeUnknownError 0ms retries=0`,
      },
      {
        level: "error",
        message: `kapso: POST /whatsapp_templates/${TEMPLATE_ID}/send_template 200 SendOutcomeUnknownError 0ms retries=0`,
      },
    ]);
  });

  it("at the default level writes nothing for a fault a test arms on purpose, only an unknown outcome", async () => {
    const { lines, kapso } = client(undefined, [
      Response.json({ error: "Rate limit exceeded" }, { status: 429, headers: { "Retry-After": "1" } }),
      Response.json(sendAnswer),
      Response.json({ error: "Template requires 2 parameters" }, { status: 422 }),
      Response.json({ status: "error", message: "x" }, { status: 503 }),
    ]);
    const first = kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    await vi.runAllTimersAsync();
    await first;
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    expect(lines).toEqual([]);
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    expect(lines.map((l) => l.level)).toEqual(["error"]);
  });

  it("writes a send that timed out at error level", async () => {
    const { lines, logger } = memoryLogger();
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const kapso = new Kapso({
      apiKey: API_KEY,
      fetch: fetchOf(hang),
      logger,
      logLevel: "error",
      timeout: 100,
    });
    const done = kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    await vi.runAllTimersAsync();
    await done;
    expect(lines).toEqual([
      { level: "error", message: expect.stringMatching(/POST .* SendOutcomeUnknownError/) },
    ]);
  });

  it("at info, writes exactly one line per request, retries included", async () => {
    const { lines, kapso } = client("info", [Response.json({}, { status: 503 })]);
    const done = kapso.templates.get(TEMPLATE_ID);
    await vi.runAllTimersAsync();
    await done;
    expect(lines).toEqual([{ level: "info", message: expect.stringMatching(/ 200 \d+ms retries=1$/) }]);
  });

  it("writes nothing below the level, and nothing at all when off", async () => {
    const quiet = client("warn");
    await quiet.kapso.templates.get(TEMPLATE_ID);
    expect(quiet.lines).toEqual([]);
    const off = client("off", [Response.json({}, { status: 404 })]);
    await off.kapso.templates.get(TEMPLATE_ID).catch(() => {});
    expect(off.lines).toEqual([]);
  });

  it("takes the level from KAPSO_LOG when the option is absent", async () => {
    vi.stubEnv("KAPSO_LOG", "debug");
    const { lines, kapso } = client(undefined);
    await kapso.templates.get(TEMPLATE_ID);
    expect(lines).toHaveLength(1);
  });

  it("falls back to warn for an unknown KAPSO_LOG", async () => {
    vi.stubEnv("KAPSO_LOG", "loud");
    const { lines, kapso } = client(undefined, [
      Response.json({}, { status: 404 }),
      Response.json({}, { status: 500 }),
    ]);
    await kapso.templates.get(TEMPLATE_ID).catch(() => {});
    expect(lines).toEqual([]);
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }).catch(() => {});
    expect(lines.map((l) => l.level)).toEqual(["error"]);
  });
});
