// The API key never shows in what the command line prints or writes, against a server (raw
// sockets, Node's own fetch) that echoes it back: whole, as its first 16 characters, in a
// header or in a 5xx page. Searched for every run of 8 of its characters in stdout and
// stderr (with debug logging and with --json), and in send-bulk's results file and journal.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Behaviour,
  httpAnswer,
  json,
  type RawServer,
  startRawServer,
} from "../../../client/test/support/raw-http-server.js";
import { runBin } from "../support/bin.js";

const KEY = "Q9xZ7vK2mW4pR8tYb3Lc6Nd1";
const TEMPLATE = fixtures.appointmentReminder;
const pieces = Array.from({ length: KEY.length - 7 }, (_, i) => KEY.slice(i, i + 8));

function expectNoKey(text: string, where: string) {
  for (const piece of pieces) {
    expect(text, `${where} holds "${piece}"`).not.toContain(piece);
  }
}

const echoes: [string, Behaviour][] = [
  ["the whole key in the body", json(401, { error: "Unauthorized", message: `Invalid API key ${KEY}` })],
  ["its first 16 characters in the body", json(401, { error: `Invalid API key ${KEY.slice(0, 16)}...` })],
  ["the key in a response header", json(403, { error: `Forbidden for ${KEY}` }, { "X-Echo-Key": KEY })],
  [
    "the key in the HTML page of a 502",
    (socket) => socket.write(httpAnswer(502, {}, `<h1>bad gateway</h1> ${KEY}`)),
  ],
];

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (url: string, extra: Record<string, string> = {}) => ({
  KAPSO_API_KEY: KEY,
  KAPSO_BASE_URL: url,
  ...extra,
});

describe("kapsokit against a server that echoes the key", () => {
  for (const [what, behaviour] of echoes) {
    it(`prints no part of it, with debug logs and with --json: ${what}`, async () => {
      server = await startRawServer(behaviour);
      const runs = [
        await runBin(
          ["send", TEMPLATE.id, "--to", "+14155550123", "--param", "Ana", "--param", "Fri"],
          env(server.url),
        ),
        await runBin(["templates", "list"], env(server.url, { KAPSO_LOG: "debug" })),
        await runBin(["templates", "get", TEMPLATE.id, "--json"], env(server.url)),
      ];
      for (const [i, { code, stdout, stderr }] of runs.entries()) {
        expect(code, `run ${i}: ${stderr}`).not.toBe(0);
        // With --json the error is a JSON line on stdout; otherwise words on stderr.
        expect(`${stdout}${stderr}`, `run ${i} says what went wrong`).toMatch(/\b(40[13]|502)\b/);
        expectNoKey(stdout, `run ${i}'s stdout`);
        expectNoKey(stderr, `run ${i}'s stderr`);
      }
      expect(server.requests.length).toBeGreaterThanOrEqual(3);
    });
  }

  it("writes no part of it to send-bulk's results file or journal when every send echoes it", async () => {
    // The template is read from a real mock; every send is answered 422 with the key in it.
    const mock = createKapsoMock();
    server = await startRawServer((socket, request) => {
      if (request.method === "GET") {
        void mock
          .fetch(`${mock.baseUrl}${request.path.replace(/^\/api\/v1/, "")}`, {
            headers: { "X-API-Key": "x" },
          })
          .then(async (answer) =>
            socket.write(
              httpAnswer(answer.status, { "Content-Type": "application/json" }, await answer.text()),
            ),
          );
        return;
      }
      socket.write(
        httpAnswer(
          422,
          { "Content-Type": "application/json", "X-Echo-Key": KEY },
          JSON.stringify({ error: `Key ${KEY} may not send this`, key: KEY.slice(0, 16) }),
        ),
      );
    });
    const dir = mkdtempSync(join(tmpdir(), "kapsokit-key-echo-"));
    writeFileSync(
      join(dir, "people.csv"),
      "phone,1,2,header_image\n+14155550123,Ana,Fri,https://example.com/a.jpg\n+14155550124,Bo,Sat,https://example.com/a.jpg\n",
    );
    for (const extra of [[], ["--json"]]) {
      const { code, stdout, stderr } = await runBin(
        [
          "send-bulk",
          TEMPLATE.id,
          "--csv",
          "people.csv",
          "--results",
          `results${extra.length}.csv`,
          ...extra,
        ],
        env(server.url, { KAPSO_LOG: "debug" }),
        dir,
      );
      expect(code, stderr).toBe(1);
      expectNoKey(stdout, "stdout");
      expectNoKey(stderr, "stderr");
      const results = readFileSync(join(dir, `results${extra.length}.csv`), "utf8");
      expect(results).toContain("[redacted]");
      expectNoKey(results, "the results file");
      expectNoKey(readFileSync(join(dir, "people.journal.jsonl"), "utf8"), "the journal");
      // Failed rows are sent again by the next run; start afresh.
      writeFileSync(join(dir, "people.journal.jsonl"), "");
    }
    expect(server.sends.get("+14155550123")).toBe(2);
  });
});
