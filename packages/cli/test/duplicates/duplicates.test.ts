// Identical rows are one message: sent once, the others reported `duplicate` and never sent,
// in this run and in every resume. Rows whose bytes are not UTF-8 fail with their line.
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { createTestCli, NOTICE } from "../support/cli.js";
import { readResults, writeCsv } from "../support/files.js";

const sendsTo = (cli: ReturnType<typeof createTestCli>, phone: string) =>
  cli.mock.sent.filter((m) => m.to === phone).length;

describe("identical rows in kapsokit send-bulk", () => {
  it("sends identical rows once (the phone written two ways), reports the others duplicate, also when the first failed and is resumed", async () => {
    const cli = createTestCli();
    writeCsv(
      cli.dir,
      "people.csv",
      "phone,1,2\n+1 415 555 0123,Ana,x\n+14155550124,Bo,y\n+1 (415) 555-0123,Ana,x\n+14155550123,Ana,other\n",
    );
    // The first send is refused (the server did not act): that row is failed, its twin duplicate.
    cli.mock.fault({ kind: "error", status: 408 }, { operation: "sendWhatsappTemplate", times: 1 });
    const first = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--concurrency", "1"]);
    expect(first.code).toBe(EXIT.failed);
    expect(first.stdout).toMatch(/^Sent 2, failed 1, skipped 0, unknown 0, duplicate 1 of 4 rows/);
    const rows = readResults(cli.dir, "people.results.csv");
    expect(rows.find((r) => r.line === "2")).toMatchObject({ status: "failed" });
    expect(rows.find((r) => r.line === "4")).toMatchObject({
      status: "duplicate",
      detail: "identical to line 2, whose result stands for both",
      message_id: "",
    });

    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.stdout).toMatch(/^Sent 1, failed 0, skipped 2, unknown 0, duplicate 1 of 4 rows/);
    // Ana with x once, Ana with other once: two messages to that phone, each sent once.
    expect(sendsTo(cli, "+14155550123")).toBe(2);
    expect(cli.mock.sent).toHaveLength(3);
    expect(readResults(cli.dir, "people.results.2.csv").find((r) => r.line === "4")?.status).toBe(
      "duplicate",
    );
  });

  it("keeps the duplicate unsent when the first's outcome is unknown, and after --retry-unknown sends the first only", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", "phone,1,2\n+14155550123,Ana,x\n+14155550123,Ana,x\n");
    cli.mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate", times: 1 });
    const first = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(first.code).toBe(EXIT.unknown);
    expect(first.stdout).toMatch(/^Sent 0, failed 0, skipped 0, unknown 1, duplicate 1 of 2 rows/);

    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.unknown);
    expect(resumed.stdout).toMatch(/^Sent 0, failed 0, skipped 0, unknown 1, duplicate 1 of 2 rows/);

    const retried = await cli.run([
      "send-bulk",
      NOTICE.id,
      "--csv",
      "people.csv",
      "--resume",
      "--retry-unknown",
    ]);
    expect(retried.code).toBe(EXIT.ok);
    expect(retried.stdout).toMatch(/^Sent 1, failed 0, skipped 0, unknown 0, duplicate 1 of 2 rows/);
    expect(sendsTo(cli, "+14155550123")).toBe(1);
    expect(cli.mock.calls.filter((c) => c.method === "POST")).toHaveLength(2); // the 500 and the retry
  });
});

describe("bytes that are not UTF-8 in kapsokit send-bulk", () => {
  it("fails that row with its line, sends the others unaltered, and exits 1", async () => {
    const cli = createTestCli();
    const bytes = Buffer.concat([
      Buffer.from("phone,1,2\n+14155550001,José,a\n+14155550002,Jos"),
      Uint8Array.of(0xe9), // é in Latin-1: not UTF-8
      Buffer.from(",b\n+14155550003,Zoë,c\n"),
    ]);
    writeCsv(cli.dir, "people.csv", bytes);
    const { code, stdout, stderr } = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toMatch(/^Sent 2, failed 1, /);
    expect(stderr).toContain(
      "line 3 (+14155550002): failed: line 3: field 2 is not valid UTF-8 text (save the file as UTF-8)\n",
    );
    expect(cli.mock.sent.map((m) => m.template.template_parameters)).toEqual(
      expect.arrayContaining([
        ["José", "a"],
        ["Zoë", "c"],
      ]),
    );
    expect(JSON.stringify(cli.mock.sent)).not.toContain("\ufffd");
    expect(cli.mock.sent.some((m) => m.to === "+14155550002")).toBe(false);
  });
});
