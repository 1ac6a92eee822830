// The README's quick start and CONTRIBUTING's setup, as written, on a copy of the repo as a
// fresh clone has it. The setup block starts with the README's `npm run demo`, which must
// install only the command line and the packages it is built from, print no warning, and run
// the demo; its next lines put the pinned pnpm on PATH and run a turbo script with it.
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userEnv } from "../support/npm-env.js";
import { copyWorkingTree } from "../support/repo-copy.js";
import { type RunResult, run } from "../support/run.js";
import { readManifest, root } from "../support/workspace.js";

/** The first ```sh block under a `## heading` of a markdown file. */
function shellBlock(file: string, heading: string): string {
  const text = readFileSync(join(root, file), "utf8");
  const section = text.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) {
    throw new Error(`${file} has no sh block under "## ${heading}"`);
  }
  return block;
}

/** The commands of a shell block, without their comments. */
const commands = (block: string) =>
  block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter(Boolean);

// Space taken by a folder, each file counted once however many hard links it has (pnpm links
// every file from its store).
function diskUsage(dir: string, seen = new Set<number>()): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    if (seen.has(stat.ino)) {
      continue;
    }
    seen.add(stat.ino);
    bytes += stat.blocks * 512;
    if (entry.isDirectory()) {
      bytes += diskUsage(path, seen);
    }
  }
  return bytes;
}

const quickStart = shellBlock("README.md", "Quick start");
const setup = shellBlock("CONTRIBUTING.md", "Setup");
let copy = "";
let result: RunResult;

beforeAll(async () => {
  copy = copyWorkingTree("kapsokit-quick-start-");
  // The pinned pnpm that npm would fetch, when this workspace has it already: no network.
  const pnpm = `pnpm-${readManifest(root).packageManager?.replace(/^pnpm@/, "")}`;
  if (existsSync(join(root, ".tools", pnpm))) {
    cpSync(join(root, ".tools", pnpm), join(copy, ".tools", pnpm), { recursive: true });
  }
  // A user's shell: nothing of this workspace's own install on PATH, no npm or pnpm variables.
  const env = userEnv();
  env.PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((entry) => !entry.startsWith(root.replace(/\/$/, "")))
    .join(delimiter);
  result = await run("sh", ["-e", "-c", setup], { cwd: copy, env, timeoutMs: 540_000 });
}, 600_000);

afterAll(() => {
  if (copy) {
    rmSync(copy, { recursive: true, force: true });
  }
});

describe("the README's quick start", () => {
  it("is the two commands, and says npm test is the test command", () => {
    expect(commands(quickStart)).toEqual(["npm run demo", "npm test"]);
    expect(quickStart).toMatch(/^npm test +# the test command/m);
  });
});

describe("CONTRIBUTING's setup, run as written on a fresh copy", () => {
  it("begins with the README's npm run demo", () => {
    expect(commands(setup)[0]).toBe(commands(quickStart)[0]);
  });

  it("runs to the end: the demo, then a turbo script through the pinned pnpm on PATH", () => {
    expect(result.status, result.output).toBe(0);
    const demoEnd = result.stdout.indexOf("every other reminder was sent once");
    expect(demoEnd, result.output).toBeGreaterThan(0);
    expect(result.stdout.slice(demoEnd), result.output).toMatch(/Tasks: +\d+ successful, \d+ total/);
    expect(result.output).not.toMatch(/Unable to find package manager binary/);
  });

  it("prints no npm or pnpm warning while it installs", () => {
    expect(result.output.split("\n").filter((line) => /\bwarn/i.test(line))).toEqual([]);
  });

  it("installs only the command line's packages, without the test suite's runtimes and tools", () => {
    const installed = (folder: string) => existsSync(join(copy, "packages", folder, "node_modules"));
    for (const folder of ["cli", "client", "core", "testing"]) {
      expect(installed(folder), folder).toBe(true);
    }
    for (const folder of ["runtime-tests", "contract-tests", "release-tests", "bench"]) {
      expect(installed(folder), folder).toBe(false);
    }
    const store = readdirSync(join(copy, "node_modules", ".pnpm"));
    for (const heavy of [
      "bun@",
      "deno@",
      "node@",
      "miniflare@",
      "workerd@",
      "playwright-core@",
      "@redocly+cli@",
    ]) {
      expect(
        store.filter((entry) => entry.startsWith(heavy)),
        heavy,
      ).toEqual([]);
    }
    expect(readManifest(join(copy, "packages", "cli")).name).toBe("@kapsokit/cli");
  });

  it("takes under 600 MB of node_modules (the whole workspace's is 1.4 GB)", () => {
    const seen = new Set<number>();
    const folders = [
      join(copy, "node_modules"),
      ...readdirSync(join(copy, "packages")).map((folder) => join(copy, "packages", folder, "node_modules")),
    ].filter((folder) => existsSync(folder));
    const bytes = folders.reduce((sum, folder) => sum + diskUsage(folder, seen), 0);
    expect(bytes / 1e6).toBeLessThan(600);
  });
});
