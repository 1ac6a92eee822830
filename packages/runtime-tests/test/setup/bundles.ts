// Builds the scenario once per run, for every runtime, before any test file starts.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { bundleDir, bundles, packageDir } from "../support/paths.js";

export default async function setup(): Promise<void> {
  rmSync(bundleDir, { recursive: true, force: true });
  const common = {
    absWorkingDir: packageDir,
    bundle: true,
    format: "esm",
    target: "es2022",
    logLevel: "warning",
  } as const;
  await Promise.all([
    // Node, Bun and Deno import the packages' own ESM builds through their package.json exports.
    build({
      ...common,
      entryPoints: ["scenario/entry-process.ts"],
      outfile: bundles.process,
      platform: "neutral",
      packages: "external",
    }),
    // workerd loads one module; these conditions are the ones Cloudflare's own bundler uses.
    build({
      ...common,
      entryPoints: ["scenario/entry-worker.ts"],
      outfile: bundles.worker,
      platform: "neutral",
      mainFields: ["module", "main"],
      conditions: ["workerd", "worker", "browser"],
    }),
    build({
      ...common,
      entryPoints: ["scenario/entry-browser.ts"],
      outfile: bundles.browser,
      platform: "browser",
    }),
  ]);
}
