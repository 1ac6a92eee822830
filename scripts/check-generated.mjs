#!/usr/bin/env node
// Fails when the committed generated files are not what `pnpm generate` makes from
// openapi/. It regenerates them, so a second run passes once the change is reviewed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function generatedFiles() {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        files.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
      }
    }
  };
  for (const pkg of readdirSync(join(root, "packages"))) {
    const dir = join(root, "packages", pkg, "src", "generated");
    if (existsSync(dir)) {
      walk(dir);
    }
  }
  return files;
}

const before = generatedFiles();
const result = spawnSync(process.execPath, [join(root, "scripts", "generate.mjs")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
const after = generatedFiles();

const stale = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
if (stale.length > 0) {
  console.error("\nGenerated code was out of date with openapi/ (it has been regenerated now):");
  for (const file of stale) {
    console.error(`  ${file}`);
  }
  console.error("Review and commit the regenerated files; never edit generated code by hand.");
  process.exit(1);
}
console.log(`generated code matches openapi/ (${after.size} files)`);
