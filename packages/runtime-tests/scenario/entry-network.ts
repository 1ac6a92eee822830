// Entry for the network scenario in a process runtime (Node, Bun, Deno): the servers' URLs
// come as arguments; the result goes out as one marked JSON line on stdout.
import { runNetworkScenario } from "./network-scenario.js";
import { RESULT_MARKER } from "./run-scenario.js";

interface ArgsGlobals {
  Deno?: { args: string[] };
  process?: { argv: string[] };
}

const g = globalThis as ArgsGlobals;
const [stall = "", redirect = ""] = g.Deno ? g.Deno.args : (g.process?.argv.slice(2) ?? []);
void runNetworkScenario({ stall, redirect }).then((result) => {
  console.log(`${RESULT_MARKER}${JSON.stringify(result)}`);
});
