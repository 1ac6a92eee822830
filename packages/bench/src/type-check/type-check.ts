import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runNode } from "../harness/child.js";
import { fmt, times } from "../harness/format.js";
import { benchRoot, outDir } from "../harness/paths.js";
import type { Benchmark } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import { KAPSOKIT, subjects } from "../subjects/index.js";

const tsc = join(createRequire(import.meta.url).resolve("typescript/package.json"), "..", "bin", "tsc");

/** A project of one subject's module, with the options of a typical strict app. */
function writeProject(file: string): string {
  const dir = join(outDir, "type-check", file.replace(/\.ts$/, ""));
  mkdirSync(dir, { recursive: true });
  const project = join(dir, "tsconfig.json");
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const files = [join(benchRoot, "src", "subjects", file), join(benchRoot, "src", "subjects", "message.ts")];
  writeFileSync(project, JSON.stringify({ compilerOptions, files }, null, 2));
  return project;
}

/** One `tsc --noEmit` run: wall time of the process, tsc's own total, and the files it read. */
async function check(project: string, retries = 2): Promise<{ ms: number; tscMs: number; files: number }> {
  const started = performance.now();
  let output: string;
  try {
    output = await runNode([tsc, "--noEmit", "-p", project, "--extendedDiagnostics"]);
  } catch (error) {
    // A workspace package whose dist/ is being rebuilt has no declarations for a moment.
    if (retries === 0 || !/TS7016|TS2307/.test(String(error))) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    return check(project, retries - 1);
  }
  const ms = performance.now() - started;
  const files = Number(/^Files:\s+(\d+)/m.exec(output)?.[1]);
  const tscMs = Number(/^Total time:\s+([\d.]+)s/m.exec(output)?.[1]) * 1000;
  return { ms, tscMs, files };
}

/**
 * Type-check cost: `tsc --noEmit` of a small program that sends the template with each
 * client (its module in src/subjects/, strict, skipLibCheck), timed as a whole process.
 */
export const typeCheck: Benchmark = async ({ quick, log }) => {
  const runs = quick ? 1 : 5;
  log(`type-check: tsc --noEmit, ${runs} runs per client`);
  const projects = subjects.map((s) => ({ name: s.name, project: writeProject(s.file) }));
  const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const tscSamples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const files = new Map<string, number>();
  if (!quick) {
    for (const { project } of projects) {
      await check(project); // warm the page cache
    }
  }
  const record = (name: string, result: Awaited<ReturnType<typeof check>>) => {
    samples.get(name)!.push(result.ms);
    tscSamples.get(name)!.push(result.tscMs);
    files.set(name, result.files);
  };
  if (quick) {
    // The smoke test only needs the harness to work: all at once, the figures mean nothing.
    const results = await Promise.all(projects.map(({ project }) => check(project)));
    for (const [i, { name }] of projects.entries()) {
      record(name, results[i]!);
    }
  }
  for (let i = 0; i < (quick ? 0 : runs); i++) {
    for (const { name, project } of projects) {
      record(name, await check(project));
    }
  }
  const figures = new Map([...samples].map(([name, values]) => [name, summarize(values)]));
  const tscMedian = (name: string) => summarize(tscSamples.get(name)!).median;
  const ours = figures.get(KAPSOKIT)!.median;
  return {
    id: "type-check",
    title: "Type-check cost",
    method:
      `\`tsc --noEmit\` (TypeScript's own \`tsc\`, a fresh process, ${runs} runs per client, interleaved) of a ` +
      "project holding just the client's module in `packages/bench/src/subjects/` and the shared message: " +
      "strict, NodeNext, `skipLibCheck` (as most apps set it). The time includes tsc's start-up and the " +
      'standard library, the same for all; `raw fetch` is that floor. "tsc total" is the compiler\'s ' +
      "own figure (`--extendedDiagnostics`: parse, bind and check, without process start-up). Files = source and declaration " +
      "files the program read.",
    columns: [
      "client",
      "median ms",
      "p75 ms",
      "p99 ms",
      "MAD ms",
      "× kapsokit",
      "tsc total ms",
      "files",
      "runs",
    ],
    rows: subjects.map(({ name }) => {
      const f = figures.get(name)!;
      return [
        name,
        fmt(f.median),
        fmt(f.p75),
        fmt(f.p99),
        fmt(f.mad),
        times(f.median / ours),
        fmt(tscMedian(name)),
        String(files.get(name)),
        String(f.n),
      ];
    }),
    targets: [],
    charts: [
      {
        title: "Type-check, tsc --noEmit (median ms)",
        unit: "ms",
        bars: subjects.map(({ name }) => ({ label: name, value: figures.get(name)!.median })),
      },
    ],
    notes: [],
  };
};
