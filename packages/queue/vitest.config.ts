import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters,
    // Installs redis-server once when it is missing, before any test file starts its own.
    globalSetup: ["test/support/global-setup.ts"],
    // Every test starts its own Redis, worker processes and a server: room on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
