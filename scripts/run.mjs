#!/usr/bin/env node
// Entry point of the README's two commands (`npm run demo`, `npm test`).
// On a fresh clone only Node and npm exist, so this fetches the pinned pnpm with npm,
// installs what the task needs, and then runs it.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const task = process.argv[2];
// What each task installs. The test suite needs the whole workspace (Bun, Deno, Node 22 and
// 24, workerd, Prism, Chromium's driver); the demo only the command line and the packages it
// is built from. pnpm always adds the root's own tools (turbo, TypeScript, biome).
const tasks = {
  test: { script: "scripts/test-all.mjs", install: [] },
  demo: { script: "scripts/demo.mjs", install: ["--filter", "@kapsokit/cli..."] },
};

if (!Object.hasOwn(tasks, task ?? "")) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join("|")}>`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`kapsokit needs Node 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    throw result.error;
  }
  return result.status ?? 1;
}

const packageManager = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolsDir = join(root, ".tools", `pnpm-${pnpmVersion}`);
const pnpmCli = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");

if (!existsSync(pnpmCli)) {
  console.log(`> fetching pnpm ${pnpmVersion} with npm`);
  const status = run("npm", [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
  if (status !== 0) {
    process.exit(status);
  }
}

// turbo runs each package's scripts with `pnpm`, so the pinned one goes first on PATH.
const binDir = join(root, ".tools", "bin");
mkdirSync(binDir, { recursive: true });
writeFileSync(join(binDir, "pnpm"), `#!/bin/sh\nexec "${process.execPath}" "${pnpmCli}" "$@"\n`);
chmodSync(join(binDir, "pnpm"), 0o755);
const env = {
  ...process.env,
  PATH: `${binDir}:${join(root, "node_modules", ".bin")}:${process.env.PATH}`,
  COREPACK_ENABLE_STRICT: "0",
};

const install = ["install", "--frozen-lockfile", ...tasks[task].install];
console.log(`> pnpm ${install.join(" ")}`);
let status = run(process.execPath, [pnpmCli, ...install, "--reporter=append-only"], { env });
if (status !== 0) {
  process.exit(status);
}

status = run(process.execPath, [join(root, tasks[task].script), ...process.argv.slice(3)], { env });
process.exit(status);
