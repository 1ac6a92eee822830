#!/usr/bin/env node
// The whole test suite, as `npm test` runs it after installing the workspace:
// the programs the tests need from Debian (installed when missing), lint, spec lint,
// generated-code drift, then build, type-check and every package's tests.
// Ends with one line, `N passed, N failed`, added up from vitest's own reports.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { summarize } from "./test-summary.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, KAPSOKIT_TEST_REPORT: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };

const steps = [
  ["programs the tests need", process.execPath, ["scripts/system-packages.mjs"]],
  ["format and lint", "biome", ["ci", "."]],
  ["spec lint", "pnpm", ["--filter", "contract-tests", "run", "lint:spec"]],
  ["generated code drift", process.execPath, ["scripts/check-generated.mjs"]],
  [
    "build, type-check and test every package",
    "turbo",
    ["run", "build", "typecheck", "test", "--concurrency=2", "--continue", "--output-logs=full"],
  ],
];

// Reports of an earlier run must never be counted as this one's.
for (const pkg of readdirSync(join(root, "packages"))) {
  rmSync(join(root, "packages", pkg, ".reports"), { recursive: true, force: true });
}

const started = Date.now();
const failures = [];
for (const [title, command, args] of steps) {
  console.log(`\n=== ${title}: ${command === process.execPath ? "node" : command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) {
    console.error(result.error.message);
  }
  if (result.status !== 0) {
    failures.push(title);
  }
}

const { passed, failed, skipped, perPackage } = summarize();
console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const line of perPackage) {
  console.log(`  ${line}`);
}
for (const title of failures) {
  console.log(`  FAILED step: ${title}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
