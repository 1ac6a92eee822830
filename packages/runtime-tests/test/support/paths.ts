import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The runtime-tests package folder: processes run here so bare imports find its node_modules. */
export const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** Where the scenario builds go (see bundle.ts). */
export const bundleDir = join(packageDir, ".bundle");

const require = createRequire(import.meta.url);

function packageFolder(name: string, from = require): string {
  return dirname(from.resolve(`${name}/package.json`));
}

/** A runtime binary shipped in an npm package; throws with the fix when it is not there. */
function binary(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${what} is not installed at ${path}. Run \`pnpm install\` at the repo root ` +
        "(its install script must be allowed in pnpm-workspace.yaml onlyBuiltDependencies).",
    );
  }
  return path;
}

/** The `node` binary of the npm `node` package for one major version (22 or 24). */
export function nodeBinary(major: 22 | 24): string {
  // The `node` aliases live in runtimes/, a package of their own: as direct dependencies here
  // their `node` bin would be linked into node_modules/.bin and shadow the host Node.
  const fromVersions = createRequire(join(packageFolder("runtime-tests-node-versions"), "package.json"));
  return binary(join(packageFolder(`node${major}`, fromVersions), "bin", "node"), `Node ${major}`);
}

export function bunBinary(): string {
  return binary(join(packageFolder("bun"), "bin", "bun.exe"), "Bun");
}

export function denoBinary(): string {
  return binary(join(packageFolder("deno"), "deno"), "Deno");
}
