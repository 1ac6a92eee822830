// Runs every benchmark in one process, one after another, and writes BENCHMARKS.md, its
// chart and the raw results. `--quick` uses tiny counts; `--only a,b` runs some sections
// and writes nothing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchmarks } from "./benchmarks.js";
import { describeMachine } from "./harness/machine.js";
import { benchRoot, repoRoot } from "./harness/paths.js";
import { renderMarkdown } from "./harness/report.js";
import type { Section } from "./harness/section.js";
import { renderChart } from "./harness/svg-chart.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",") : undefined;

const started = new Date();
const machineAtStart = describeMachine();
const sections: Section[] = [];
for (const [id, benchmark] of Object.entries(benchmarks)) {
  if (only && !only.includes(id)) continue;
  const t0 = performance.now();
  const section = await benchmark({ quick, log: (line) => console.log(`  ${line}`) });
  console.log(`${section.title}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.table(
    Object.fromEntries(
      section.rows.map((row, i) => [i, Object.fromEntries(section.columns.map((c, j) => [c, row[j]]))]),
    ),
  );
  sections.push(section);
}

if (only || quick) {
  console.log("(--only / --quick: BENCHMARKS.md left as it was)");
} else {
  const machine = describeMachine();
  const chartFile = "packages/bench/results/benchmarks.svg";
  writeFileSync(join(repoRoot, chartFile), renderChart(sections));
  writeFileSync(
    join(repoRoot, "BENCHMARKS.md"),
    renderMarkdown({ sections, machine, loadAtStart: machineAtStart.load, started, chartFile }),
  );
  writeFileSync(
    join(benchRoot, "results", "latest.json"),
    `${JSON.stringify({ date: started.toISOString(), machine, sections }, null, 2)}\n`,
  );
  console.log("wrote BENCHMARKS.md and", chartFile);
}
