// `npm test`'s first step: the programs the tests need from Debian, installed up front (as
// root) or named with the one command that installs them.
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { run } from "../support/run.js";
import { root } from "../support/workspace.js";

const script = join(root, "scripts/system-packages.mjs");

it("says all are present on a machine that has them", async () => {
  const result = await run(process.execPath, [script], { cwd: root });
  expect(result.status, result.output).toBe(0);
  expect(result.stdout).toMatch(/^all present: redis-server, chromium, tmux, curl$/m);
});

it("names what is missing and the one command that installs it, and exits 1, where it cannot install", async () => {
  // A PATH with only sh and nothing else: every program missing, and no apt-get to install with.
  const bin = mkdtempSync(join(tmpdir(), "kapsokit-bare-path-"));
  symlinkSync("/bin/sh", join(bin, "sh"));
  const result = await run(process.execPath, [script], { cwd: root, env: { PATH: bin } });
  expect(result.status, result.output).toBe(1);
  expect(result.stdout).toContain("redis-server is missing (the queue tests and benchmark)");
  expect(result.stdout).toContain("tmux is missing (the command line's terminal test)");
  expect(result.stderr.trim()).toBe(
    "install them with: sudo apt-get install -y redis-server chromium tmux curl",
  );
});
