// Entry for the browser page: exposes the scenario for `page.evaluate` to call and await.
import type { ScenarioResult } from "./result.js";
import { runScenario } from "./run-scenario.js";

declare global {
  var runKapsoScenario: () => Promise<ScenarioResult>;
}

globalThis.runKapsoScenario = () =>
  runScenario({ name: "browser", version: navigator.userAgent }, { browser: true });
