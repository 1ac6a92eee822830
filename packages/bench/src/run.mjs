#!/usr/bin/env node
// `pnpm --filter bench bench:mock-start`: start-up of the mock vs Prism, side by side in one run, and
// the mock's requests per second. Writes results/mock-start.json and results/mock-start.md.
// RUNS and RPS_TIME_MS (env) shrink or grow the run.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { mockInNewProcess, mockInProcess, mockServer, prism, round, sample } from "./startup.mjs";
import { mockThroughput } from "./throughput.mjs";

const runs = Number(process.env.RUNS ?? 7);
const rpsTimeMs = Number(process.env.RPS_TIME_MS ?? 2_000);

console.log(`start-up, ${runs} runs each ...`);
// Warm the file system cache so the first sample of each is not an outlier of disk reads.
await mockInNewProcess();
await prism();
const startup = {
  "mock, in process": await sample(mockInProcess, Math.max(runs, 50)),
  "mock, new Node process": await sample(mockInNewProcess, runs),
  "mock HTTP server, new process": await sample(mockServer, runs),
  "Prism 5.14 (mock --errors), new process": await sample(prism, runs),
};
const prismMedian = startup["Prism 5.14 (mock --errors), new process"].medianMs;
/** @type {Record<string, number>} */
const prismOverMock = {};
for (const [name, result] of Object.entries(startup)) {
  if (!name.startsWith("Prism")) {
    prismOverMock[name] = round(prismMedian / result.medianMs);
  }
}
console.log("requests per second ...");
const throughput = await mockThroughput({ timeMs: rpsTimeMs });

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: process.platform,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
  },
  startup,
  prismOverMock,
  throughput,
};
const dir = new URL("../results/", import.meta.url);
writeFileSync(new URL("mock-start.json", dir), `${JSON.stringify(results, null, 2)}\n`);

const lines = [
  "# Mock start-up vs Prism",
  "",
  `Measured ${results.date.slice(0, 10)} on Node ${process.version}, ${results.machine.cpus} CPUs (${results.machine.cpu}), by \`pnpm --filter bench bench:mock-start\`.`,
  "Start-up is the time from start to the first answered request; processes are spawned and polled the same way.",
  "",
  "| what | median ms | min–max ms | runs | Prism ÷ this |",
  "| --- | ---: | ---: | ---: | ---: |",
  ...Object.entries(startup).map(
    ([name, r]) =>
      `| ${name} | ${r.medianMs} | ${r.minMs}–${r.maxMs} | ${r.runs} | ${prismOverMock[name] ?? 1}× |`,
  ),
  "",
  "| in-process mock | requests/s | mean latency ms |",
  "| --- | ---: | ---: |",
  ...Object.entries(throughput).map(
    ([name, r]) => `| ${name} | ${r.requestsPerSecond} | ${r.meanLatencyMs} |`,
  ),
  "",
];
writeFileSync(new URL("mock-start.md", dir), lines.join("\n"));
// Committed files must pass `biome ci`: let biome lay them out (tables padded, short arrays inline).
const biome = fileURLToPath(new URL("../../../node_modules/.bin/biome", import.meta.url));
spawnSync(
  biome,
  [
    "format",
    "--write",
    fileURLToPath(new URL("mock-start.json", dir)),
    fileURLToPath(new URL("mock-start.md", dir)),
  ],
  {
    stdio: "ignore",
  },
);
console.log(lines.join("\n"));
