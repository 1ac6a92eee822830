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
  { ...shared, entry: { bin: "src/bin.ts" }, format: ["esm"], clean: false },
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, clean: ["!bin.*"] },
]);
