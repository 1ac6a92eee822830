import { bundleScenario } from "../support/bundle.js";
import { nodeBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "Node 24 (npm node package)",
  { name: "node", version: /^v24\./, inspector: "util.inspect" },
  async () => runProcessScenario(nodeBinary(24), [await bundleScenario("process", "node24")]),
);
