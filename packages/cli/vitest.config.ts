import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters,
    // The crash and bulk tests start child processes and a server; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
