// One line per request, filtered by level, from the option or KAPSO_LOG.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LogLevel } from "../../src/index.js";
import { memoryLogger } from "../support/memory-logger.js";
import {
  expectRequestsKeptToTheSpec,
  kapsoOnMock,
  MISSING_TEMPLATE_ID,
  notice,
} from "../support/mock-client.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});
afterEach(expectRequestsKeptToTheSpec);

function client(logLevel: LogLevel | undefined, options: { timeout?: number } = {}) {
  const { lines, logger } = memoryLogger();
  return { lines, ...kapsoOnMock({ logger, logLevel, ...options }) };
}

const { id } = notice;
const send = (kapso: ReturnType<typeof client>["kapso"]) => kapso.templates.send(id, notice.input);
/** A send the API refuses with 422: the template has no placeholder. */
const misfit = (kapso: ReturnType<typeof client>["kapso"]) =>
  kapso.templates.send(id, { ...notice.input, parameters: ["Ana"] });

describe("logging", () => {
  it("writes one info line per request: method, path, status, duration, retries", async () => {
    const { lines, kapso } = client("info");
    await kapso.templates.get(id);
    expect(lines).toEqual([
      { level: "info", message: `kapso: GET /whatsapp_templates/${id} 200 0ms retries=0` },
    ]);
  });

  it("at debug, also writes a line before each retry; the final line counts the retries", async () => {
    const { lines, kapso, mock } = client("debug");
    mock.fault({ kind: "rateLimited", retryAfter: 2 });
    const done = send(kapso);
    await vi.runAllTimersAsync();
    await done;
    expect(lines.map((l) => l.level)).toEqual(["debug", "info"]);
    expect(lines.map((l) => l.message)).toEqual([
      `kapso: POST /whatsapp_templates/${id}/send_template 429 retry in 2000ms`,
      `kapso: POST /whatsapp_templates/${id}/send_template 200 2000ms retries=1`,
    ]);
  });

  it("writes what is thrown to the caller at info, and a send whose outcome is unknown as an error", async () => {
    const { lines, kapso, mock } = client("info");
    await kapso.templates.get(MISSING_TEMPLATE_ID).catch(() => {});
    mock.fault({ kind: "error", status: 500 });
    await send(kapso).catch(() => {});
    mock.fault({ kind: "malformedJson" });
    await send(kapso).catch(() => {});
    expect(lines).toEqual([
      {
        level: "info",
        message: `kapso: GET /whatsapp_templates/${MISSING_TEMPLATE_ID} 404 NotFoundError 0ms retries=0`,
      },
      {
        level: "error",
        message: `kapso: POST /whatsapp_templates/${id}/send_template 500 SendOutcomeUnknownError 0ms retries=0`,
      },
      {
        level: "error",
        message: `kapso: POST /whatsapp_templates/${id}/send_template 200 SendOutcomeUnknownError 0ms retries=0`,
      },
    ]);
  });

  it("at the default level writes nothing for a 429 waited out or a 422, only for an unknown outcome", async () => {
    const { lines, kapso, mock } = client(undefined);
    mock.fault({ kind: "rateLimited", retryAfter: 1 });
    const first = send(kapso);
    await vi.runAllTimersAsync();
    await first;
    await expect(misfit(kapso)).rejects.toMatchObject({ status: 422 });
    expect(lines).toEqual([]);
    mock.fault({ kind: "error", status: 503 });
    await send(kapso).catch(() => {});
    expect(lines.map((l) => l.level)).toEqual(["error"]);
  });

  it("writes a send that timed out at error level", async () => {
    const { lines, kapso, mock } = client("error", { timeout: 100 });
    mock.fault({ kind: "hang" });
    const done = send(kapso).catch(() => {});
    await vi.runAllTimersAsync();
    await done;
    expect(lines).toEqual([
      {
        level: "error",
        message: `kapso: POST /whatsapp_templates/${id}/send_template SendOutcomeUnknownError 100ms retries=0`,
      },
    ]);
  });

  it("at info, writes exactly one line per request, retries included", async () => {
    const { lines, kapso, mock } = client("info");
    mock.fault({ kind: "error", status: 503 });
    const done = kapso.templates.get(id);
    await vi.runAllTimersAsync();
    await done;
    expect(mock.calls).toHaveLength(2);
    expect(lines).toEqual([{ level: "info", message: expect.stringMatching(/ 200 \d+ms retries=1$/) }]);
  });

  it("writes nothing below the level, and nothing at all when off", async () => {
    const quiet = client("warn");
    await quiet.kapso.templates.get(id);
    expect(quiet.lines).toEqual([]);
    const off = client("off");
    await expect(off.kapso.templates.get(MISSING_TEMPLATE_ID)).rejects.toMatchObject({ status: 404 });
    off.mock.fault({ kind: "error", status: 500 });
    await expect(send(off.kapso)).rejects.toMatchObject({ name: "SendOutcomeUnknownError" });
    expect(off.lines).toEqual([]);
  });

  it("takes the level from KAPSO_LOG when the option is absent", async () => {
    vi.stubEnv("KAPSO_LOG", "debug");
    const { lines, kapso } = client(undefined);
    await kapso.templates.get(id);
    expect(lines).toEqual([{ level: "info", message: expect.stringMatching(/^kapso: GET .* 200 /) }]);
  });

  it("falls back to warn for an unknown KAPSO_LOG", async () => {
    vi.stubEnv("KAPSO_LOG", "loud");
    const { lines, kapso, mock } = client(undefined);
    await kapso.templates.get(MISSING_TEMPLATE_ID).catch(() => {});
    expect(lines).toEqual([]);
    mock.fault({ kind: "error", status: 500 });
    await send(kapso).catch(() => {});
    expect(lines.map((l) => l.level)).toEqual(["error"]);
  });
});
