import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { kB, times } from "../harness/format.js";
import { benchRoot, outDir } from "../harness/paths.js";
import type { Benchmark, TargetCheck } from "../harness/section.js";
import { KAPSO_SDK, KAPSOKIT, OPENAPI_FETCH, subjects } from "../subjects/index.js";

type Platform = "browser" | "node";

interface Size {
  /** Minified bytes loaded up front: the entry and every chunk it imports statically. */
  min: number;
  /** The same, gzipped at level 9, file by file. */
  gzip: number;
  /** Gzipped bytes of chunks only loaded on demand (`import()`), e.g. kapsokit's bulk engine. */
  lazyGzip: number;
}

/**
 * One subject's module bundled with everything it imports, minified and split as an app
 * bundler splits it: what `import()` loads becomes its own chunk, fetched only when used.
 */
async function bundle(file: string, platform: Platform): Promise<Size> {
  const entry = join(benchRoot, "src", "subjects", file);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform,
    // The browser/edge build resolves `browser` and `worker` conditions; Node its own.
    target: platform === "browser" ? "es2022" : "node20",
    outdir: join(outDir, "bundle", platform),
    write: false,
    metafile: true,
    // @kapso/whatsapp-cloud-api imports node:crypto; edge runtimes provide it (workerd's
    // nodejs_compat), so it is left out of the browser/edge bundle rather than failing it.
    external: ["node:*"],
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const gzipOf = new Map(
    result.outputFiles.map((f) => [
      relative(process.cwd(), f.path),
      gzipSync(f.contents, { level: 9 }).byteLength,
    ]),
  );
  const entryOut = Object.keys(outputs).find((name) => outputs[name]?.entryPoint);
  if (!entryOut) {
    throw new Error(`no entry output for ${file}`);
  }
  // The entry and its static imports, transitively.
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) {
      return;
    }
    initial.add(name);
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) {
        visit(imported.path);
      }
    }
  };
  visit(entryOut);
  const size: Size = { min: 0, gzip: 0, lazyGzip: 0 };
  for (const [name, output] of Object.entries(outputs)) {
    if (name.endsWith(".map")) {
      continue;
    }
    const gzip = gzipOf.get(name) ?? 0;
    if (initial.has(name)) {
      size.min += output.bytes;
      size.gzip += gzip;
    } else {
      size.lazyGzip += gzip;
    }
  }
  return size;
}

/**
 * Bundle size: each subject's module (the template send, written with that client) bundled
 * by esbuild for a browser/edge target and for Node, minified, then gzipped at level 9.
 */
export const bundleSize: Benchmark = async ({ log }) => {
  log("bundle size: esbuild, minified + gzip -9");
  const sizes = new Map<string, Record<Platform, Size>>();
  for (const subject of subjects) {
    sizes.set(subject.name, {
      browser: await bundle(subject.file, "browser"),
      node: await bundle(subject.file, "node"),
    });
  }
  const of = (name: string) => sizes.get(name)!;
  const ours = of(KAPSOKIT);
  const rows = subjects.map(({ name }) => {
    const s = of(name);
    return [
      name,
      kB(s.browser.min),
      kB(s.browser.gzip),
      kB(s.node.min),
      kB(s.node.gzip),
      s.browser.lazyGzip ? kB(s.browser.lazyGzip) : "–",
      times(s.browser.gzip / ours.browser.gzip),
    ];
  });
  const targets: TargetCheck[] = (["browser", "node"] as const).flatMap((platform) => [
    {
      name: `gzipped ${platform === "browser" ? "browser/edge" : "Node"} bundle vs @kapso/whatsapp-cloud-api`,
      ratio: ours[platform].gzip / of(KAPSO_SDK)[platform].gzip,
      limit: 1 / 20,
      limitText: "≤ 1/20 (0.05×)",
    },
    {
      name: `gzipped ${platform === "browser" ? "browser/edge" : "Node"} bundle vs bare openapi-fetch`,
      ratio: ours[platform].gzip / of(OPENAPI_FETCH)[platform].gzip,
      limit: 2,
      limitText: "≤ 2×",
    },
  ]);
  return {
    id: "bundle-size",
    title: "Bundle size",
    method:
      "What an app that sends the template ships: each client's module in `packages/bench/src/subjects/` " +
      "bundled by esbuild with everything it imports (ESM, minified, tree-shaken, split where the code " +
      "uses `import()`, as app bundlers do), once for a browser/edge " +
      "target (`platform: browser`, es2022) and once for Node (`platform: node`, node20), then gzipped " +
      "(level 9) file by file. The gzip columns count what loads up front: the entry and the chunks it " +
      'imports statically; "on demand" is what only an `import()` fetches (kapsokit\'s bulk engine, ' +
      "loaded on the first `sendMany`). Built-in `node:` modules are left out (@kapso/whatsapp-cloud-api imports `node:crypto`). `raw fetch` is the app code alone, the floor every client adds to. " +
      "× kapsokit compares the gzipped browser bundles.",
    columns: [
      "client",
      "browser min",
      "browser gzip",
      "Node min",
      "Node gzip",
      "on demand (browser gzip)",
      "× kapsokit (browser gzip)",
    ],
    rows,
    targets,
    charts: [
      {
        title: "Bundle, browser/edge, minified + gzipped (kB)",
        unit: "kB",
        bars: subjects.map(({ name }) => ({ label: name, value: of(name).browser.gzip / 1000 })),
      },
    ],
    notes: [
      "kapsokit's Node bundle is larger than its browser one on purpose: `@kapsokit/core`'s `browser` " +
        "build loads what a failed request needs (its words, the redaction of the API key, the retry " +
        "rules) as a chunk on the first failure, while every other build bundles it, so on a server no " +
        "dynamic import ever sits between a failure and its retry timer (tests on fake timers rely on " +
        "that). On a server those bytes are read from disk once, not downloaded.",
    ],
  };
};
