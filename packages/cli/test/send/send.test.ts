import { fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { createTestCli, ORDER, REMINDER } from "../support/cli.js";

const IMAGE = ["--header-image", "https://example.com/a.jpg"];

describe("kapsokit send", () => {
  it("sends positional parameters and a header, and says so", async () => {
    const cli = createTestCli();
    const { code, stdout, stderr } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+1 (415) 555-0123",
      "--param",
      "Ana",
      "--param",
      "Friday 3 PM",
      ...IMAGE,
    ]);
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: "" });
    expect(stdout).toMatch(/^Sent appointment_reminder to \+1 \(415\) 555-0123/);
    expect(cli.mock.sent).toHaveLength(1);
    expect(cli.mock.sent[0]?.template).toMatchObject({
      phone_number: "+14155550123",
      template_parameters: ["Ana", "Friday 3 PM"],
      header_type: "image",
      header_params: "https://example.com/a.jpg",
    });
  });

  it.each([
    [
      "positional values for a named template",
      [ORDER.id, "--param", "Ana", "--param", "1042"],
      "  parameters: template order_update takes named parameters: give --param customer_name=… --param order_number=…",
    ],
    [
      "--header-text for a template whose header is fixed text",
      [ORDER.id, "--param", "customer_name=Ana", "--param", "order_number=1", "--header-text", "Hi"],
      `  header: template order_update's header is fixed text ("Order update"): drop --header-text`,
    ],
    [
      "a missing image header",
      [REMINDER.id, "--param", "a", "--param", "b"],
      "  header: template appointment_reminder has an image header: give --header-image <url>",
    ],
  ])("says which flag to change for %s", async (_, args, line) => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run([
      "send",
      ...args.slice(0, 1),
      "--to",
      "+14155550123",
      ...args.slice(1),
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(`kapsokit: invalid input, nothing was sent:\n${line}\n`);
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("sends named parameters given as name=value", async () => {
    const cli = createTestCli();
    const args = [
      "send",
      ORDER.id,
      "--to",
      "+14155550123",
      "--param",
      "customer_name=Ana",
      "--param",
      "order_number=1042",
    ];
    const { code } = await cli.run(args);
    expect(code).toBe(EXIT.ok);
    expect(cli.mock.sent[0]?.template.template_parameters).toEqual({
      customer_name: "Ana",
      order_number: "1042",
    });
  });

  it("prints JSON with --json", async () => {
    const cli = createTestCli();
    const { stdout } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
      "--json",
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      status: "sent",
      templateId: REMINDER.id,
      messageId: cli.mock.sent[0]?.messageId,
      data: { status: "success" },
    });
  });

  it("prints WhatsApp's message id", async () => {
    const cli = createTestCli();
    const { stdout } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
    ]);
    expect(cli.mock.sent[0]?.messageId).toMatch(/^wamid\./);
    expect(stdout).toContain(`(message ${cli.mock.sent[0]?.messageId}`);
  });

  it("sends a URL button's value with --button <position>=<text>", async () => {
    const cli = createTestCli({ templates: [fixtures.orderShipped] });
    const args = [
      "send",
      fixtures.orderShipped.id,
      "--to",
      "+14155550123",
      "--param",
      "Ana",
      "--param",
      "1042",
    ];
    const sent = await cli.run([...args, "--button", "0=ABC123"]);
    expect(sent.code).toBe(EXIT.ok);
    expect(cli.mock.sent[0]?.template.button_url_params).toEqual({ "0": "ABC123" });

    const missing = await cli.run(args);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain(
      'buttons[0]: template order_shipped expects a value for button 0 URL "Track order"',
    );
    const extra = await cli.run([...args, "--button", "0=ABC123", "--button", "1=stop"]);
    expect(extra.code).toBe(EXIT.usage);
    expect(extra.stderr).toContain(
      "template order_shipped expects no value for button 1; its buttons: 0 URL",
    );
    const outOfRange = await cli.run([...args, "--button", "12=x"]);
    expect(outOfRange.stderr).toContain("buttons[12]: must be a button position from 0 to 9");
    expect(cli.mock.sent).toHaveLength(1);
  });

  it("passes --filename on with an image header, as the API's own example does", async () => {
    const cli = createTestCli();
    const { code } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
      "--filename",
      "invoice.pdf",
    ]);
    expect(code).toBe(EXIT.ok);
    expect(cli.mock.sent[0]?.template.header_filename).toBe("invoice.pdf");
  });

  it("checks without sending on --dry-run, and shows the body", async () => {
    const cli = createTestCli();
    const { code, stdout } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
      "--dry-run",
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("nothing was sent");
    expect(stdout).toContain('"phone_number": "+14155550123"');
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("refuses a send that does not fit the template, even on --dry-run, naming what it expects", async () => {
    const cli = createTestCli();
    for (const extra of [[], ["--dry-run"]]) {
      const { code, stderr } = await cli.run([
        "send",
        REMINDER.id,
        "--to",
        "+14155550123",
        "--param",
        "only one",
        ...IMAGE,
        ...extra,
      ]);
      expect(code).toBe(EXIT.usage);
      expect(stderr).toMatch(/^kapsokit: invalid input, nothing was sent:\n {2}parameters/);
    }
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("refuses a bad phone number before anything is sent", async () => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "555-0123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("to: must be a phone number");
    expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(cli.mock.calls).toHaveLength(0);
  });

  it.each([
    [["send"], "missing <template-id>"],
    [["send", REMINDER.id], 'missing --to <phone>. Run "kapsokit send --help" for usage.'],
    [
      ["send", REMINDER.id, "--to", "+1", "--param", "a", "--param", "b=c"],
      "some --param values are name=value",
    ],
    [["send", REMINDER.id, "--to", "+1", "--header-image", "x", "--header-text", "y"], "give one header"],
    [["send", REMINDER.id, "--to", "+1", "--filename", "a.pdf"], "--filename goes with --header-document"],
    [
      ["send", REMINDER.id, "--to", "+1", "--header-text", "Hi", "--filename", "a.pdf"],
      "--filename goes with --header-document",
    ],
    [["send", REMINDER.id, "--to", "+1", "--button", "track123"], "--button takes <position>=<text>"],
    [["send", REMINDER.id, "--to", "+1", "--button", "0=a", "--button", "0=b"], "--button 0 is given twice"],
    [
      ["send", REMINDER.id, "--to", "+1", "--colour", "red"],
      'unknown option --colour. Run "kapsokit send --help" for usage.',
    ],
    [["send", REMINDER.id, "extra", "--to", "+1"], 'unexpected argument "extra"'],
  ])("%j is a usage error: %s", async (args, message) => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run(args);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(message);
    expect(cli.mock.calls).toHaveLength(0);
  });

  it("treats every --param as positional with --positional", async () => {
    const cli = createTestCli();
    const { code } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--positional",
      "--param",
      "a=1",
      "--param",
      "b=2",
      ...IMAGE,
    ]);
    expect(code).toBe(EXIT.ok);
    expect(cli.mock.sent[0]?.template.template_parameters).toEqual(["a=1", "b=2"]);
  });

  it("says the key is missing, and how to give one", async () => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run(["send", REMINDER.id, "--to", "+14155550123"], {
      KAPSO_API_KEY: undefined,
    });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      "kapsokit: no API key: set KAPSO_API_KEY (against `kapsokit mock`, any value works, e.g. KAPSO_API_KEY=test)\n",
    );
  });

  it("exits 1 with the server's message when the template does not exist", async () => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run([
      "send",
      "00000000-0000-4000-8000-000000000000",
      "--to",
      "+14155550123",
    ]);
    expect(code).toBe(EXIT.failed);
    expect(stderr).toMatch(/^kapsokit: the API answered 404: /);
  });

  it("exits 1 and points at the key when the API refuses it", async () => {
    const cli = createTestCli({ apiKeys: ["the-right-key"] });
    const { code, stderr } = await cli.run(["send", REMINDER.id, "--to", "+14155550123"], {
      KAPSO_API_KEY: "wrong",
    });
    expect(code).toBe(EXIT.failed);
    expect(stderr).toContain("check KAPSO_API_KEY");
    expect(stderr).not.toContain("wrong");
  });

  it("exits 3 when the outcome is unknown, and says not to resend blindly", async () => {
    const cli = createTestCli();
    cli.mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate" });
    const { code, stderr } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "a",
      "--param",
      "b",
      ...IMAGE,
    ]);
    expect(code).toBe(EXIT.unknown);
    expect(stderr).toContain("check before sending it again");
  });

  it("reports errors as JSON with --json", async () => {
    const cli = createTestCli();
    const { code, stdout, stderr } = await cli.run(["send", REMINDER.id, "--to", "nope", "--json"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toMatchObject({
      error: { name: "ValidationError", issues: [{ path: "to" }] },
    });
  });

  it("refuses a base URL that is not one", async () => {
    const cli = createTestCli();
    const { code, stderr } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--base-url",
      "localhost:4010",
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("must start with https:// or http://");
  });
});
