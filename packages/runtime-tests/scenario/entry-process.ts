// Entry for runtimes started as a process (Node, Bun, Deno): runs the scenario and prints its
// result as one marked JSON line on stdout, where the test picks it up.
import type { RuntimeInfo } from "./result.js";
import { RESULT_MARKER, runScenario } from "./run-scenario.js";

interface RuntimeGlobals {
  Bun?: { version: string };
  Deno?: { version: { deno: string } };
  process?: { version: string };
}

function detectRuntime(): RuntimeInfo {
  const g = globalThis as RuntimeGlobals;
  // Bun and Deno also define `process`, so they are asked first.
  if (g.Bun) {
    return { name: "bun", version: g.Bun.version };
  }
  if (g.Deno) {
    return { name: "deno", version: g.Deno.version.deno };
  }
  if (g.process) {
    return { name: "node", version: g.process.version };
  }
  throw new Error("unknown runtime");
}

// No top-level await: the same entry is also built as CommonJS.
void runScenario(detectRuntime(), { browser: false }).then((result) => {
  console.log(`${RESULT_MARKER}${JSON.stringify(result)}`);
});
