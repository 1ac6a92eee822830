import { fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/index.js";
import { createTestCli, NOTICE, ORDER, REMINDER } from "../support/cli.js";

describe("kapsokit templates", () => {
  it("lists every template as a table with its header and placeholders", async () => {
    const { code, stdout } = await createTestCli().run(["templates", "list"]);
    expect(code).toBe(EXIT.ok);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+LANGUAGE\s+CATEGORY\s+STATUS\s+HEADER\s+PARAMETERS$/);
    expect(lines).toHaveLength(4);
    expect(stdout).toMatch(
      new RegExp(`${REMINDER.id}\\s+appointment_reminder\\s+en_US\\s+UTILITY\\s+approved\\s+image\\s+1 2`),
    );
    // order_update's header is fixed text: a send gives none.
    expect(stdout).toMatch(/order_update .* text \(fixed\)\s+customer_name order_number/);
  });

  it("filters and prints JSON", async () => {
    const { stdout } = await createTestCli().run(["templates", "list", "--name", "notice", "--json"]);
    expect(JSON.parse(stdout).map((t: { id: string }) => t.id)).toEqual([NOTICE.id]);
  });

  it("reads one page with --page", async () => {
    const cli = createTestCli();
    const { stdout } = await cli.run(["templates", "list", "--page", "1", "--per-page", "2", "--json"]);
    expect(JSON.parse(stdout)).toHaveLength(2);
    expect(cli.mock.calls).toHaveLength(1);
  });

  it.each([
    [["templates", "get", "--help"], /^Usage: kapsokit templates get <template-id>/, "--status"],
    [["templates", "list", "--help"], /^Usage: kapsokit templates list/, "<template-id>"],
  ])("%j shows only that command's options", async (args, usage, foreign) => {
    const { code, stdout } = await createTestCli().run(args);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(usage);
    expect(stdout).not.toContain(foreign);
  });

  it("shows one template", async () => {
    const { code, stdout } = await createTestCli().run(["templates", "get", ORDER.id]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`order_update (${ORDER.id})`);
    expect(stdout).toMatch(/parameters\s+customer_name order_number/);
    expect(stdout).toContain('header      text (fixed): "Order update" (sends give no header)');
  });

  it("shows a template's buttons, and how to fill the URL button that takes a value", async () => {
    const cli = createTestCli({ templates: [fixtures.orderShipped] });
    const { code, stdout } = await cli.run(["templates", "get", fixtures.orderShipped.id]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(
      '  buttons     0 URL "Track order" https://example.com/track/{{1}} (--button 0=<text>)\n' +
        '              1 QUICK_REPLY "Stop updates"\n',
    );
  });

  it.each([
    [
      ["templates", "list", "--status", "live"],
      '--status must be one of draft, submitted, approved, rejected, disabled, not "live"',
    ],
    [["templates", "list", "--per-page", "500"], "--per-page must be a whole number from 1 to 100"],
    [["templates", "get"], "missing <template-id>"],
    [["templates", "get", "not-a-uuid"], "templateId: must be a UUID"],
    [["templates", "delete", ORDER.id], 'unknown templates command "delete"'],
  ])("%j is a usage error", async (args, message) => {
    const { code, stderr } = await createTestCli().run(args);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it("exits 1 for a template that does not exist", async () => {
    const { code, stderr } = await createTestCli().run([
      "templates",
      "get",
      "00000000-0000-4000-8000-000000000000",
    ]);
    expect(code).toBe(EXIT.failed);
    expect(stderr).toContain("the API answered 404");
  });
});
