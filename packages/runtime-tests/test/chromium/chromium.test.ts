import { runBrowserScenario } from "../support/chromium.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "headless Chromium (Debian, playwright-core)",
  { name: "browser", version: /HeadlessChrome\/\d+|Chrome\/\d+/ },
  runBrowserScenario,
);
