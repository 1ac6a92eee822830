#!/usr/bin/env node
// Measures what `import "@kapsokit/client"` costs a browser or edge bundle: the built ESM
// entry with everything it imports (core and, through core, whatever it pulls in), bundled
// by esbuild, minified and gzipped. openapi-fetch alone is measured the same way, for scale.
// Code the entry loads lazily (dynamic `import()`) is split off and reported on its own line.
// `node scripts/bundle-size.mjs` prints the figures; the client's size test imports
// `measureBundles` and enforces the budget.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const clientDir = new URL("../packages/client/", import.meta.url);
const coreDir = new URL("../packages/core/", import.meta.url);

/** The client's budget: minified and gzipped ESM, in bytes. */
export const CLIENT_BUDGET = 5 * 1024;

/**
 * Bundles one entry, minified, as browser ESM. Returns the bytes loaded on import (the entry
 * chunk and the chunks it imports statically) and the bytes of chunks loaded only on demand.
 */
async function measure(esbuild, entry) {
  const result = await esbuild.build({
    entryPoints: { entry },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: "out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [file.path, file]));
  const byName = (name) => [...files.values()].find((file) => file.path.endsWith(`/${name}`));
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const onImport = new Set();
  const visit = (name) => {
    if (onImport.has(name)) {
      return;
    }
    onImport.add(name);
    for (const imported of outputs[name].imports) {
      if (imported.kind === "import-statement" && outputs[imported.path]) {
        visit(imported.path);
      }
    }
  };
  visit(entryName);
  const sizes = { minified: 0, gzipped: 0, lazyMinified: 0, lazyGzipped: 0 };
  for (const name of Object.keys(outputs)) {
    if (name.endsWith(".map")) {
      continue;
    }
    const { contents } = byName(name.split("/").pop());
    const lazy = !onImport.has(name);
    sizes[lazy ? "lazyMinified" : "minified"] += contents.byteLength;
    sizes[lazy ? "lazyGzipped" : "gzipped"] += gzipSync(contents, { level: 9 }).byteLength;
  }
  return sizes;
}

/** Sizes of the client's ESM entry and of openapi-fetch alone. Needs the client built. */
export async function measureBundles() {
  const fromClient = createRequire(new URL("package.json", clientDir));
  const fromCore = createRequire(new URL("package.json", coreDir));
  const esbuild = fromClient("esbuild");
  const clientEntry = fileURLToPath(new URL("dist/index.js", clientDir));
  const openapiFetchEntry = fromCore.resolve("openapi-fetch").replace(/index\.c?js$/, "index.mjs");
  return {
    client: await measure(esbuild, clientEntry),
    openapiFetch: await measure(esbuild, openapiFetchEntry),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { client, openapiFetch } = await measureBundles();
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(`@kapsokit/client (ESM, minified): ${kb(client.minified)}, gzipped ${kb(client.gzipped)}`);
  if (client.lazyMinified) {
    console.log(`  loaded on demand: ${kb(client.lazyMinified)}, gzipped ${kb(client.lazyGzipped)}`);
  }
  console.log(
    `openapi-fetch alone (ESM, minified): ${kb(openapiFetch.minified)}, gzipped ${kb(openapiFetch.gzipped)}`,
  );
  console.log(`budget: ${kb(CLIENT_BUDGET)} gzipped; ${client.gzipped <= CLIENT_BUDGET ? "within" : "OVER"}`);
  if (client.gzipped > CLIENT_BUDGET) {
    process.exitCode = 1;
  }
}
