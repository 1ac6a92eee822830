import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The package root is the nearest folder with a package.json, whether this file runs from
// src/ (vitest) or from the compiled bundle in .out/ (pnpm bench).
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return dir;
}

/** packages/bench */
export const benchRoot = findPackageRoot();
/** The repository root. */
export const repoRoot = join(benchRoot, "..", "..");
/** Scratch output (compiled subjects, bundles, type-check projects); not committed. */
export const outDir = join(benchRoot, ".out");
