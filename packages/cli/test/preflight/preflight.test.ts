// Everything that applies to every row is checked before the first send, and every problem
// is said at once: exit 2, nothing sent, no journal or results file left behind.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { createTestCli, NOTICE, ORDER, REMINDER } from "../support/cli.js";
import { people, writeCsv } from "../support/files.js";

const IMAGE = ["--header-image", "https://example.com/a.jpg"];

describe("kapsokit send-bulk, before the first send", () => {
  it("says once that an image template needs --header-image, instead of failing every row", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", people(300));
    const { code, stdout, stderr } = await cli.run(["send-bulk", REMINDER.id, "--csv", "people.csv"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      "kapsokit: template appointment_reminder has an image header: give --header-image <url>, or a header_image column\n",
    );
    expect(stdout).toBe("");
    expect(cli.mock.sent).toHaveLength(0);
    expect(existsSync(join(cli.dir, "people.journal.jsonl"))).toBe(false);
    expect(existsSync(join(cli.dir, "people.results.csv"))).toBe(false);
  });

  it("takes a header_image column instead of the flag, and sends", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", "phone,1,2,header_image\n+14155550123,a,b,https://example.com/a.jpg\n");
    const { code } = await cli.run(["send-bulk", REMINDER.id, "--csv", "people.csv"]);
    expect(code).toBe(EXIT.ok);
    expect(cli.mock.sent[0]?.template).toMatchObject({ header_type: "image" });
  });

  it("lists every problem at once: flags, columns against the template, the results path", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "orders.csv", "phone,1,2\n+14155550123,Ana,1042\n");
    const { code, stderr } = await cli.run([
      "send-bulk",
      ORDER.id,
      "--csv",
      "orders.csv",
      "--rate",
      "0/s",
      "--header-text",
      "Hi",
      "--results",
      "missing/dir/r.csv",
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      [
        "kapsokit: 4 problems, nothing was sent:",
        "  - --rate 0/s: rate must be a positive number of sends per second or per minute",
        "  - template order_update takes named parameters: name the CSV columns customer_name, order_number",
        `  - template order_update's header is fixed text ("Order update"): drop --header-text`,
        `  - cannot write the results file ${join(cli.dir, "missing/dir/r.csv")}: its folder does not exist (ENOENT)`,
        "",
      ].join("\n"),
    );
    expect(cli.mock.sent).toHaveLength(0);
    expect(existsSync(join(cli.dir, "orders.journal.jsonl"))).toBe(false);
  });

  it("lists the problems as JSON with --json", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", people(2));
    const { code, stdout } = await cli.run([
      "send-bulk",
      REMINDER.id,
      "--csv",
      "people.csv",
      "--rate",
      "0/s",
      "--json",
    ]);
    expect(code).toBe(EXIT.usage);
    expect(JSON.parse(stdout).error.problems).toEqual([
      "--rate 0/s: rate must be a positive number of sends per second or per minute",
      "template appointment_reminder has an image header: give --header-image <url>, or a header_image column",
    ]);
  });

  it.each([
    [
      "named columns a template does not have",
      ORDER.id,
      "phone,customer_name,order_id\n+14155550123,Ana,1042\n",
      [],
      [
        "2 problems, nothing was sent:",
        "  - template order_update needs the CSV columns customer_name, order_number; order_number is missing",
        "  - the CSV column order_id is not a placeholder of template order_update (it has {{customer_name}}, {{order_number}})",
      ].join("\n"),
    ],
    [
      "too many positional columns",
      NOTICE.id,
      "phone,1,2,3\n+14155550123,a,b,c\n",
      [],
      "template bulk_notice takes 2 parameters ({{1}}, {{2}}); the CSV has 3 parameter columns",
    ],
    [
      "a header for a template without one",
      NOTICE.id,
      "phone,1,2\n+14155550123,a,b\n",
      IMAGE,
      "template bulk_notice has no header: drop --header-image",
    ],
    [
      "a header of the wrong kind",
      REMINDER.id,
      "phone,1,2\n+14155550123,a,b\n",
      ["--header-video", "https://example.com/a.mp4"],
      "template appointment_reminder has an image header, not video: use --header-image <url>",
    ],
  ])("refuses %s in one message", async (_, templateId, text, flags, message) => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", text);
    const { code, stderr } = await cli.run(["send-bulk", templateId, "--csv", "people.csv", ...flags]);
    expect({ code, stderr }).toEqual({ code: EXIT.usage, stderr: `kapsokit: ${message}\n` });
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("refuses a results path it cannot write, such as a full device, before sending", async () => {
    const cli = createTestCli();
    writeCsv(cli.dir, "people.csv", people(3));
    const { code, stderr } = await cli.run([
      "send-bulk",
      NOTICE.id,
      "--csv",
      "people.csv",
      "--results",
      "/dev/full",
    ]);
    expect({ code, stderr }).toEqual({
      code: EXIT.usage,
      stderr: "kapsokit: cannot write the results file /dev/full: no space left on the device (ENOSPC)\n",
    });
    expect(cli.mock.sent).toHaveLength(0);
    expect(existsSync(join(cli.dir, "people.journal.jsonl"))).toBe(false);
  });
});
