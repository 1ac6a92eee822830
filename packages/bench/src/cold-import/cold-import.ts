import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { lastNumber, runNode } from "../harness/child.js";
import { compileForNode } from "../harness/compile.js";
import { fmt, times } from "../harness/format.js";
import type { Benchmark } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import { KAPSO_SDK, KAPSOKIT, subjects } from "../subjects/index.js";

/**
 * Cold import: a fresh `node` process per run imports one subject's module (and so its
 * client) and prints how long the `import()` took. The runs of all subjects are interleaved,
 * so a slow moment of a shared machine does not fall on one client alone.
 */
export const coldImport: Benchmark = async ({ quick, log }) => {
  const runs = quick ? 1 : 40;
  log(`cold import: ${runs} fresh processes per client`);
  const modules = new Map<string, string>();
  for (const subject of subjects) {
    const file = await compileForNode(
      join("subjects", subject.file),
      join("cold-import", `${subject.file}.mjs`),
    );
    modules.set(subject.name, pathToFileURL(file).href);
  }
  const probe = (url: string) =>
    `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const importOnce = async (url: string, retries = 2): Promise<number> => {
    try {
      return lastNumber(await runNode(["--input-type=module", "-e", probe(url)]));
    } catch (error) {
      // A workspace package whose dist/ is being rebuilt is missing for a moment.
      if (retries === 0 || !/ERR_MODULE_NOT_FOUND/.test(String(error))) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      return importOnce(url, retries - 1);
    }
  };
  const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  // One unmeasured round loads every file from disk into the page cache.
  if (!quick) {
    for (const [, url] of modules) {
      await importOnce(url);
    }
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of modules) {
      samples.get(name)!.push(await importOnce(url));
    }
  }
  const figures = new Map([...samples].map(([name, values]) => [name, summarize(values)]));
  const ours = figures.get(KAPSOKIT)!.median;
  return {
    id: "cold-import",
    title: "Cold import",
    method:
      `A fresh \`node\` process per run (${runs} runs per client, interleaved) times \`await import()\` of ` +
      "the client's module in `packages/bench/src/subjects/` (the client and all it loads, compiled " +
      "to one ESM file with npm packages left as imports), from the package's node_modules. Node's own " +
      "start-up is not included. `raw fetch` loads nothing but its few lines: the floor.",
    columns: ["client", "median ms", "p75 ms", "p99 ms", "MAD ms", "× kapsokit", "runs"],
    rows: subjects.map(({ name }) => {
      const f = figures.get(name)!;
      return [name, fmt(f.median), fmt(f.p75), fmt(f.p99), fmt(f.mad), times(f.median / ours), String(f.n)];
    }),
    targets: [
      {
        name: "cold import vs @kapso/whatsapp-cloud-api",
        ratio: ours / figures.get(KAPSO_SDK)!.median,
        limit: 1 / 4,
        limitText: "≤ 1/4 (0.25×)",
      },
    ],
    charts: [
      {
        title: "Cold import, fresh process (median ms)",
        unit: "ms",
        bars: subjects.map(({ name }) => ({ label: name, value: figures.get(name)!.median })),
      },
    ],
    notes: [],
  };
};
