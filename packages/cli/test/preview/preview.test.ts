// Dry runs show each message as its recipient will read it, before anything is sent.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineTemplate, fixtures, renderMessage } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { formatRendered } from "../../src/output/preview.js";
import { createTestCli, NOTICE, ORDER, REMINDER } from "../support/cli.js";

const IMAGE = ["--header-image", "https://example.com/a.jpg"];

describe("kapsokit send --dry-run", () => {
  it("prints the message as the customer will see it, each value marked and named", async () => {
    const cli = createTestCli();
    const { code, stdout } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+1 415 555 0123",
      "--param",
      "Ana",
      "--param",
      "Friday at 3 PM",
      ...IMAGE,
      "--dry-run",
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stdout.slice(0, stdout.indexOf("It would send:"))).toBe(
      [
        "Dry run: the send to +1 415 555 0123 is valid; nothing was sent.",
        "The message, as the customer will see it:",
        "  ┌ appointment_reminder to +14155550123",
        "  │ Image: https://example.com/a.jpg",
        "  │ Hi [Ana], this is a reminder of your appointment on [Friday at 3 PM].",
        "  │ Reply STOP to opt out",
        '  └ {{1}} = "Ana", {{2}} = "Friday at 3 PM"',
        "",
      ].join("\n"),
    );
    expect(stdout).toContain('"phone_number": "+14155550123"');
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("shows a wrong parameter order for what it is", async () => {
    const cli = createTestCli();
    const { stdout } = await cli.run([
      "send",
      REMINDER.id,
      "--to",
      "+14155550123",
      "--param",
      "Friday at 3 PM",
      "--param",
      "Ana",
      ...IMAGE,
      "--dry-run",
    ]);
    expect(stdout).toContain("  │ Hi [Friday at 3 PM], this is a reminder of your appointment on [Ana].\n");
  });

  it("fills named parameters under a text header, and a URL button's address", async () => {
    const cli = createTestCli({ templates: [fixtures.orderUpdate, fixtures.orderShipped] });
    const named = await cli.run([
      "send",
      ORDER.id,
      "--to",
      "+14155550123",
      "--param",
      "customer_name=Ana",
      "--param",
      "order_number=1042",
      "--dry-run",
    ]);
    expect(named.stdout).toContain(
      [
        "  ┌ order_update to +14155550123",
        "  │ Order update",
        "  │ Hello [Ana], your order [1042] has shipped.",
        '  └ {{customer_name}} = "Ana", {{order_number}} = "1042"',
      ].join("\n"),
    );
    const button = await cli.run([
      "send",
      fixtures.orderShipped.id,
      "--to",
      "+14155550123",
      "--param",
      "Ana",
      "--param",
      "1042",
      "--button",
      "0=ABC123",
      "--dry-run",
    ]);
    expect(button.stdout).toContain(
      [
        "  ┌ order_shipped to +14155550123",
        "  │ Hi [Ana], your order [1042] is on its way.",
        '  │ Button "Track order": https://example.com/track/[ABC123]',
        '  │ Button "Stop updates"',
        '  └ {{1}} = "Ana", {{2}} = "1042", button 0 {{1}} = "ABC123"',
      ].join("\n"),
    );
  });

  it("underlines the values on a terminal, and brackets them with NO_COLOR", async () => {
    const cli = createTestCli();
    const args = ["send", NOTICE.id, "--to", "+14155550123", "--param", "Ana", "--param", "7", "--dry-run"];
    const terminal = await cli.run(args, {}, true);
    expect(terminal.stdout).toContain(
      "  │ Hi \x1b[1;4mAna\x1b[22;24m, your code is \x1b[1;4m7\x1b[22;24m.\n",
    );
    const plain = await cli.run(args, { NO_COLOR: "1" }, true);
    expect(plain.stdout).toContain("  │ Hi [Ana], your code is [7].\n");
  });

  it("prints no preview with --json: the line stays one JSON object", async () => {
    const cli = createTestCli();
    const args = ["send", NOTICE.id, "--to", "+14155550123", "--param", "Ana", "--param", "7"];
    const { stdout } = await cli.run([...args, "--dry-run", "--json"]);
    expect(JSON.parse(stdout)).toMatchObject({ status: "valid", templateId: NOTICE.id });
  });
});

describe("kapsokit send-bulk --dry-run", () => {
  it("prints the first three messages as the customers will see them, then the summary", async () => {
    const cli = createTestCli();
    writeFileSync(
      join(cli.dir, "people.csv"),
      "phone,1,2\n+14155550100,Ana,A-1\n+1,Bad,row\n+14155550101,Bo,B-2\n+14155550102,Cy,C-3\n+14155550103,Di,D-4\n",
    );
    const { code, stdout } = await cli.run(["send-bulk", NOTICE.id, "--csv", "people.csv", "--dry-run"]);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toBe(
      [
        "The first 3 of 4 messages, as the customers will see them:",
        "  ┌ bulk_notice to +14155550100",
        "  │ Hi [Ana], your code is [A-1].",
        '  └ {{1}} = "Ana", {{2}} = "A-1"',
        "  ┌ bulk_notice to +14155550101",
        "  │ Hi [Bo], your code is [B-2].",
        '  └ {{1}} = "Bo", {{2}} = "B-2"',
        "  ┌ bulk_notice to +14155550102",
        "  │ Hi [Cy], your code is [C-3].",
        '  └ {{1}} = "Cy", {{2}} = "C-3"',
        "Dry run: 4 of 5 rows are valid, 1 are not; nothing was sent.",
        `Results: ${join(cli.dir, "people.dry-run.csv")}`,
        "",
      ].join("\n"),
    );
    expect(cli.mock.sent).toHaveLength(0);
  });

  it("shows every message of a short file under a heading that says so", async () => {
    const cli = createTestCli();
    writeFileSync(join(cli.dir, "one.csv"), "phone,1,2\n+14155550100,Ana,A-1\n");
    const { stdout } = await cli.run(["send-bulk", NOTICE.id, "--csv", "one.csv", "--dry-run"]);
    expect(stdout).toMatch(
      /^The message, as the customer will see it:\n {2}┌ bulk_notice to \+14155550100\n/,
    );
  });

  it("prints JSON lines only with --json", async () => {
    const cli = createTestCli();
    writeFileSync(join(cli.dir, "one.csv"), "phone,1,2\n+14155550100,Ana,A-1\n");
    const { stdout } = await cli.run(["send-bulk", NOTICE.id, "--csv", "one.csv", "--dry-run", "--json"]);
    for (const line of stdout.trim().split("\n")) {
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  });
});

describe("formatRendered", () => {
  it("marks what is missing, names each problem, and shows documents, locations and phone buttons", () => {
    const template = defineTemplate({
      id: "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b",
      name: "edge",
      content: "Hi {{1}},\nsee you {{2}}",
      components: [
        { type: "HEADER", format: "DOCUMENT" },
        { type: "BODY", text: "Hi {{1}},\nsee you {{2}}" },
        { type: "BUTTONS", buttons: [{ type: "PHONE_NUMBER", text: "Call", phone_number: "+14155550100" }] },
      ],
    });
    const rendered = renderMessage(template, {
      phone_number: "+14155550123",
      template_parameters: ["Ana"],
      header_type: "document",
      header_params: "https://example.com/i.pdf",
      header_filename: "invoice.pdf",
    });
    expect(formatRendered(rendered, false)).toBe(
      [
        "  ┌ edge to +14155550123",
        "  │ Document invoice.pdf: https://example.com/i.pdf",
        "  │ Hi [Ana],",
        "  │ see you [missing {{2}}]",
        '  │ Button "Call": +14155550100',
        '  └ {{1}} = "Ana"',
        "  ! {{2}} has no value (2 placeholders in the body, 1 parameter given)",
      ].join("\n"),
    );
    const location = renderMessage(
      {
        ...template,
        components: [
          { type: "HEADER", format: "LOCATION" },
          { type: "BODY", text: "Here" },
        ],
      },
      { phone_number: "+14155550123" },
    );
    expect(formatRendered(location, false)).toBe(
      ["  ┌ edge to +14155550123", "  │ Location", "  │ Here", "  └"].join("\n"),
    );
  });
});
