import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/pack.ts"],
    reporters,
    // These tests spawn real tools (pnpm, npm, tsc, attw, TypeDoc), one file at a time.
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
