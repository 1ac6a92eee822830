// Packs every public package once per run, the way `changeset publish` would, into a
// temporary folder. The tests read, lint and install these tarballs; nothing is published.
// A package that cannot be packed fails its own tests, not the whole run.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { run } from "../support/run.js";
import { publicPackages } from "../support/workspace.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Package name → absolute path of its packed tarball. */
    tarballs: Record<string, string>;
    /** Package name → why it could not be packed. */
    packErrors: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const packDir = mkdtempSync(join(tmpdir(), "kapsokit-pack-"));
  const tarballs: Record<string, string> = {};
  const packErrors: Record<string, string> = {};
  for (const pkg of publicPackages()) {
    const name = pkg.manifest.name;
    if (!existsSync(join(pkg.dir, "dist"))) {
      packErrors[name] =
        `${name} has no dist/; build it first (pnpm turbo run build --filter=release-tests...)`;
      continue;
    }
    const before = new Set(readdirSync(packDir));
    const result = await run("pnpm", ["pack", "--pack-destination", packDir], { cwd: pkg.dir });
    const created = readdirSync(packDir).filter((file) => !before.has(file) && file.endsWith(".tgz"));
    if (result.status !== 0 || created.length !== 1) {
      packErrors[name] = `pnpm pack failed\n${result.output}`;
    } else {
      tarballs[name] = join(packDir, created[0]!);
    }
  }
  project.provide("tarballs", tarballs);
  project.provide("packErrors", packErrors);
  return () => {
    rmSync(packDir, { recursive: true, force: true });
  };
}
