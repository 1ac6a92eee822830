import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/pack.ts"],
    reporters,
    // These tests spawn real tools (pnpm, npm, tsc, attw, TypeDoc). They run last in
    // `npm test`, mostly alone: two files at a time keep both cores busy.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
