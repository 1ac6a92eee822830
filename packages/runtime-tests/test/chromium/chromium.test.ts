import { runBrowserScenario } from "../support/chromium.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "headless Chromium (Debian, playwright-core)",
  { name: "browser", browser: true, version: /HeadlessChrome\/\d+|Chrome\/\d+/, startTimeout: 120_000 },
  runBrowserScenario,
);
