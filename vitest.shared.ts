// Reporters shared by every package's vitest config. Under `npm test` each package also
// writes vitest's JSON report, which scripts/test-summary.mjs adds up into one line.
import type { ViteUserConfig } from "vitest/config";

type Reporters = NonNullable<NonNullable<ViteUserConfig["test"]>["reporters"]>;

export const reporters: Reporters = process.env.KAPSOKIT_TEST_REPORT
  ? ["default", ["json", { outputFile: ".reports/vitest.json" }]]
  : ["default"];
