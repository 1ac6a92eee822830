import { runBrowserScenario } from "../support/chromium.js";
import { describeScenario } from "../support/scenario-checks.js";

// The first start may include `apt-get install chromium` on a fresh machine.
describeScenario(
  "headless Chromium (Debian, playwright-core)",
  { name: "browser", browser: true, version: /HeadlessChrome\/\d+|Chrome\/\d+/, startTimeout: 300_000 },
  runBrowserScenario,
);
