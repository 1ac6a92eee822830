import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/server.ts", "src/msw.ts", "src/vitest.ts", "src/jest.ts", "src/prism.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["@kapsokit/core", "@stoplight/prism-cli", "msw", "vitest", "jest", "@jest/globals", "expect"],
});
