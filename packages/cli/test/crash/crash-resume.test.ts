// Crash safety: a bulk send in a child process is SIGKILLed at random points, again and
// again, and resumed each time from its journal; every third kill lands, for certain, while a
// send is on the wire (the server holds its answer). The mock server counts every send, so a
// recipient sent twice anywhere across the runs fails the test.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { sleep, startBin, until } from "../support/bin.js";
import { NOTICE } from "../support/cli.js";

const ROWS = 600;
const KILLS = 12;

// mulberry32: a seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: MockServer;
/** A little latency on every send, so random kills also land while requests are on the wire. */
const latency = () =>
  server.mock.fault(
    { kind: "delay", ms: 2 },
    { operation: "sendWhatsappTemplate", times: Number.POSITIVE_INFINITY },
  );
beforeAll(async () => {
  server = await startMockServer({ templates: [NOTICE] });
  latency();
});
afterAll(() => server.close());

it(`sends each of ${ROWS} recipients at most once across ${KILLS} SIGKILLs and resumes`, async () => {
  const seed = Number(process.env.KAPSOKIT_CRASH_SEED ?? 20_261_124);
  const rand = random(seed);
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-crash-"));
  let text = "phone,1,2\n";
  const phones: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    phones.push(`+1646${String(i).padStart(7, "0")}`);
    text += `${phones[i]},person ${i},code ${i}\n`;
  }
  writeFileSync(join(dir, "people.csv"), text);
  const env = { KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url };
  const args = (run: number) => [
    "send-bulk",
    NOTICE.id,
    "--csv",
    "people.csv",
    "--concurrency",
    "4",
    "--results",
    `results-${run}.csv`,
    ...(run > 0 ? ["--resume"] : []),
  ];

  let kills = 0;
  let run = 0;
  // The recipients whose send the server held when its run was killed.
  const held: string[] = [];
  for (; kills < KILLS; run++) {
    const before = server.mock.sent.length;
    const target = before + 3 + Math.floor(rand() * 40);
    const midSend = kills % 3 === 0;
    const bulk = startBin(args(run), env, dir);
    let exited = false;
    void bulk.exited.then(() => {
      exited = true;
    });
    await until(() => exited || server.mock.sent.length >= target);
    if (midSend) {
      // The next send to arrive is held unanswered; the run is killed once it is on the wire.
      const calls = server.mock.calls.length;
      server.mock.clearFaults();
      server.mock.fault({ kind: "hang" }, { operation: "sendWhatsappTemplate" });
      latency();
      await until(() => exited || server.mock.calls.slice(calls).some((call) => call.fault === "hang"));
      const hung = server.mock.calls.slice(calls).find((call) => call.fault === "hang");
      expect(hung, `run ${run} ended before a send was held`).toBeDefined();
      held.push((hung!.body as { template: { phone_number: string } }).template.phone_number);
    } else {
      // Somewhere between two sends, or in the middle of one.
      await sleep(Math.floor(rand() * 4));
    }
    bulk.child.kill("SIGKILL");
    const { signal, code } = await bulk.exited;
    if (signal === "SIGKILL") {
      kills++;
    } else {
      expect.fail(`run ${run} ended by itself (exit ${code}) before it could be killed: ${bulk.stderr()}`);
    }
  }

  const last = startBin(args(run), env, dir);
  const { code } = await last.exited;
  expect([EXIT.ok, EXIT.unknown], last.stderr()).toContain(code);

  const sends = new Map<string, number>();
  for (const message of server.mock.sent) {
    sends.set(message.to, (sends.get(message.to) ?? 0) + 1);
  }
  // Never twice, across every run.
  expect(Math.max(...sends.values())).toBe(1);

  const [, ...rows] = readFileSync(join(dir, `results-${run}.csv`), "utf8")
    .trim()
    .split("\n");
  const final = new Map<string, string>();
  for (const row of rows) {
    const [, phone, status] = row.split(",");
    expect(final.has(phone!), `${phone} has two results`).toBe(false);
    final.set(phone!, status!);
  }
  expect(final.size).toBe(ROWS);
  const unknown = [...final.values()].filter((s) => s === "unknown").length;
  for (const phone of phones) {
    const status = final.get(phone);
    expect(["sent", "skipped", "unknown"]).toContain(status);
    // Reported sent means the server has it; the server not having it means it is reported unknown.
    if (status !== "unknown") {
      expect(sends.get(phone), phone).toBe(1);
    }
    if (!sends.has(phone)) {
      expect(status, phone).toBe("unknown");
    }
  }
  // The kills that landed mid-send, for certain: those sends are reported unknown, never repeated.
  expect(held).toHaveLength(Math.ceil(KILLS / 3));
  for (const phone of held) {
    expect(final.get(phone), phone).toBe("unknown");
    expect(sends.has(phone), phone).toBe(false);
  }
  expect(unknown).toBeGreaterThanOrEqual(held.length);
  expect(kills).toBe(KILLS);
  expect(sends.size + unknown).toBeGreaterThanOrEqual(ROWS);
  expect(code).toBe(unknown > 0 ? EXIT.unknown : EXIT.ok);
});
