import { mkdtempSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { runBin, startBin, until } from "../support/bin.js";
import { NOTICE } from "../support/cli.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ templates: [NOTICE] });
});
afterAll(() => server.close());

const STACK = /\n\s+at .+:\d+:\d+/;

/** A port on 127.0.0.1 that nothing listens on: one that was free a moment ago. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the kapsokit binary", () => {
  it("sends against a server and exits 0", async () => {
    const env = { KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url };
    const { code, stdout } = await runBin(
      ["send", NOTICE.id, "--to", "+14155550123", "--param", "a", "--param", "b"],
      env,
    );
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("Sent bulk_notice to +14155550123");
  });

  it("exits 2 with a message and no stack trace when the key is missing", async () => {
    const { code, stderr } = await runBin(["send", NOTICE.id, "--to", "+14155550123"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^kapsokit: no API key/);
    expect(stderr).not.toMatch(STACK);
  });

  it("exits 1 with a message naming the host and the reason when nothing answers at the base URL", async () => {
    const port = await closedPort();
    const env = { KAPSO_API_KEY: "test", KAPSO_BASE_URL: `http://127.0.0.1:${port}/api/v1` };
    const { code, stderr } = await runBin(["templates", "list"], env);
    expect(code).toBe(EXIT.failed);
    // The host and the runtime's reason, not a generic "Connection error".
    expect(stderr).toMatch(
      new RegExp(
        `^kapsokit: could not reach the API: Connection to 127\\.0\\.0\\.1:${port} failed: .*ECONNREFUSED.*; check --base-url / KAPSO_BASE_URL and the network\n$`,
      ),
    );
    expect(stderr).not.toMatch(STACK);
  });

  it("runs the mock until Ctrl-C, answering like the API, and says it stops", async () => {
    const mock = startBin(["mock", "--port", "0", "--json"]);
    await until(() => mock.stdout().includes("\n"));
    const { url } = JSON.parse(mock.stdout()) as { url: string };
    const response = await fetch(`${url}/whatsapp_templates`, { headers: { "X-API-Key": "test" } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.length).toBeGreaterThan(0);
    mock.child.kill("SIGINT");
    expect((await mock.exited).code).toBe(EXIT.ok);
    expect(mock.stderr()).toBe("\nStopping the mock server.\n");
  });

  it("says when the mock's port is taken", async () => {
    const port = new URL(server.url).port;
    const { code, stderr } = await runBin(["mock", "--port", port]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(`kapsokit: port ${port} is in use: pick another with --port\n`);
  });

  it("on Ctrl-C finishes the sends in flight, writes the journal, and exits 130", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kapsokit-bin-"));
    let text = "phone,1,2\n";
    for (let i = 0; i < 100; i++) {
      text += `+1415777${String(i).padStart(4, "0")},a,b\n`;
    }
    writeFileSync(join(dir, "people.csv"), text);
    const env = { KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url };
    const before = server.mock.sent.length;
    const args = ["send-bulk", NOTICE.id, "--csv", "people.csv", "--rate", "50/s"];
    const bulk = startBin(args, env, dir);
    await until(() => server.mock.sent.length >= before + 5);
    bulk.child.kill("SIGINT");
    const { code } = await bulk.exited;
    expect(code).toBe(EXIT.interrupted);
    expect(bulk.stderr()).toContain("Stopping: nothing new starts; Ctrl-C again aborts what is in flight.");
    expect(bulk.stdout()).toMatch(/^Stopped after \d+ of 100 rows/);
    const resumed = await runBin([...args, "--rate", "1000/s", "--resume"], env, dir);
    expect(resumed.code).toBe(EXIT.ok);
    const phones = server.mock.sent.slice(before).map((m) => m.to);
    expect(phones).toHaveLength(100);
    expect(new Set(phones).size).toBe(100);
  });
});
