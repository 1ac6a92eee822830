// Runs the jest suite beside this file in a child process (jest 30, the built CommonJS
// package) and reports each jest test as a vitest test, so they count in the summary.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

const require = createRequire(import.meta.url);
const built = fileURLToPath(new URL("../../dist/jest.cjs", import.meta.url));
const config = fileURLToPath(new URL("./jest.config.cjs", import.meta.url));

function runJest(): JestReport {
  if (!existsSync(built)) {
    throw new Error("dist/ is missing: build @kapsokit/testing first (turbo does)");
  }
  const jestBin = join(dirname(require.resolve("jest/package.json")), "bin", "jest.js");
  const result = spawnSync(process.execPath, [jestBin, "--config", config, "--json", "--ci"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const start = result.stdout.indexOf("{");
  if (start < 0) {
    throw new Error(`jest printed no report:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout.slice(start)) as JestReport;
}

const report = runJest();
const results = report.testResults.flatMap((file) => file.assertionResults);

describe("under jest 30", () => {
  it("ran the whole jest suite", () => {
    expect(results.length).toBe(9);
    expect(report.numFailedTests).toBe(0);
  });

  for (const result of results) {
    it(result.fullName, () => {
      expect(result.failureMessages.join("\n")).toBe("");
      expect(result.status).toBe("passed");
    });
  }
});
