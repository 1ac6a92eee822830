import { bundles, nodeBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "Node 22 (npm node package)",
  { name: "node", version: /^v22\./, inspector: "util.inspect" },
  () => runProcessScenario(nodeBinary(22), [bundles.process]),
);
