// The release flow: every public package of the workspace in changesets' one fixed group
// (a new package left out would be released on its own), pending changesets that name only
// public packages, and `changeset version` run on a copy of the workspace to show that the
// public packages move together while the private ones stay out of it.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOk } from "../support/run.js";
import {
  type Manifest,
  publicPackages,
  readManifest,
  root,
  workspacePackages,
} from "../support/workspace.js";

interface ChangesetsConfig {
  fixed: string[][];
  linked: string[][];
  access: string;
  ignore: string[];
  baseBranch: string;
  privatePackages?: { version: boolean; tag: boolean };
}

const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8")) as ChangesetsConfig;
const names = publicPackages().map((pkg) => pkg.manifest.name);

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
}

function pendingChangesets(dir: string): { file: string; packages: string[] }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .map((file) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
      const packages = [...front.matchAll(/^["']?([^"':]+)["']?:\s*(major|minor|patch)\s*$/gm)].map(
        (m) => m[1]!,
      );
      return { file, packages };
    });
}

describe("changesets configuration", () => {
  it("releases every public package in one fixed group", () => {
    expect(config.fixed).toHaveLength(1);
    const group = config.fixed[0]!.map(globToRegExp);
    for (const name of names) {
      expect(
        group.some((pattern) => pattern.test(name)),
        name,
      ).toBe(true);
    }
  });

  it("has pending changesets that name only public packages", () => {
    const pending = pendingChangesets(join(root, ".changeset"));
    for (const { file, packages } of pending) {
      expect(packages.length, file).toBeGreaterThan(0);
      for (const name of packages) {
        expect(names, `${file}: ${name}`).toContain(name);
      }
    }
  });
});

describe("pnpm version-packages on a copy of the workspace", () => {
  let copy: string;
  const before = new Map(workspacePackages().map((pkg) => [pkg.folder, pkg.manifest]));
  const after = new Map<string, Manifest>();

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), "kapsokit-changesets-"));
    for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset"]) {
      cpSync(join(root, file), join(copy, file), { recursive: true });
    }
    for (const pkg of workspacePackages()) {
      mkdirSync(join(copy, "packages", pkg.folder), { recursive: true });
      for (const file of ["package.json", "CHANGELOG.md"]) {
        if (existsSync(join(pkg.dir, file))) {
          cpSync(join(pkg.dir, file), join(copy, "packages", pkg.folder, file));
        }
      }
    }
    // changesets resolves its changelog generator from the project; it only reads from here.
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
    writeFileSync(
      join(copy, ".changeset", "fix-core-only.md"),
      '---\n"@kapsokit/core": patch\n---\n\nA fix in core alone.\n',
    );
    const cli = join(root, "node_modules", "@changesets", "cli", "bin.js");
    await runOk(process.execPath, [cli, "version"], { cwd: copy });
    for (const pkg of workspacePackages()) {
      after.set(pkg.folder, readManifest(join(copy, "packages", pkg.folder)));
    }
  });

  afterAll(() => {
    if (copy) {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("moves every public package to one new version, even those without a changeset of their own", () => {
    const versions = new Set(publicPackages().map((pkg) => after.get(pkg.folder)!.version));
    expect(versions.size).toBe(1);
    const [version] = versions;
    for (const pkg of publicPackages()) {
      expect(version, pkg.manifest.name).not.toBe(pkg.manifest.version);
    }
  });

  it("leaves the private packages' versions alone", () => {
    for (const pkg of workspacePackages().filter((p) => p.manifest.private === true)) {
      expect(after.get(pkg.folder)!.version, pkg.manifest.name).toBe(before.get(pkg.folder)!.version);
    }
  });

  it("writes each public package's CHANGELOG with the new version and the change", () => {
    for (const pkg of publicPackages()) {
      const changelog = readFileSync(join(copy, "packages", pkg.folder, "CHANGELOG.md"), "utf8");
      expect(changelog.startsWith(`# ${pkg.manifest.name}\n\n## ${after.get(pkg.folder)!.version}\n`)).toBe(
        true,
      );
    }
    const core = readFileSync(join(copy, "packages", "core", "CHANGELOG.md"), "utf8");
    expect(core).toContain("A fix in core alone.");
  });

  it("consumes the changesets it applied", () => {
    expect(pendingChangesets(join(copy, ".changeset"))).toEqual([]);
  });

  it("keeps workspace ranges as the workspace protocol, for pnpm pack to rewrite", () => {
    for (const pkg of publicPackages()) {
      const { dependencies = {}, peerDependencies = {} } = after.get(pkg.folder)!;
      for (const [name, range] of Object.entries({ ...dependencies, ...peerDependencies })) {
        if (names.includes(name)) {
          expect(range, `${pkg.manifest.name} → ${name}`).toBe("workspace:^");
        }
      }
    }
  });
});
