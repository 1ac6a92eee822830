import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const shared: Options = {
  entry: { index: "src/index.ts", internal: "src/internal/index.ts" },
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  define: { __KAPSOKIT_VERSION__: JSON.stringify(version) },
};

// `pnpm build` empties dist/ first: the two builds run at once, so neither may clean it.
export default defineConfig([
  // Servers, workers and bundlers without the "browser" condition: everything in one place.
  { ...shared, format: ["esm", "cjs"], dts: true },
  // The "browser" condition: the failure module becomes a chunk loaded on the first failure.
  {
    ...shared,
    format: ["esm"],
    outDir: "dist/browser",
    esbuildPlugins: [
      {
        name: "browser-load-failure",
        setup(build) {
          build.onResolve({ filter: /\/load-failure\.js$/ }, (args) => ({
            path: new URL(args.path.replace(/\.js$/, ".browser.ts"), `file://${args.resolveDir}/`).pathname,
          }));
        },
      },
    ],
  },
]);
