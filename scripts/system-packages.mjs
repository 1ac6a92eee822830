#!/usr/bin/env node
// The programs the tests need from Debian's packages. `npm test` runs this first, before any
// test starts, so one apt-get installs whatever is missing (as root) and no two test files
// race for dpkg's lock. Anyone else gets the one command that installs it, and exit 1.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Each program, the Debian package that has it, and the tests that need it. */
export const SYSTEM_PACKAGES = [
  { command: "redis-server", pkg: "redis-server", usedBy: "the queue tests and benchmark" },
  { command: "chromium", pkg: "chromium", usedBy: "the browser and inspector tests" },
  { command: "tmux", pkg: "tmux", usedBy: "the command line's terminal test" },
  { command: "curl", pkg: "curl", usedBy: "the documentation's curl example" },
];

const onPath = (command) =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/** The packages whose program is not on PATH. */
export function missingPackages() {
  return SYSTEM_PACKAGES.filter(({ command }) => !onPath(command));
}

/** The one command that installs the given packages. */
export function installCommand(packages) {
  return `apt-get install -y ${packages.map(({ pkg }) => pkg).join(" ")}`;
}

function aptGet(args) {
  // Another install on the machine may hold dpkg's lock: wait for it rather than fail.
  const result = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function main() {
  const missing = missingPackages();
  if (missing.length === 0) {
    console.log(`all present: ${SYSTEM_PACKAGES.map(({ command }) => command).join(", ")}`);
    return 0;
  }
  const command = installCommand(missing);
  for (const { command: program, usedBy } of missing) {
    console.log(`${program} is missing (${usedBy})`);
  }
  if (process.getuid?.() !== 0 || !onPath("apt-get")) {
    console.error(`install them with: sudo ${command}`);
    return 1;
  }
  console.log(`> ${command}`);
  // A fresh machine has no package lists yet.
  if (!aptGet(["update"]) || !aptGet(["install", "-y", ...missing.map(({ pkg }) => pkg)])) {
    console.error(`apt-get failed; run: ${command}`);
    return 1;
  }
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`still missing after the install: ${still.map(({ command: c }) => c).join(", ")}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(main());
}
