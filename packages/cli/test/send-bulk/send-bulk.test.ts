import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { createTestCli, NOTICE, ORDER, type TestCli } from "../support/cli.js";

function csv(cli: TestCli, name: string, text: string): string {
  writeFileSync(join(cli.dir, name), text);
  return name;
}

function people(count: number, from = 0): string {
  let text = "phone,1,2\n";
  for (let i = from; i < from + count; i++) {
    text += `+1415555${String(i).padStart(4, "0")},"Person, ${i}",code ${i}\n`;
  }
  return text;
}

function results(cli: TestCli, name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(cli.dir, name), "utf8").trim().split("\n");
  const columns = header!.split(",");
  // Test data has no quoted commas in these columns but the detail; it comes last but one.
  return lines.map((line) => {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

const sentTo = (cli: TestCli) => cli.mock.sent.map((m) => m.to).sort();

describe("kapsokit send-bulk", () => {
  it("sends every row, writes one result per row, and exits 0", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(30));
    const { code, stdout, stderr } = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Sent 30, failed 0, skipped 0, unknown 0 of 30 rows in \d+s/);
    expect(stdout).toContain(`Results: ${join(cli.dir, "people.results.csv")}`);
    expect(stderr).toMatch(/^progress: /);
    expect(new Set(sentTo(cli)).size).toBe(30);
    const rows = results(cli, "people.results.csv");
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.status === "sent" && r.message_id !== "")).toBe(true);
    expect(rows.map((r) => Number(r.line)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 2),
    );
    // One read of the template, up front (a wrong id fails once, not per row); the rows are
    // checked against that same read.
    expect(cli.mock.calls.filter((c) => c.method === "GET")).toHaveLength(1);
  });

  it("reports bad rows with their line, sends the rest, and exits 1", async () => {
    const cli = createTestCli();
    const text = `${people(5)}12345,bad,phone\n+14155550100,too,many,fields\n+14155550101,,empty\n${people(3, 6).split("\n").slice(1).join("\n")}`;
    csv(cli, "mixed.csv", text);
    const { code, stdout, stderr } = await cli.run(["send-bulk", NOTICE.id, "--csv", "mixed.csv"]);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toMatch(/^Sent 8, failed 3, skipped 0, unknown 0 of 11 rows/);
    expect(stdout).toContain("--resume to retry the failed rows");
    expect(stderr).toContain("line 7 (12345): failed: to must be a phone number");
    expect(stderr).toContain("line 8 (+14155550100): failed: line 8: 4 fields, the header has 3");
    expect(stderr).toContain("line 9 (+14155550101): failed: parameters[0] must be a non-empty string");
    expect(sentTo(cli)).toHaveLength(8);
    const failed = results(cli, "mixed.results.csv").filter((r) => r.status === "failed");
    expect(failed.map((r) => r.line).sort()).toEqual(["7", "8", "9"]);
  });

  it("refuses a file with a broken quote before sending anything, naming the line", async () => {
    const cli = createTestCli();
    csv(
      cli,
      "quote.csv",
      `${people(5)}+14155550102,"x"y,quote\n${people(3, 6).split("\n").slice(1).join("\n")}`,
    );
    const { code, stderr } = await cli.run(["send-bulk", NOTICE.id, "--csv", "quote.csv"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      "kapsokit: the CSV file quote.csv is malformed at line 7: text after a closing quote (quote the whole field and double the quote); nothing past it can be read safely\n",
    );
    expect(cli.mock.sent).toHaveLength(0);
    expect(existsSync(join(cli.dir, "quote.journal.jsonl"))).toBe(false);
    expect(existsSync(join(cli.dir, "quote.results.csv"))).toBe(false);
  });

  it("sends named parameters from named columns", async () => {
    const cli = createTestCli();
    csv(cli, "orders.csv", "customer_name,phone,order_number\nAna,+14155550123,1042\nBo,+14155550124,1043\n");
    const { code } = await cli.run(["send-bulk", ORDER.id, "--csv", "orders.csv"]);
    expect(code).toBe(EXIT.ok);
    expect(cli.mock.sent.map((m) => m.template.template_parameters)).toContainEqual({
      customer_name: "Bo",
      order_number: "1043",
    });
  });

  it("sends each row's URL button value from its button_0 column, and writes each message id", async () => {
    const cli = createTestCli({ templates: [fixtures.orderShipped] });
    csv(cli, "shipped.csv", "phone,1,2,button_0\n+14155550123,Ana,1042,ABC123\n+14155550124,Bo,1043,\n");
    const { code, stderr } = await cli.run(["send-bulk", fixtures.orderShipped.id, "--csv", "shipped.csv"]);
    expect(code).toBe(EXIT.failed);
    expect(cli.mock.sent.map((m) => m.template.button_url_params)).toEqual([{ "0": "ABC123" }]);
    expect(stderr).toContain(
      "line 3 (+14155550124): failed: buttons[0] template order_shipped expects a value for button 0",
    );
    const rows = results(cli, "shipped.results.csv");
    expect(rows.find((r) => r.line === "2")?.message_id).toBe(cli.mock.sent[0]?.messageId);
    expect(rows.find((r) => r.line === "3")?.message_id).toBe("");
  });

  it("refuses to start over a journal without --resume, and resumes with it", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(10));
    const first = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(first.code).toBe(EXIT.ok);
    const again = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain("holds an earlier run: pass --resume to continue it");
    csv(cli, "people.csv", people(12));
    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.stdout).toMatch(/^Sent 2, failed 0, skipped 10, unknown 0 of 12 rows/);
    expect(sentTo(cli)).toHaveLength(12);
    expect(new Set(sentTo(cli)).size).toBe(12);
  });

  it("reports unknown outcomes, exits 3, and resends them only with --retry-unknown", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(10));
    cli.mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate", times: 2 });
    const first = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--concurrency", "1"]);
    expect(first.code).toBe(EXIT.unknown);
    expect(first.stdout).toMatch(/unknown 2 of 10/);
    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.unknown);
    expect(resumed.stdout).toMatch(/^Sent 0, failed 0, skipped 8, unknown 2 of 10/);
    expect(sentTo(cli)).toHaveLength(8);
    const retried = await cli.run([
      "send-bulk",
      NOTICE.id,
      "--csv",
      "people.csv",
      "--resume",
      "--retry-unknown",
    ]);
    expect(retried.code).toBe(EXIT.ok);
    expect(retried.stdout).toMatch(/^Sent 2, failed 0, skipped 8, unknown 0 of 10/);
    expect(new Set(sentTo(cli)).size).toBe(10);
  });

  it("waits out a 429 and sends everything once", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(20));
    cli.mock.fault(
      { kind: "rateLimited", retryAfter: 0.05 },
      { operation: "sendWhatsappTemplate", times: 1 },
    );
    const { code, stdout } = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Sent 20, failed 0/);
    expect(new Set(sentTo(cli)).size).toBe(20);
    expect(sentTo(cli)).toHaveLength(20);
  });

  it("checks every row and sends nothing on --dry-run", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", `${people(4)}+1,no,good\n`);
    const { code, stdout } = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--dry-run"]);
    expect(code).toBe(EXIT.failed);
    // After the preview of the first messages (test/preview), the summary.
    expect(stdout).toMatch(/^Dry run: 4 of 5 rows are valid, 1 are not; nothing was sent/m);
    expect(cli.mock.sent).toHaveLength(0);
    expect(existsSync(join(cli.dir, "people.journal.jsonl"))).toBe(false);
    expect(
      results(cli, "people.dry-run.csv")
        .map((r) => r.status)
        .sort(),
    ).toEqual(["failed", "valid", "valid", "valid", "valid"]);
  });

  it("prints one JSON line per recipient and a summary with --json", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(3));
    const { code, stdout, stderr } = await cli.run([
      "send-bulk",
      NOTICE.id,
      "--csv",
      "people.csv",
      "--json",
      "--no-journal",
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stderr).toBe("");
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, 3).every((l) => l.status === "sent" && l.phone.startsWith("+1415555"))).toBe(true);
    expect(lines[3]).toMatchObject({ summary: { sent: 3, failed: 0, rows: 3, journal: null } });
  });

  it("draws a progress bar on a terminal", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(10));
    const { stderr } = await cli.run(
      ["send-bulk", NOTICE.id, "--csv", "people.csv", "--rate", "200/s"],
      {},
      true,
    );
    expect(stderr).toContain("\r\x1b[2K[");
    expect(stderr).toMatch(/\[█{20}\] 100% 10\/10 · sent 10 · failed 0 · [\d.]+\/s\n$/);
  });

  it("stops taking rows on the first Ctrl-C, finishes those in flight, and exits 130", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(200));
    const stop = new AbortController();
    cli.mock.fault(
      { kind: "delay", ms: 1 },
      { operation: "sendWhatsappTemplate", times: Number.POSITIVE_INFINITY },
    );
    const timer = setInterval(() => {
      if (cli.mock.sent.length >= 20) {
        stop.abort();
      }
    }, 1);
    const io = { stop: stop.signal };
    const { code, stdout } = await cli.run(
      ["send-bulk", NOTICE.id, "--csv", "people.csv", "--concurrency", "2"],
      {},
      false,
      io,
    );
    clearInterval(timer);
    expect(code).toBe(EXIT.interrupted);
    expect(stdout).toMatch(/^Stopped after \d+ of 200 rows\./);
    expect(stdout).toContain("--resume to continue");
    const resumed = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--resume"]);
    expect(resumed.code).toBe(EXIT.ok);
    expect(new Set(sentTo(cli)).size).toBe(200);
    expect(sentTo(cli)).toHaveLength(200);
  });

  it("stops at once, with one message, when the template does not exist or the key is refused", async () => {
    const cli = createTestCli({ apiKeys: ["right"] });
    csv(cli, "people.csv", people(50));
    const missing = await cli.run(
      ["send-bulk", "00000000-0000-4000-8000-000000000000", "--csv", "people.csv"],
      {
        KAPSO_API_KEY: "right",
      },
    );
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/^kapsokit: the API answered 404: [^\n]*\n$/);
    const refused = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv"], {
      KAPSO_API_KEY: "wrong",
    });
    expect(refused.code).toBe(EXIT.failed);
    expect(refused.stderr).toContain("check KAPSO_API_KEY");
    expect(cli.mock.calls).toHaveLength(2);
    expect(existsSync(join(cli.dir, "people.journal.jsonl"))).toBe(false);
    expect(existsSync(join(cli.dir, "people.results.csv"))).toBe(false);
  });

  it("says which file it cannot write", async () => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(2));
    const { code, stderr } = await cli.run([
      "send-bulk",
      NOTICE.id,
      "--csv",
      "people.csv",
      "--results",
      "no/such/dir/r.csv",
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      `kapsokit: cannot write the results file ${join(cli.dir, "no/such/dir/r.csv")}: its folder does not exist (ENOENT)\n`,
    );
    expect(cli.mock.sent).toHaveLength(0);
  });

  it.each([
    [[], 'missing --csv <file>. Run "kapsokit send-bulk --help" for usage.'],
    [["--csv", "nowhere.csv"], "cannot read the CSV file nowhere.csv: no such file (ENOENT)"],
    [["--csv", "."], "cannot read the CSV file .: is a directory"],
    [["--csv", "people.csv", "--rate", "fast"], '--rate fast: rate "fast" is not like "100/min" or "5/s"'],
    [
      ["--csv", "people.csv", "--rate", "0/s"],
      "--rate 0/s: rate must be a positive number of sends per second or per minute",
    ],
    [["--csv", "people.csv", "--concurrency", "0"], "--concurrency must be a whole number from 1 to 1000"],
    [["--csv", "people.csv", "--retry-unknown"], "--retry-unknown goes with --resume"],
    [["--csv", "people.csv", "--no-journal", "--resume"], "--no-journal cannot be combined"],
    [["--csv", "people.csv", "--resume"], "--resume: there is no journal at"],
    [["--csv", "nophone.csv"], 'the CSV header row has no "phone" column (it has: name, 1)'],
    [
      ["--csv", "capital.csv"],
      'the CSV header row has no "phone" column (it has: Phone, 1, 2); column names are lower case: rename "Phone" to "phone"',
    ],
    [
      ["--csv", "semicolons.csv"],
      'the CSV header row has no "phone" column (it has: phone;1;2); the file looks separated by semicolons: kapsokit reads comma-separated CSV (save or export it with commas)',
    ],
    [["--csv", "empty.csv"], "the CSV file is empty"],
    [
      ["--csv", "people.csv", "--results", "people.csv"],
      "the CSV, the journal and the results file must be three different files",
    ],
  ])("%j is a usage error", async (args, message) => {
    const cli = createTestCli();
    csv(cli, "people.csv", people(2));
    csv(cli, "nophone.csv", "name,1\nAna,x\n");
    csv(cli, "capital.csv", "Phone,1,2\n+14155550123,a,b\n");
    csv(cli, "semicolons.csv", "phone;1;2\n+14155550123;a;b\n");
    csv(cli, "empty.csv", "");
    const { code, stderr } = await cli.run(["send-bulk", NOTICE.id, ...args]);
    expect(code).toBe(EXIT.usage);
    // One line, the problem first.
    expect(stderr.startsWith(`kapsokit: ${message}`), stderr).toBe(true);
    expect(stderr.indexOf("\n")).toBe(stderr.length - 1);
    expect(cli.mock.sent).toHaveLength(0);
  });
});
