import { bundleScenario } from "../support/bundle.js";
import { denoBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

// Least privilege: no network (the mock is in-process) and no file access; the environment
// only for the client's documented KAPSO_* defaults.
describeScenario("Deno", { name: "deno", version: /^2\./, inspector: "Deno.inspect" }, async () =>
  runProcessScenario(denoBinary(), [
    "run",
    "--no-prompt",
    "--allow-env=KAPSO_API_KEY,KAPSO_BASE_URL,KAPSO_LOG",
    await bundleScenario("process", "deno"),
  ]),
);
