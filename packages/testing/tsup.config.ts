import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/server.ts", "src/msw.ts", "src/vitest.ts", "src/jest.ts", "src/prism.ts"],
  format: ["esm", "cjs"],
  // Shared chunks in the CommonJS build too: without them each CJS entry inlines its own copy
  // of the mock, so `require("@kapsokit/testing")` and `require("@kapsokit/testing/server")`
  // would hold different classes and a much larger package.
  splitting: true,
  // `import.meta.url` (the Prism helper resolves its bin with it) gets a CommonJS equivalent.
  shims: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["@kapsokit/core", "@stoplight/prism-cli", "msw", "vitest", "jest", "@jest/globals", "expect"],
});
