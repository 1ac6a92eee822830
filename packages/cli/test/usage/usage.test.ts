import { describe, expect, it } from "vitest";
import { EXIT, HELP } from "../../src/index.js";
import { createTestCli } from "../support/cli.js";

describe("kapsokit usage", () => {
  it("prints help and the exit codes with --help, and exits 2 without a command", async () => {
    const cli = createTestCli();
    expect(await cli.run(["--help"])).toEqual({ code: EXIT.ok, stdout: HELP, stderr: "" });
    expect((await cli.run([])).code).toBe(EXIT.usage);
    expect(HELP).toMatch(
      /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}70 .*\n {2}74 .*\n {2}130 /,
    );
  });

  it.each(["send", "send-bulk", "templates", "mock"])("prints the help of %s", async (command) => {
    const { code, stdout } = await createTestCli().run([command, "--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Usage: kapsokit /);
  });

  it("names an unknown command", async () => {
    const { code, stderr } = await createTestCli().run(["sned"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe('kapsokit: unknown command "sned". Run "kapsokit --help" for the commands.\n');
  });

  it("prints its version", async () => {
    const { code, stdout } = await createTestCli().run(["--version"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
