import { Miniflare } from "miniflare";
import { afterAll } from "vitest";
import type { ScenarioResult } from "../../scenario/result.js";
import { bundleScenario } from "../support/bundle.js";
import { describeScenario } from "../support/scenario-checks.js";

let miniflare: Miniflare | undefined;

afterAll(async () => {
  await miniflare?.dispose();
});

// A plain module worker, without the nodejs_compat flag: the client must need nothing but
// web-standard APIs there.
describeScenario("workerd (miniflare)", { name: "workerd", version: /^Cloudflare-Workers$/ }, async () => {
  miniflare = new Miniflare({
    modules: true,
    scriptPath: await bundleScenario("worker", "workerd"),
    compatibilityDate: "2026-04-20",
  });
  const response = await miniflare.dispatchFetch("http://runtime.test/");
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`worker answered ${response.status}:\n${body}`);
  }
  return JSON.parse(body) as ScenarioResult;
});
