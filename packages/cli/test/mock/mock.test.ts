import { describe, expect, it } from "vitest";
import { EXIT, type Io, run } from "../../src/index.js";
import { until } from "../support/bin.js";

function startMock(args: string[]) {
  let stdout = "";
  let stderr = "";
  const stop = new AbortController();
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: process.cwd(),
    stop: stop.signal,
  };
  const exited = run(["mock", ...args], io);
  return { exited, stop: () => stop.abort(), stdout: () => stdout, stderr: () => stderr };
}

describe("kapsokit mock", () => {
  it("prints where it listens and how to point kapsokit at it", async () => {
    const mock = startMock(["--port", "0"]);
    await until(() => mock.stdout().includes("Ctrl-C"));
    const url = /listening at (\S+)/.exec(mock.stdout())?.[1];
    expect(mock.stdout()).toContain(`export KAPSO_BASE_URL=${url} KAPSO_API_KEY=test`);
    expect(mock.stdout()).toMatch(/appointment_reminder \(approved\)/);
    mock.stop();
    expect(await mock.exited).toBe(EXIT.ok);
    // Its own words on Ctrl-C, not those of a bulk send.
    expect(mock.stderr()).toBe("\nStopping the mock server.\n");
  });

  it("serves the inspector page on the same port with --ui, and prints its address", async () => {
    const mock = startMock(["--port", "0", "--ui"]);
    await until(() => mock.stdout().includes("Ctrl-C"));
    const url = /listening at (\S+)/.exec(mock.stdout())?.[1] ?? "";
    const inspector = `${new URL(url).origin}/_inspector/`;
    expect(mock.stdout()).toContain(
      `Inspector: ${inspector} (open it in a browser to watch each message arrive)\n`,
    );
    const page = await fetch(inspector);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<title>Kapso mock inspector</title>");
    mock.stop();
    expect(await mock.exited).toBe(EXIT.ok);

    const json = startMock(["--port", "0", "--ui", "--json"]);
    await until(() => json.stdout().includes("\n"));
    const printed = JSON.parse(json.stdout()) as { url: string; inspector: string };
    expect(printed.inspector).toBe(`${new URL(printed.url).origin}/_inspector/`);
    json.stop();
    expect(await json.exited).toBe(EXIT.ok);
  });

  it("serves no page without --ui", async () => {
    const mock = startMock(["--port", "0", "--json"]);
    await until(() => mock.stdout().includes("\n"));
    const printed = JSON.parse(mock.stdout()) as Record<string, string>;
    expect(Object.keys(printed)).toEqual(["url"]);
    expect((await fetch(`${new URL(printed.url ?? "").origin}/_inspector/`)).status).toBe(404);
    mock.stop();
    expect(await mock.exited).toBe(EXIT.ok);
  });

  it("answers 429 past --rate-limit requests a minute, like the API", async () => {
    const mock = startMock(["--port", "0", "--rate-limit", "2", "--json"]);
    await until(() => mock.stdout().includes("\n"));
    const { url } = JSON.parse(mock.stdout()) as { url: string };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/whatsapp_templates`, { headers: { "X-API-Key": "test" } });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      }
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    mock.stop();
    expect(await mock.exited).toBe(EXIT.ok);
  });

  it.each([
    [["--port", "70000"], "--port must be a whole number from 0 to 65535"],
    [["--rate-limit", "0"], "--rate-limit must be a whole number of at least 1"],
    [["--history", "0"], "--history must be a whole number of at least 1"],
    [["extra"], 'unexpected argument "extra"'],
  ])("%j is a usage error", async (args, message) => {
    const mock = startMock(args);
    expect(await mock.exited).toBe(EXIT.usage);
    expect(mock.stderr()).toContain(message);
  });
});
