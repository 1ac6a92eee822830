// The results file keeps what each run sent: a resume never replaces it, and a file that
// cannot be written to the end still ends with a summary and a documented exit code.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { BIN } from "../support/bin.js";
import { createTestCli, NOTICE } from "../support/cli.js";
import { people, readResults, writeCsv } from "../support/files.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ templates: [NOTICE] });
});
afterAll(() => server.close());

describe("the results file of kapsokit send-bulk", () => {
  it("is not replaced by a resume: each run writes its own, the first keeps its message ids", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", people(5));
    const first = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(first.code).toBe(EXIT.ok);
    const before = readFileSync(join(cli.dir, "people.results.csv"), "utf8");
    expect(readResults(cli.dir, "people.results.csv").every((r) => r.message_id?.startsWith("wamid."))).toBe(
      true,
    );

    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.stdout).toContain(`Results: ${join(cli.dir, "people.results.2.csv")}\n`);
    expect(readFileSync(join(cli.dir, "people.results.csv"), "utf8")).toBe(before);
    expect(readResults(cli.dir, "people.results.2.csv").map((r) => r.status)).toEqual(
      Array(5).fill("skipped"),
    );

    const again = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume", "--json"]);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-1)!).summary.results).toBe(
      join(cli.dir, "people.results.3.csv"),
    );
    expect(cli.mock.sent).toHaveLength(5);
  });

  it("still ends with a summary and exit 74 when a write fails after the first (a file size limit)", async () => {
    const dir = createTestCli().dir;
    writeCsv(dir, "people.csv", people(2000));
    // 32 KB: the header row fits; the 64 KB the buffer flushes after some 1,500 rows do not.
    const bulk = spawn(
      "bash",
      [
        "-c",
        `ulimit -f 32 && exec "${process.execPath}" "${BIN}" "$@"`,
        "bash",
        "send-bulk",
        NOTICE.id,
        "--csv",
        "people.csv",
        "--no-journal",
        "--concurrency",
        "16",
      ],
      {
        cwd: dir,
        env: { ...process.env, KAPSO_API_KEY: "test", KAPSO_BASE_URL: server.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    bulk.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    bulk.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const code = await new Promise((resolve) => bulk.on("close", resolve));
    expect(code, stderr).toBe(EXIT.resultsIncomplete);
    // No new rows after the failed write; the summary says what was sent.
    expect(stdout).toMatch(
      /^Stopped after 1\d{3} of 2000 rows\. Sent 1\d{3}, failed 0, skipped 0, unknown 0 of 2000 rows/,
    );
    expect(stderr).toContain(
      `kapsokit: cannot write the results file ${join(dir, "people.results.csv")}: the file is too large (EFBIG); no new rows are taken\n`,
    );
    expect(stdout).toContain(
      `Results: ${join(dir, "people.results.csv")} is incomplete: it could not be written (the file is too large (EFBIG)); the journal has every send.`,
    );
    expect(stderr).not.toContain("internal error");
  });
});
