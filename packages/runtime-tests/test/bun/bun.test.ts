import { bundleScenario } from "../support/bundle.js";
import { bunBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario("Bun", { name: "bun", version: /^1\./, inspector: "Bun.inspect" }, async () =>
  runProcessScenario(bunBinary(), ["run", await bundleScenario("process", "bun")]),
);
