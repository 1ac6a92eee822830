import { defineConfig } from "tsup";

// Node only (Redis connections, node:crypto): no browser build, and nothing here is ever
// reached from @kapsokit/client's entry points.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
});
