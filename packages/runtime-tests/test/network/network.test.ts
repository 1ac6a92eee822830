// The promises that depend on the runtime's own fetch, kept in Node, Bun and Deno alike: a
// body that stalls ends the call at its timeout (a send as unknown, sent once), and a redirect
// is never followed (the other origin never sees the request or the key).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The raw-socket server of the client's network tests: one server that misbehaves, shared.
import {
  httpAnswer,
  json,
  type RawServer,
  startRawServer,
} from "../../../client/test/support/raw-http-server.js";
import type { NetworkResult } from "../../scenario/network-scenario.js";
import { bundleScenario } from "../support/bundle.js";
import { bunBinary, denoBinary, nodeBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";

const SLACK_MS = 1500;

let stall: RawServer;
let origin: RawServer;
let elsewhere: RawServer;

beforeAll(async () => {
  stall = await startRawServer((socket) =>
    socket.write(
      httpAnswer(200, { "Content-Type": "application/json", "Content-Length": 500 }, '{"status":'),
    ),
  );
  elsewhere = await startRawServer(json(200, { status: "success" }));
  origin = await startRawServer((socket, request) =>
    socket.write(httpAnswer(307, { Location: `http://127.0.0.1:${elsewhere.port}${request.path}` })),
  );
});
afterAll(async () => {
  await Promise.all([stall?.close(), origin?.close(), elsewhere?.close()]);
});

const runtimes: [string, () => string, (bundle: string, urls: string[]) => string[]][] = [
  ["Node 22", () => nodeBinary(22), (bundle, urls) => [bundle, ...urls]],
  ["Bun", bunBinary, (bundle, urls) => ["run", bundle, ...urls]],
  // Deno may reach 127.0.0.1 and nothing else.
  ["Deno", denoBinary, (bundle, urls) => ["run", "--no-prompt", "--allow-net=127.0.0.1", bundle, ...urls]],
];

for (const [title, binary, args] of runtimes) {
  describe(`${title}, with its own global fetch`, () => {
    let result: NetworkResult | undefined;
    const reported = () => {
      if (!result) {
        throw new Error(`${title} did not report a result; see "runs the network scenario"`);
      }
      return result;
    };

    it("runs the network scenario", async () => {
      const bundle = await bundleScenario("network", `network-${title.replace(/\s/g, "").toLowerCase()}`);
      result = await runProcessScenario<NetworkResult>(binary(), args(bundle, [stall.url, origin.url]));
      expect(result.stalledSend).toBeTypeOf("object");
    });

    it("ends a send whose body stalls at its timeout, as unknown, sent once", () => {
      const { stalledSend } = reported();
      expect(stalledSend).toMatchObject({
        name: "SendOutcomeUnknownError",
        causeName: "APIConnectionTimeoutError",
        status: 200,
      });
      expect(stalledSend.ms).toBeGreaterThan(900);
      expect(stalledSend.ms).toBeLessThan(1000 + SLACK_MS);
    });

    it("ends a read whose body stalls at its timeout", () => {
      const { stalledRead } = reported();
      expect(stalledRead.name).toBe("APIConnectionTimeoutError");
      expect(stalledRead.ms).toBeLessThan(1000 + SLACK_MS);
    });

    it("never follows a redirect: an APIError naming 307 and its target", () => {
      const { redirectedSend } = reported();
      expect(redirectedSend).toMatchObject({ name: "APIError", status: 307 });
      expect(redirectedSend.message).toMatch(
        /^HTTP 307 redirect to http:\/\/127\.0\.0\.1:\d+\/.*, not followed/,
      );
    });
  });
}

describe("the servers, after every runtime", () => {
  it("received each stalled send once per runtime, and nothing reached the other origin", () => {
    expect(stall.sends.get("+14155550123")).toBe(runtimes.length);
    expect(elsewhere.requests).toHaveLength(0);
    expect(origin.sends.get("+14155550124")).toBe(runtimes.length);
  });
});
