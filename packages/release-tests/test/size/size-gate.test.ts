// The client's bundle budget (5 kB gzipped) is measured by scripts/bundle-size.mjs and
// enforced by the client's own size test. Here: that the gate really fails a bundle above the
// budget and passes one within it, by running the script on stand-in client builds.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { run } from "../support/run.js";
import { root } from "../support/workspace.js";

const script = join(root, "scripts", "bundle-size.mjs");
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A copy of the script beside a stand-in client whose dist/index.js is `source`. */
function gateFor(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-size-"));
  temporary.push(dir);
  mkdirSync(join(dir, "scripts"));
  cpSync(script, join(dir, "scripts", "bundle-size.mjs"));
  for (const pkg of ["client", "core"]) {
    mkdirSync(join(dir, "packages", pkg, "dist"), { recursive: true });
    cpSync(join(root, "packages", pkg, "package.json"), join(dir, "packages", pkg, "package.json"));
    symlinkSync(
      join(root, "packages", pkg, "node_modules"),
      join(dir, "packages", pkg, "node_modules"),
      "dir",
    );
  }
  writeFileSync(join(dir, "packages", "client", "dist", "index.js"), source);
  return dir;
}

it("fails a client bundle above 5 kB gzipped", async () => {
  // Random bytes do not compress: about 9 kB after gzip.
  const dir = gateFor(`export const payload = "${randomBytes(9 * 1024).toString("base64")}";\n`);
  const result = await run(process.execPath, [join(dir, "scripts", "bundle-size.mjs")], { cwd: dir });
  expect(result.status, result.output).toBe(1);
  expect(result.stdout).toMatch(/budget: 5\.00 kB gzipped; OVER/);
});

it("passes a client bundle within it", async () => {
  const dir = gateFor(`export const payload = "${randomBytes(2 * 1024).toString("base64")}";\n`);
  const result = await run(process.execPath, [join(dir, "scripts", "bundle-size.mjs")], { cwd: dir });
  expect(result.status, result.output).toBe(0);
  expect(result.stdout).toMatch(/budget: 5\.00 kB gzipped; within/);
});
