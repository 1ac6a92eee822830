// What `pnpm pack` (and so `changeset publish`) puts in each tarball: the built entry
// points, license, README and changelog, no sources or tests, and real version ranges in
// place of the workspace protocol.
import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { tarballOf } from "../support/packed.js";
import { packedManifest, readTarball, type TarballFiles } from "../support/tarball.js";
import { publicPackages } from "../support/workspace.js";

const packages = publicPackages();
const versions = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") {
    return [value.replace(/^\.\//, "")];
  }
  if (value && typeof value === "object") {
    return Object.values(value).flatMap(exportTargets);
  }
  return [];
}

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (name, pkg) => {
  let files: TarballFiles = new Map();
  let manifest: Record<string, unknown> = {};
  beforeAll(() => {
    files = readTarball(tarballOf(name));
    manifest = packedManifest(files);
  });

  it("contains every entry point, the license, README and changelog", () => {
    const paths = [...files.keys()];
    for (const target of exportTargets(manifest.exports)) {
      expect(paths, target).toContain(target);
    }
    for (const field of ["main", "module", "types"] as const) {
      if (manifest[field] !== undefined) {
        expect(paths, field).toContain(exportTargets(manifest[field])[0]);
      }
    }
    expect(paths).toEqual(expect.arrayContaining(["package.json", "LICENSE", "README.md", "CHANGELOG.md"]));
  });

  it("leaves sources, tests and build configuration out", () => {
    for (const path of files.keys()) {
      expect(path).toMatch(/^(dist\/|package\.json$|LICENSE$|README\.md$|CHANGELOG\.md$)/);
    }
  });

  it("rewrites workspace: and catalog: ranges into real version ranges", () => {
    expect(manifest.version).toBe(pkg.manifest.version);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
      const ranges = (manifest[field] ?? {}) as Record<string, string>;
      for (const [dependency, range] of Object.entries(ranges)) {
        expect(range, `${field}.${dependency}`).not.toMatch(/^(workspace|catalog):/);
        const internal = versions.get(dependency);
        if (internal !== undefined) {
          expect(range, `${field}.${dependency}`).toBe(`^${internal}`);
        } else {
          expect(range, `${field}.${dependency}`).toMatch(/^([~^]|>=?)?\d+(\.\d+){0,2}/);
        }
      }
    }
    expect(manifest, "a prepare script would run on every git install").not.toHaveProperty("scripts.prepare");
  });

  it("reports its packed size and runtime dependencies", () => {
    const size = statSync(tarballOf(name)).size;
    const runtime = Object.keys((manifest.dependencies ?? {}) as Record<string, string>);
    console.log(
      `${name}: ${(size / 1024).toFixed(1)} kB packed, ${files.size} files; dependencies: ${runtime.join(", ") || "none"}`,
    );
    expect(size).toBeGreaterThan(0);
    expect(size, "a tarball this large ships something it should not").toBeLessThan(300 * 1024);
  });
});
