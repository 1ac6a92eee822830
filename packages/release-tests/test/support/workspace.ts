// Where the workspace is and which of its packages are published.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../../../", import.meta.url));

/** The packages we publish; the checks below iterate over whichever of them exist. */
export const EXPECTED_PUBLIC_PACKAGES = [
  "@kapsokit/cli",
  "@kapsokit/client",
  "@kapsokit/core",
  "@kapsokit/queue",
  "@kapsokit/testing",
] as const;

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  packageManager?: string;
  description?: string;
  keywords?: string[];
  license?: string;
  type?: string;
  sideEffects?: boolean | string[];
  engines?: Record<string, string>;
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: string | Record<string, string>;
  publishConfig?: Record<string, string>;
  repository?: { type: string; url: string; directory?: string } | string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Folder name under packages/, such as `core`. */
  folder: string;
  dir: string;
  manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

export function workspacePackages(): WorkspacePackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(packagesDir, entry.name);
      try {
        return [{ folder: entry.name, dir, manifest: readManifest(dir) }];
      } catch {
        // A folder without a package.json yet is not a package.
        return [];
      }
    })
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

export function publicPackages(): WorkspacePackage[] {
  return workspacePackages().filter((pkg) => pkg.manifest.private !== true);
}

/** The version pinned for `name` in the `catalog:` of pnpm-workspace.yaml. */
export function catalogVersion(name: string): string {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const catalog = /^catalog:\n((?: {2}.*\n)+)/m.exec(workspace)?.[1] ?? "";
  for (const line of catalog.split("\n")) {
    const match = /^ {2}"?([^":]+)"?:\s*(\S+)\s*$/.exec(line);
    if (match?.[1] === name) {
      return match[2]!;
    }
  }
  throw new Error(`${name} is not in the catalog of pnpm-workspace.yaml`);
}
