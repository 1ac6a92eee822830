#!/usr/bin/env node
// Adds up the JSON reports vitest wrote in each package (packages/*/.reports/vitest.json)
// and prints one line: `N passed, N failed`. A test file that failed outside any test (a
// crashed `beforeAll`, an import error) leaves its tests "skipped"; it counts as one failure.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const perPackage = [];
  for (const name of readdirSync(join(root, "packages")).sort()) {
    const file = join(root, "packages", name, ".reports", "vitest.json");
    if (!existsSync(file)) {
      continue;
    }
    const report = JSON.parse(readFileSync(file, "utf8"));
    const brokenFiles = report.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
    ).length;
    const packageFailed = report.numFailedTests + brokenFiles;
    passed += report.numPassedTests;
    failed += packageFailed;
    skipped += report.numPendingTests + report.numTodoTests;
    perPackage.push(`${name}: ${report.numPassedTests} passed, ${packageFailed} failed`);
  }
  return { passed, failed, skipped, perPackage };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { passed, failed, skipped, perPackage } = summarize();
  for (const line of perPackage) {
    console.log(`  ${line}`);
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}
