import { copyFile, mkdir } from "node:fs/promises";
import { build } from "esbuild";
import { defineConfig } from "tsup";

// The inspector page's files, served by the mock server from dist/inspector/: its HTML as
// written, its style sheet, and one script holding the page's code and renderMessage (the
// same function the package exports), bundled for the browser with nothing left to fetch.
async function buildInspectorPage(): Promise<void> {
  const from = "src/inspector/page";
  const to = "dist/inspector";
  await mkdir(to, { recursive: true });
  const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [`${from}/inspector.ts`],
      outfile: `${to}/inspector.js`,
      format: "esm",
      platform: "browser",
      target: "es2022",
    }),
    build({ ...common, entryPoints: [`${from}/inspector.css`], outfile: `${to}/inspector.css` }),
    copyFile(`${from}/index.html`, `${to}/index.html`),
  ]);
}

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
  onSuccess: buildInspectorPage,
});
