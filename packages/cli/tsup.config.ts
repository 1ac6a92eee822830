import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const shared: Options = {
  sourcemap: true,
  target: "node20",
  platform: "node",
  define: { __KAPSOKIT_CLI_VERSION__: JSON.stringify(version) },
};

// The binary is ESM only (top-level await; Node runs it directly). The library entry
// (`run`, `parseCsv`) ships ESM and CommonJS with their own declarations, like every
// @kapsokit package. The two builds run side by side, so only the library's cleans the
// output folder, sparing the binary.
export default defineConfig([
  {
    ...shared,
    entry: { bin: "src/bin.ts" },
    format: ["esm"],
    clean: false,
    // The binary takes `run` from the library's ESM build beside it instead of a copy.
    esbuildPlugins: [
      {
        name: "run-from-library",
        setup(build) {
          build.onResolve({ filter: /^\.\/run\.js$/ }, (args) =>
            args.importer.endsWith("/src/bin.ts") ? { path: "./index.js", external: true } : undefined,
          );
        },
      },
    ],
  },
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, clean: ["!bin.*"] },
]);
