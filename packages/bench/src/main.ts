// Runs every benchmark in one process, one after another, and writes BENCHMARKS.md, its
// chart and the raw results (results/latest.json). `--quick` uses tiny counts and `--only a,b`
// runs some sections; both print and write nothing. `--render` rewrites BENCHMARKS.md and
// the chart from results/latest.json without measuring anything (after a change of layout).
// `--only a,b --merge` puts the sections just measured into results/latest.json in place of
// their earlier figures (each marked with its own date) and rewrites BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { benchmarks } from "./benchmarks.js";
import { describeMachine, type Machine } from "./harness/machine.js";
import { benchRoot, repoRoot } from "./harness/paths.js";
import { renderMarkdown } from "./harness/report.js";
import type { Section } from "./harness/section.js";
import { renderChart } from "./harness/svg-chart.js";

interface Run {
  date: string;
  machine: Machine;
  loadAtStart: number;
  sections: Section[];
}

const CHART_FILE = "packages/bench/results/benchmarks.svg";
const RESULTS_FILE = join(benchRoot, "results", "latest.json");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",") : undefined;
const merge = args.includes("--merge");

function write(run: Run): void {
  writeFileSync(join(repoRoot, CHART_FILE), renderChart(run.sections));
  writeFileSync(
    join(repoRoot, "BENCHMARKS.md"),
    renderMarkdown({ ...run, started: new Date(run.date), chartFile: CHART_FILE }),
  );
  writeFileSync(RESULTS_FILE, `${JSON.stringify(run, null, 2)}\n`);
  // Laid out as the repository's formatter would (padded tables, short arrays on one line),
  // so `biome ci` passes on the generated files and a new run diffs only where figures moved.
  const biome = createRequire(join(repoRoot, "package.json")).resolve("@biomejs/biome/bin/biome");
  execFileSync(process.execPath, [biome, "format", "--write", "BENCHMARKS.md", RESULTS_FILE], {
    cwd: repoRoot,
    stdio: "ignore",
  });
  console.log("wrote BENCHMARKS.md,", CHART_FILE, "and", RESULTS_FILE);
}

async function measure(): Promise<Run> {
  const date = new Date().toISOString();
  const loadAtStart = describeMachine().load;
  const sections: Section[] = [];
  for (const [id, benchmark] of Object.entries(benchmarks)) {
    if (only && !only.includes(id)) {
      continue;
    }
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
  return { date, machine: describeMachine(), loadAtStart, sections };
}

/** The last full run with these sections measured again, in the order of `benchmarks`. */
function merged(previous: Run, fresh: Run): Run {
  const order = Object.keys(benchmarks);
  const note = `Measured apart from the rest of this page, on ${fresh.date.replace(/\.\d+Z$/, "Z")} (1-minute load ${fresh.loadAtStart.toFixed(2)} at start), with \`pnpm --filter bench bench -- --only ${only?.join(",")} --merge\`.`;
  const sections = new Map(previous.sections.map((section) => [section.id, section]));
  for (const section of fresh.sections) {
    sections.set(section.id, { ...section, notes: [...section.notes, note] });
  }
  return {
    ...previous,
    sections: [...sections.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
  };
}

if (args.includes("--render")) {
  write(JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Run);
} else if (merge) {
  if (!only || quick) {
    throw new Error("--merge goes with --only and without --quick");
  }
  const previous = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Run;
  write(merged(previous, await measure()));
} else {
  const run = await measure();
  if (only || quick) {
    console.log("(--only / --quick: BENCHMARKS.md left as it was)");
  } else {
    write(run);
  }
}
