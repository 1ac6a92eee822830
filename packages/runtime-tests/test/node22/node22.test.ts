import { bundleScenario } from "../support/bundle.js";
import { nodeBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "Node 22 (npm node package)",
  { name: "node", version: /^v22\./, inspector: "util.inspect" },
  async () => runProcessScenario(nodeBinary(22), [await bundleScenario("process", "node22")]),
);
