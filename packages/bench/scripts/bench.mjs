#!/usr/bin/env node
// `pnpm bench`: compiles src/main.ts with esbuild (npm packages stay imports, resolved from
// this package) and runs it, so the measurements run as plain JavaScript in this process.
// The plain-JavaScript modules under src/ (*.mjs) stay where they are and are imported by
// absolute URL, since they find their child scripts relative to themselves.
// Arguments pass through: `--quick` for tiny counts, `--only per-call,bundle-size`.
import { dirname, join, resolve } from "node:path";
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
  plugins: [
    {
      name: "mjs-in-place",
      setup(build) {
        build.onResolve({ filter: /\.mjs$/ }, (args) => ({
          path: pathToFileURL(resolve(args.resolveDir, args.path)).href,
          external: true,
        }));
      },
    },
  ],
});
await import(pathToFileURL(outfile).href);
