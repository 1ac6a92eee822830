// The command line over Redis, as people run it: `kapsokit worker` processes, `kapsokit
// send-bulk --queue` coordinating from a CSV, `kapsokit campaign status` from elsewhere.
// A real redis-server and the recording API server of @kapsokit/queue's tests.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCampaign } from "@kapsokit/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiServer, TEMPLATE_ID } from "../../../queue/test/support/api-server.js";
import { RedisServer } from "../../../queue/test/support/redis.js";
import { EXIT } from "../../src/index.js";
import { BIN, type BinProcess, runBin, startBin } from "../support/bin.js";

const PASSWORD = "queue-Pa55-7d1f0c";
let redis: RedisServer;
let api: ApiServer;
const running: BinProcess[] = [];

beforeAll(async () => {
  [redis, api] = await Promise.all([RedisServer.start({ password: PASSWORD }), ApiServer.start()]);
});
afterAll(async () => {
  for (const bin of running) {
    bin.child.kill("SIGKILL");
  }
  await Promise.all([api?.stop(), redis?.stop()]);
});

const envFor = (key: string, extra: Record<string, string> = {}) => ({
  KAPSO_API_KEY: key,
  KAPSO_BASE_URL: api.url,
  KAPSO_QUEUE_URL: redis.url,
  ...extra,
});

/** Starts `kapsokit worker` and waits for its first line. */
async function worker(key: string, args: string[] = ["--queue", "env"]): Promise<BinProcess> {
  const bin = startBin(["worker", ...args], envFor(key));
  running.push(bin);
  while (!bin.stderr().includes("stop with Ctrl-C")) {
    if (bin.child.exitCode !== null) {
      throw new Error(`the worker exited: ${bin.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return bin;
}

function phone(i: number, prefix: string): string {
  return `+${prefix}${String(i).padStart(7, "0")}`;
}

describe("loading", () => {
  it("loads @kapsokit/queue, BullMQ and ioredis only for the commands that use Redis", async () => {
    const trace = ["--import", fileURLToPath(new URL("../support/trace-queue-loads.mjs", import.meta.url))];
    const run = (args: string[]) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [...trace, BIN, ...args], {
          env: { ...process.env, KAPSO_API_KEY: "test" },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk;
          // Seen: no need to wait out the worker's attempts to reach a Redis that is not there.
          if (stderr.includes("queue module loaded")) {
            child.kill("SIGKILL");
          }
        });
        child.on("close", () => resolve(stderr));
      });
    for (const args of [
      ["--version"],
      ["send", "--help"],
      ["send-bulk", "--help"],
      ["templates", "--help"],
    ]) {
      expect(await run(args), args.join(" ")).not.toContain("queue module loaded");
    }
    expect(await run(["worker", "--queue", "redis://127.0.0.1:1"])).toContain("queue module loaded");
  });
});

describe("kapsokit worker", () => {
  it("exits 2 at once, naming the address and the reason, when Redis refuses the connection", async () => {
    const started = performance.now();
    const { code, stderr } = await runBin(["worker", "--queue", "redis://127.0.0.1:1"], {
      KAPSO_API_KEY: "test",
    });
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("cannot connect to Redis at redis://127.0.0.1:1: connect ECONNREFUSED");
    // The connection's 10-second wait used to hold the process open after the message.
    expect(seconds, stderr).toBeLessThan(5);
  });

  it("runs until SIGTERM, then finishes the send in flight and exits 0", async () => {
    const key = "key-cli-worker";
    const bin = await worker(key, ["--queue", "env", "--concurrency", "1"]);
    const to = phone(1, "2101");
    const held = api.hold(to);
    const campaign = runCampaign({
      redis: redis.url,
      apiKey: key,
      campaignId: `cli-worker-${process.pid}`,
      templateId: TEMPLATE_ID,
      recipients: [{ to, parameters: ["Ana", "1"] }],
    });
    const results = (async () => {
      const statuses: string[] = [];
      for await (const result of campaign) {
        statuses.push(result.status);
      }
      return statuses;
    })();
    await held;
    bin.child.kill("SIGTERM");
    const early = await Promise.race([
      bin.exited,
      new Promise((resolve) => setTimeout(() => resolve("running"), 300)),
    ]);
    expect(early).toBe("running");
    api.release(to);
    expect(await bin.exited).toEqual({ code: EXIT.ok, signal: null });
    expect(bin.stderr()).toContain("stopping: taking no new job, finishing the sends in flight");
    expect(bin.stderr()).toContain("worker stopped");
    expect(await results).toEqual(["sent"]);
    expect((await api.stats()).sends[to]).toBe(1);
  });

  it("a wrong Redis password is exit 2 with a clear message that never shows it", async () => {
    const wrong = redis.url.replace(PASSWORD, "wrong-Secret-0a9b");
    const runs = [
      await runBin(["worker", "--queue", wrong], envFor("key-cli-wrong")),
      await runBin(["worker"], envFor("key-cli-wrong", { KAPSO_QUEUE_URL: wrong })),
      await runBin(
        ["campaign", "status", "anything", "--queue", "env"],
        envFor("key-cli-wrong", { KAPSO_QUEUE_URL: wrong }),
      ),
    ];
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(EXIT.usage);
      expect(stderr).toMatch(
        /^kapsokit: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the credentials/,
      );
      expect(stdout + stderr).not.toContain("wrong-Secret");
      expect(stdout + stderr).not.toContain(PASSWORD);
    }
  });
});

describe("kapsokit send-bulk --queue", () => {
  let dir: string;
  const key = "key-cli-bulk";
  const prefix = "2102";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kapsokit-cli-queue-"));
    let csv = "phone,1,2\n";
    for (let i = 0; i < 20; i++) {
      csv += `${phone(i, prefix)},person ${i},code ${i}\n`;
    }
    csv += `${phone(20, prefix)},only one field\n`; // line 22: a bad row
    csv += `${phone(3, prefix)},person 3,code 3\n`; // line 23: the same as line 5
    writeFileSync(join(dir, "people.csv"), csv);
    await Promise.all([worker(key), worker(key)]);
  });

  const bulk = (extra: string[] = []) =>
    runBin(
      ["send-bulk", TEMPLATE_ID, "--csv", "people.csv", "--queue", "env", "--rate", "600/min", ...extra],
      envFor(key),
      dir,
    );

  it("sends every row through the workers and writes the results file, without the password anywhere", async () => {
    const { code, stdout, stderr } = await bulk();
    expect(code, stderr).toBe(EXIT.failed);
    expect(stdout).toMatch(/^Sent 20, failed 1, skipped 0, unknown 0, duplicate 1 of 22 rows/m);
    const [header, ...rows] = readFileSync(join(dir, "people.results.csv"), "utf8").trim().split("\n");
    expect(header).toBe("line,phone,status,detail,request_id,message_id");
    expect(rows).toHaveLength(22);
    const byLine = new Map(rows.map((row) => [Number(row.split(",")[0]), row.split(",")]));
    for (let line = 2; line <= 21; line++) {
      expect(byLine.get(line)?.[2], `line ${line}`).toBe("sent");
      expect(byLine.get(line)?.[5], `line ${line}`).toMatch(/^wamid\./);
    }
    expect(byLine.get(22)?.[2]).toBe("failed");
    expect(byLine.get(23)?.slice(2, 4)).toEqual([
      "duplicate",
      "identical to recipient 4 of this run; not sent again",
    ]);
    const stats = await api.stats();
    for (let i = 0; i < 20; i++) {
      expect(stats.sends[phone(i, prefix)]).toBe(1);
    }

    const file = JSON.parse(readFileSync(join(dir, "people.campaign.json"), "utf8"));
    expect(file).toMatchObject({ templateId: TEMPLATE_ID, redis: expect.stringContaining(":***@127.0.0.1") });
    for (const text of [
      stdout,
      stderr,
      readFileSync(join(dir, "people.results.csv"), "utf8"),
      JSON.stringify(file),
    ]) {
      expect(text).not.toContain(PASSWORD);
    }

    const status = await runBin(
      ["campaign", "status", file.campaignId, "--queue", "env", "--json"],
      envFor(key),
    );
    expect(status.code).toBe(EXIT.ok);
    expect(JSON.parse(status.stdout)).toMatchObject({
      campaignId: file.campaignId,
      state: "done",
      total: 22,
      records: { sent: 20, queued: 0, attempting: 0 },
      duplicate: 1,
    });
    const watched = await runBin(
      ["campaign", "status", file.campaignId, "--queue", "env", "--watch"],
      envFor(key),
    );
    expect(watched.code).toBe(EXIT.ok);
    expect(watched.stdout).toContain(`Campaign ${file.campaignId}: done`);
  });

  it("refuses to start the campaign again, and resumes it without sending anyone twice", async () => {
    const again = await bulk();
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toMatch(/names campaign .*, started earlier: pass --resume/);
    const resumed = await bulk(["--resume"]);
    expect(resumed.code, resumed.stderr).toBe(EXIT.failed);
    expect(resumed.stdout).toMatch(/^Sent 0, failed 1, skipped 20, unknown 0, duplicate 1 of 22 rows/m);
    const stats = await api.stats();
    for (let i = 0; i < 20; i++) {
      expect(stats.sends[phone(i, prefix)]).toBe(1);
    }
  });

  it("refuses CSV columns that do not fit the template before anything reaches Redis", async () => {
    const to = phone(0, "2103");
    writeFileSync(join(dir, "misfit.csv"), `phone,1\n${to},only one\n`);
    const { code, stderr } = await runBin(
      ["send-bulk", TEMPLATE_ID, "--csv", "misfit.csv", "--queue", "env"],
      envFor(key),
      dir,
    );
    expect(code, stderr).toBe(EXIT.usage);
    expect(stderr).toMatch(/takes 2 parameters \(.*\); the CSV has 1 parameter column$/m);
    expect(existsSync(join(dir, "misfit.results.csv")), "results file").toBe(false);
    expect(existsSync(join(dir, "misfit.campaign.json")), "campaign file").toBe(false);
    expect((await api.stats()).sends[to]).toBeUndefined();
  });

  it("refuses a Redis that keeps no append-only file with exit 2, leaving no file behind", async () => {
    const forgetful = await RedisServer.start({ appendfsync: false });
    try {
      writeFileSync(join(dir, "forgetful.csv"), `phone,1,2\n${phone(1, "2103")},Ana,1\n`);
      const { code, stdout, stderr } = await runBin(
        ["send-bulk", TEMPLATE_ID, "--csv", "forgetful.csv", "--queue", forgetful.url],
        envFor(key),
        dir,
      );
      expect(code, stderr).toBe(EXIT.usage);
      expect(stderr.trim()).toMatch(/^kapsokit: Redis at \S+ keeps no append-only file/);
      expect(stdout, "no summary of a run that never started").toBe("");
      expect(existsSync(join(dir, "forgetful.results.csv")), "results file").toBe(false);
      expect(existsSync(join(dir, "forgetful.campaign.json")), "campaign file").toBe(false);
    } finally {
      await forgetful.stop();
    }
  });

  it("says which local flags do not apply to a queued send", async () => {
    const { code, stderr } = await bulk(["--concurrency", "8"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("--concurrency does not apply with --queue; use --max-in-flight");
  });
});

// Elliptic-curve keys: quick to make, even on a busy machine.
const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];

describe("rediss://", () => {
  it("connects over TLS, checking the server's certificate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kapsokit-tls-"));
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
    openssl(
      "req",
      "-x509",
      ...EC_KEY,
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "2",
      "-subj",
      "/CN=kapsokit test CA",
    );
    openssl(
      "req",
      ...EC_KEY,
      "-nodes",
      "-keyout",
      "server.key",
      "-out",
      "server.csr",
      "-subj",
      "/CN=127.0.0.1",
    );
    writeFileSync(join(dir, "san.cnf"), "subjectAltName=IP:127.0.0.1\n");
    openssl(
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "server.pem",
      "-days",
      "2",
      "-extfile",
      "san.cnf",
    );
    expect(existsSync(join(dir, "server.pem"))).toBe(true);
    const tls = await RedisServer.start({
      tls: { cert: join(dir, "server.pem"), key: join(dir, "server.key"), ca: join(dir, "ca.pem") },
    });
    try {
      const url = `rediss://127.0.0.1:${tls.port}`;
      const trusted = await runBin(["campaign", "status", "nothing", "--queue", url], {
        NODE_EXTRA_CA_CERTS: join(dir, "ca.pem"),
      });
      expect(trusted.stderr).toBe("kapsokit: there is no campaign nothing in Redis\n");
      const untrusted = await runBin(["campaign", "status", "nothing", "--queue", url]);
      expect(untrusted.code).toBe(EXIT.usage);
      expect(untrusted.stderr).toContain("self-signed certificate");
    } finally {
      await tls.stop();
    }
  });
});
