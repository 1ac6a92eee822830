// Runs once before the test files: makes sure redis-server is there, so that test files
// running side by side never install it twice at once. Every redis-server a test starts
// notes its pid in a folder of this run, and the teardown stops any still running: a test
// file that timed out, or a worker that vitest ended, leaves none behind.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRedisServer } from "./redis-binary.js";

export default function setup(): () => void {
  ensureRedisServer();
  const pids = mkdtempSync(join(tmpdir(), "kapsokit-redis-pids-"));
  process.env.KAPSOKIT_REDIS_PIDS = pids;
  return () => {
    for (const pid of readdirSync(pids)) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // Stopped already.
      }
    }
    rmSync(pids, { recursive: true, force: true });
  };
}
