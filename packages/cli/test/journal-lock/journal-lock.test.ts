// One run at a time on a journal: a second run, or a --resume, while the first still runs is
// refused at once (exit 2, naming the process that holds it), whichever starts first, and
// nothing is sent twice. Real processes against the mock server, which counts every send.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { type BinProcess, startBin, until } from "../support/bin.js";
import { NOTICE } from "../support/cli.js";
import { writeCsv } from "../support/files.js";

const ROWS = 100;
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ templates: [NOTICE] });
});
afterAll(() => server.close());

let batch = 0;
/** A directory with a CSV of phones no other test uses. */
function setUp(): { dir: string; phones: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-lock-"));
  const prefix = `+1212${String(batch++).padStart(3, "0")}`;
  const phones = Array.from({ length: ROWS }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
  writeCsv(dir, "people.csv", `phone,1,2\n${phones.map((p) => `${p},a,b\n`).join("")}`);
  return { dir, phones };
}

const env = () => ({ KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url });
// Slow enough (10 s) that the first run still goes when the second starts on a loaded machine.
const bulk = (dir: string, ...extra: string[]) =>
  startBin(["send-bulk", NOTICE.id, "--csv", "people.csv", "--rate", "10/s", ...extra], env(), dir);

/** Stops a run with Ctrl-C and sends the rest with --resume, quickly. */
async function finish(run: BinProcess, dir: string): Promise<void> {
  run.child.kill("SIGINT");
  expect((await run.exited).code, run.stderr()).toBe(EXIT.interrupted);
  const rest = startBin(
    ["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume", "--rate", "1000/s"],
    env(),
    dir,
  );
  expect((await rest.exited).code, rest.stderr()).toBe(EXIT.ok);
}
const sentTo = (phones: string[]) => server.mock.sent.filter((m) => phones.includes(m.to)).map((m) => m.to);

/** Each phone got exactly one message. */
function expectEachOnce(phones: string[]): void {
  const sent = sentTo(phones);
  expect(sent).toHaveLength(phones.length);
  expect(new Set(sent).size).toBe(phones.length);
}

async function expectRefusedBy(second: BinProcess, first: BinProcess, dir: string): Promise<void> {
  const { code } = await second.exited;
  expect(code, second.stderr()).toBe(EXIT.usage);
  // Refused while the first still runs: it did not wait for it.
  expect(first.child.exitCode, first.stdout()).toBeNull();
  expect(second.stderr()).toMatch(
    new RegExp(
      `^kapsokit: the journal ${join(dir, "people.journal.jsonl")} is in use by process ${first.child.pid}\\b`,
    ),
  );
  expect(second.stdout()).toBe("");
}

describe("two runs of kapsokit send-bulk on one journal", () => {
  it("refuses a second run started while the first runs, at once, naming the first's process", async () => {
    const { dir, phones } = setUp();
    const first = bulk(dir);
    await until(() => sentTo(phones).length >= 3);
    const second = bulk(dir);
    await expectRefusedBy(second, first, dir);
    await finish(first, dir);
    expectEachOnce(phones);
  });

  it("refuses --resume while the first run is still going", async () => {
    const { dir, phones } = setUp();
    const first = bulk(dir);
    await until(() => sentTo(phones).length >= 3);
    const second = bulk(dir, "--resume");
    await expectRefusedBy(second, first, dir);
    await finish(first, dir);
    expectEachOnce(phones);
  });

  it("refuses a fresh run while a --resume runs (the other order)", async () => {
    const { dir, phones } = setUp();
    const stopped = bulk(dir);
    await until(() => sentTo(phones).length >= 3);
    stopped.child.kill("SIGINT");
    expect((await stopped.exited).code).toBe(EXIT.interrupted);
    const resumed = bulk(dir, "--resume");
    await until(() => resumed.stderr().includes("progress:"));
    const second = bulk(dir);
    await expectRefusedBy(second, resumed, dir);
    await finish(resumed, dir);
    expectEachOnce(phones);
  });

  it("lets exactly one of two runs started together go ahead, and sends each row once", async () => {
    const { dir, phones } = setUp();
    const runs = [bulk(dir), bulk(dir)];
    const loser = await Promise.race(runs.map((run) => run.exited.then(() => run)));
    const winner = runs.find((run) => run !== loser)!;
    await expectRefusedBy(loser, winner, dir);
    await finish(winner, dir);
    expectEachOnce(phones);
  });
});
