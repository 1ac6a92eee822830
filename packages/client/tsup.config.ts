import { defineConfig } from "tsup";

export default defineConfig({
  // `journal` is Node-only (node:fs), so it is an entry of its own and `index` stays browser-safe.
  entry: { index: "src/index.ts", journal: "src/bulk/journal-entry.ts", internal: "src/internal/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
});
