import { bundleScenario } from "../support/bundle.js";
import { runProcessScenario } from "../support/run-process.js";
import { describeScenario } from "../support/scenario-checks.js";

// The Node that runs the test suite: the repository's supported floor.
describeScenario("Node 20 (host)", { name: "node", version: /^v20\./, inspector: "util.inspect" }, async () =>
  runProcessScenario(process.execPath, [await bundleScenario("process", "node20")]),
);

// The same scenario through `require`: the CommonJS builds of the client and the mock.
describeScenario(
  "Node 20 (host), CommonJS builds",
  { name: "node", version: /^v20\./, inspector: "util.inspect" },
  async () => runProcessScenario(process.execPath, [await bundleScenario("process-cjs", "node20-cjs")]),
);
