// Finds redis-server. `npm test` installs it first when it is missing (scripts/system-packages.mjs);
// run alone, the tests fail with the one command that installs it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"];

function find(): string | undefined {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const onPath = which.status === 0 ? which.stdout.trim() : "";
  return onPath || CANDIDATES.find((path) => existsSync(path));
}

let known: string | undefined;

/** The path of redis-server. */
export function ensureRedisServer(): string {
  known ??= find();
  if (!known) {
    throw new Error(
      "the queue tests need redis-server (7.0 or newer); install it with: sudo apt-get install -y redis-server",
    );
  }
  return known;
}
