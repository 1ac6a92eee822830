import { bundles, nodeBinary } from "../support/paths.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

describeScenario(
  "Node 24 (npm node package)",
  { name: "node", version: /^v24\./, inspector: "util.inspect" },
  () => runProcessScenario(nodeBinary(24), [bundles.process]),
);
