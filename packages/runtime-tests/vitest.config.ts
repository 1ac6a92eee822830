import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters,
    // Each file starts a whole runtime (a process, workerd or Chromium); on two shared cores
    // a cold start can take several seconds, and Chromium may first need an apt install.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Runtimes are heavy: starting several at once only makes each slower on two cores.
    maxWorkers: 2,
  },
});
