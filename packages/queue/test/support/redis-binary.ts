// Finds redis-server, installing Debian's package when it is missing and this process may
// (root with apt-get). Otherwise it fails with the one command that installs it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const INSTALL = "apt-get install -y redis-server";
const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"];

function find(): string | undefined {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const onPath = which.status === 0 ? which.stdout.trim() : "";
  return onPath || CANDIDATES.find((path) => existsSync(path));
}

function aptGet(args: string[]): boolean {
  // Another test process may be installing it at the same moment: wait for its lock.
  const result = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 300_000,
  });
  return result.status === 0;
}

let known: string | undefined;

/** The path of redis-server, installed first when needed and possible. */
export function ensureRedisServer(): string {
  known ??= find();
  if (known) {
    return known;
  }
  const root = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!root || !hasApt) {
    throw new Error(`the queue tests need redis-server (7.0 or newer); install it with: sudo ${INSTALL}`);
  }
  console.log(`redis-server is missing: ${INSTALL}`);
  // A fresh machine may have no package lists yet: update once and try again.
  const ok =
    aptGet(["install", "-y", "--no-install-recommends", "redis-server"]) ||
    (aptGet(["update"]) && aptGet(["install", "-y", "--no-install-recommends", "redis-server"]));
  known = find();
  if (!ok || !known) {
    throw new Error(`installing redis-server failed; run: ${INSTALL}`);
  }
  console.log(execFileSync(known, ["--version"], { encoding: "utf8" }).trim());
  return known;
}
