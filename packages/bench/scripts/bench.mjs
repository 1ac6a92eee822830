#!/usr/bin/env node
// `pnpm bench`: compiles src/main.ts with esbuild (npm packages stay imports, resolved from
// this package) and runs it, so the measurements run as plain JavaScript in this process.
// Arguments pass through: `--quick` for tiny counts, `--only per-call,bundle-size`.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, ".out", "main.mjs");
await build({
  entryPoints: [join(root, "src", "main.ts")],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "error",
});
await import(pathToFileURL(outfile).href);
