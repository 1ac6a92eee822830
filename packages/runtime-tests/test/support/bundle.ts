// Builds the scenario for one runtime, inside that runtime's test: a build that fails (say, a
// `node:` import reachable from a main entry) fails the runtimes that need it, and only those.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { bundleDir, packageDir } from "./paths.js";

export type BundleKind = "process" | "process-cjs" | "network" | "worker" | "browser";

const OPTIONS: Record<BundleKind, BuildOptions> = {
  // Node, Bun and Deno import the packages' own ESM builds through their package.json exports.
  process: { entryPoints: ["scenario/entry-process.ts"], platform: "neutral", packages: "external" },
  // The network scenario: the client with the runtime's own fetch, against real sockets.
  network: { entryPoints: ["scenario/entry-network.ts"], platform: "neutral", packages: "external" },
  // The same, as CommonJS: `require` picks the packages' CJS builds.
  "process-cjs": {
    entryPoints: ["scenario/entry-process.ts"],
    platform: "node",
    format: "cjs",
    packages: "external",
  },
  // workerd loads one module; these conditions are the ones Cloudflare's own bundler uses.
  worker: {
    entryPoints: ["scenario/entry-worker.ts"],
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
  },
  browser: { entryPoints: ["scenario/entry-browser.ts"], platform: "browser" },
};

/**
 * Bundles the scenario for `kind` into `.bundle/<name>/` and returns the file's path.
 * The file sits inside this package, so bare imports resolve from its node_modules.
 */
export async function bundleScenario(kind: BundleKind, name: string): Promise<string> {
  const dir = join(bundleDir, name);
  const outfile = join(dir, kind === "process-cjs" ? "scenario.cjs" : "scenario.mjs");
  rmSync(dir, { recursive: true, force: true });
  await build({
    absWorkingDir: packageDir,
    outfile,
    bundle: true,
    format: "esm",
    target: "es2022",
    logLevel: "silent",
    ...OPTIONS[kind],
  });
  return outfile;
}
